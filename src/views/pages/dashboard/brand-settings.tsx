import { BRAND_NAME_MAX, LOGO_MAX_BYTES } from '../../../domain/limits'
import type { PublicBrand } from '../../../domain/shapes'
import { Alert } from '../../components/alert'
import { Field, FileField, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { FormState, OwnerView } from './types'

export const BRAND_PAGE = '/settings/brand'

export interface BrandPageProps {
  owner: OwnerView
  brand: PublicBrand
  /** The refused form (`brand` or `logo`) with its messages. */
  failed?: { form: 'brand' | 'logo'; state: FormState }
  saved?: boolean
}

/** Settings → Brand: what the client sees instead of Tether's name and colour. */
export function BrandPage({ owner, brand, failed, saved }: BrandPageProps) {
  const brandForm = failed?.form === 'brand' ? failed.state : undefined
  const logoForm = failed?.form === 'logo' ? failed.state : undefined
  return (
    <Layout title="Brand" owner={owner} current="settings">
      <div class="stack">
        <p class="small">
          <a href="/settings">← Settings</a>
        </p>
        <h1>Brand</h1>
        <p class="muted">
          Your name, logo and colour on the invitation and every page your client sees; “Secured by Tether” stays, in small print. A link
          keeps the brand it was made with.
        </p>
        {saved ? (
          <Alert kind="success" title="Saved">
            <p>New links show your brand.</p>
          </Alert>
        ) : null}
        <section class="card stack" aria-labelledby="brand-look-title">
          <h2 id="brand-look-title">Name and colour</h2>
          <form method="post" action={BRAND_PAGE} class="stack">
            <Field
              name="displayName"
              label="Display name"
              maxLength={BRAND_NAME_MAX}
              value={brandForm?.values?.displayName ?? brand.displayName ?? ''}
              error={brandForm?.errors?.displayName}
              help="Your agency or company, as your clients know it. Empty: Tether."
              autocomplete="organization"
            />
            <Field
              name="accent"
              label="Accent colour"
              maxLength={7}
              value={brandForm?.values?.accent ?? brand.accent ?? ''}
              error={brandForm?.errors?.accent}
              placeholder="#1a56db"
              help="Six hex digits, for the buttons. White text on it must be readable (WCAG AA, 4.5:1). Empty: Tether’s."
              autocomplete="off"
            />
            <SubmitButton>Save name and colour</SubmitButton>
          </form>
        </section>
        <section class="card stack" aria-labelledby="brand-logo-title">
          <h2 id="brand-logo-title">Logo</h2>
          {brand.logoUrl ? (
            <p>
              <img class="brand-logo-preview" src={brand.logoUrl} alt="Your current logo" height="48" />
            </p>
          ) : (
            <p class="muted">No logo yet.</p>
          )}
          <form method="post" action={`${BRAND_PAGE}/logo`} enctype="multipart/form-data" class="stack">
            <FileField
              name="logo"
              label={brand.logoUrl ? 'Replace the logo' : 'Upload a logo'}
              accept="image/png,image/jpeg,image/webp"
              required
              error={logoForm?.errors?.logo}
              help={`PNG, JPEG or WebP, at most ${LOGO_MAX_BYTES / 1024} KB; about 48 pixels high is shown. SVG is not accepted.`}
            />
            <SubmitButton>Upload logo</SubmitButton>
          </form>
          {brand.logoUrl ? (
            <form method="post" action={`${BRAND_PAGE}/logo/delete`}>
              <SubmitButton variant="secondary">Remove the logo</SubmitButton>
            </form>
          ) : null}
        </section>
      </div>
    </Layout>
  )
}
