import { preAuthorizeFieldsOf } from '../../../apps/metadata'
import { NAME_MAX } from '../../../domain/limits'
import type { AppDefinition } from '../../../apps/types'
import { AppIcon } from '../../components/app-icon'
import { Field, FormError, SubmitButton } from '../../components/form'
import { Link } from '../../components/icons'
import { Layout } from '../../layout'
import { AppCredentialFields } from './app-fields'
import { LinkLanguageSelect } from './link-language'
import { ReturnUrlField } from './return-url-field'
import { LinkLifetimeSelect } from './link-lifetime'
import type { FormState, OwnerView } from './types'

export interface NewConnectionProps {
  owner: OwnerView
  app: AppDefinition
  /** Set when that form was posted and failed. */
  link?: FormState
  direct?: FormState
}

export const NAME_VISIBLE_NOTE = 'Note: the connection name you enter will be visible to the person receiving the link.'

export function NewConnectionPage({ owner, app, link = {}, direct = {} }: NewConnectionProps) {
  const base = `/connections/new/${encodeURIComponent(app.id)}`
  return (
    <Layout title={`Add ${app.name} connection`} owner={owner} current="connections">
      <div class="stack">
        <p class="small">
          <a href="/connections/new">← All apps</a>
        </p>
        <div class="row">
          <AppIcon iconUrl={app.iconUrl} name={app.name} size={40} />
          <h1>Add {app.name} connection</h1>
        </div>
        <section class="card stack" aria-labelledby="via-link-title">
          <div>
            <h2 id="via-link-title">
              <Link size={18} /> Request Connection via Link
            </h2>
            <p class="muted">Your client opens the link and connects their own {app.name} account. You never see their password or key.</p>
          </div>
          <FormError message={link.error} />
          <form method="post" action={`${base}/link`} class="stack">
            <Field
              name="connectionName"
              maxLength={NAME_MAX}
              id="link-name"
              label="Connection name"
              required
              value={link.values?.connectionName}
              placeholder={`e.g. Client’s ${app.name}`}
              error={link.errors?.connectionName}
              help={NAME_VISIBLE_NOTE}
            />
            <LinkLifetimeSelect id="link-expiry" value={link.values?.expiresInMinutes} error={link.errors?.expiresInMinutes} />
            <LinkLanguageSelect id="link-locale" value={link.values?.locale} />
            <ReturnUrlField id="link-return-url" value={link.values?.returnUrl} error={link.errors?.returnUrl} />
            <div class="form-actions">
              <SubmitButton>Generate link</SubmitButton>
            </div>
          </form>
        </section>
        <section class="card stack" aria-labelledby="direct-title">
          <div>
            <h2 id="direct-title">Connect now</h2>
            <p class="muted">
              {app.authType === 'oauth2'
                ? `Sign in to ${app.name} yourself, with an account you control.`
                : `Enter the ${app.name} credentials yourself. Tether checks them with ${app.name} before saving them, encrypted.`}
            </p>
          </div>
          <FormError message={direct.error} />
          <form method="post" action={`${base}/${app.authType === 'oauth2' ? 'oauth' : 'direct'}`} class="stack">
            <Field
              name="connectionName"
              maxLength={NAME_MAX}
              id="direct-name"
              label="Connection name"
              required
              value={direct.values?.connectionName}
              placeholder={`e.g. My ${app.name}`}
              error={direct.errors?.connectionName}
            />
            <AppCredentialFields
              app={app}
              idPrefix="direct"
              state={direct}
              fields={app.authType === 'oauth2' ? preAuthorizeFieldsOf(app) : app.fields}
            />
            <div class="form-actions">
              <SubmitButton variant="secondary">
                {app.authType === 'oauth2' ? `Sign in with ${app.oauth?.providerName ?? app.name}` : 'Connect'}
              </SubmitButton>
            </div>
          </form>
        </section>
      </div>
    </Layout>
  )
}
