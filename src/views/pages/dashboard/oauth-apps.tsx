import { OAUTH_CLIENT_ID_MAX, OAUTH_CLIENT_SECRET_MAX } from '../../../domain/limits'
import type { PublicOAuthApp } from '../../../domain/shapes'
import { Alert } from '../../components/alert'
import { CopyField } from '../../components/copy-field'
import { Field, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { FormState, OwnerView } from './types'

export interface OAuthAppsPageProps {
  owner: OwnerView
  oauthApps: PublicOAuthApp[]
  /** The provider whose form failed, with its error; the secret is never echoed. */
  failed?: { provider: string; form: FormState }
  saved?: string
}

const SOURCE_TEXT: Record<PublicOAuthApp['source'], string> = {
  workspace: 'Your own OAuth app: clients see it on the consent screen.',
  operator: 'Tether’s OAuth app, set up by the operator. Add your own to show your agency’s name instead.',
  none: 'Not configured.',
}

export const OAUTH_APPS_PAGE = '/settings/oauth-apps'

/** Settings → OAuth apps: bring your own client id and secret per provider. */
export function OAuthAppsPage({ owner, oauthApps, failed, saved }: OAuthAppsPageProps) {
  return (
    <Layout title="OAuth apps" owner={owner} current="settings">
      <div class="stack">
        <p class="small">
          <a href="/settings">← Settings</a>
        </p>
        <h1>OAuth apps</h1>
        <p class="muted">
          Register an OAuth app with a provider and paste its client ID and secret here: your clients then see your agency on the consent
          screen. It takes precedence over the operator’s. The secret is stored encrypted and never shown again.
        </p>
        {saved ? (
          <Alert kind="success" title="Saved">
            <p>Sign-ins to {saved} now use your OAuth app.</p>
          </Alert>
        ) : null}
        {oauthApps.map((entry) => (
          <ProviderCard entry={entry} form={failed?.provider === entry.provider ? failed.form : undefined} />
        ))}
      </div>
    </Layout>
  )
}

function ProviderCard({ entry, form }: { entry: PublicOAuthApp; form?: FormState }) {
  const action = `${OAUTH_APPS_PAGE}/${encodeURIComponent(entry.provider)}`
  const id = (name: string) => `${entry.provider}-${name}`
  return (
    <section class="card stack" aria-labelledby={id('title')}>
      <h2 id={id('title')}>{entry.providerName}</h2>
      <p class="muted small">For {entry.apps.join(', ')}.</p>
      {entry.unavailableReason ? (
        <Alert kind="warning" title="Unavailable">
          <p>{entry.unavailableReason}</p>
        </Alert>
      ) : (
        <p>{SOURCE_TEXT[entry.source]}</p>
      )}
      <CopyField id={id('redirect')} label="Redirect URI to register" value={entry.redirectUri} />
      <form method="post" action={action} class="stack">
        <Field
          name="clientId"
          id={id('client-id')}
          label="Client ID"
          required
          maxLength={OAUTH_CLIENT_ID_MAX}
          value={form?.values?.clientId ?? entry.clientId ?? undefined}
          error={form?.errors?.clientId}
          autocomplete="off"
        />
        <Field
          name="clientSecret"
          id={id('client-secret')}
          type="password"
          secret
          label="Client secret"
          required
          maxLength={OAUTH_CLIENT_SECRET_MAX}
          help={entry.source === 'workspace' ? 'Saved and hidden. Paste it again to change the app.' : undefined}
          error={form?.errors?.clientSecret}
          autocomplete="off"
        />
        <div class="form-actions">
          <SubmitButton variant="secondary">{entry.source === 'workspace' ? 'Replace' : 'Save'}</SubmitButton>
        </div>
      </form>
      {entry.source === 'workspace' ? (
        <form method="post" action={`${action}/delete`}>
          <SubmitButton variant="secondary">Remove, use the operator’s app</SubmitButton>
        </form>
      ) : null}
    </section>
  )
}
