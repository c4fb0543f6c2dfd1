import { Alert } from '../../components/alert'
import { CopyField } from '../../components/copy-field'
import { Field, SubmitButton } from '../../components/form'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import type { FormState, OwnerView } from './types'
import type { PublicApiToken } from '../../../domain/shapes'

export interface SettingsPageProps {
  owner: OwnerView
  tokens: PublicApiToken[]
  /** Origin of the JSON API, for the curl example. */
  apiOrigin: string
  /** An app listed on this Tether, for the example. */
  exampleAppId: string
  /** A token just created: shown this once, never again. */
  newToken?: string | null
  tokenForm?: FormState
}

export function SettingsPage({ owner, tokens, apiOrigin, exampleAppId, newToken, tokenForm = {} }: SettingsPageProps) {
  return (
    <Layout title="Settings" owner={owner} current="settings">
      <div class="stack">
        <h1>Settings</h1>
        <section class="card" aria-labelledby="account-title">
          <h2 id="account-title">Account</h2>
          <dl class="kv">
            <dt>Name</dt>
            <dd>{owner.name}</dd>
            <dt>Email</dt>
            <dd>{owner.email}</dd>
          </dl>
        </section>
        <section class="card stack" aria-labelledby="tokens-title">
          <div>
            <h2 id="tokens-title">API tokens</h2>
            <p class="muted">Tokens let scripts and other tools use the JSON API as you.</p>
          </div>
          {newToken ? (
            <Alert kind="warning" title="Copy your new token now" live>
              <p>It won’t be shown again. Store it like a password.</p>
              <CopyField id="new-token" label="New API token" value={newToken} />
            </Alert>
          ) : null}
          <form method="post" action="/settings/tokens" class="stack">
            <Field
              name="name"
              id="token-name"
              label="Token name"
              required
              placeholder="e.g. CI script"
              value={tokenForm.values?.name}
              error={tokenForm.errors?.name}
              help="Helps you remember where the token is used."
            />
            <div class="form-actions">
              <SubmitButton variant="secondary">Create token</SubmitButton>
            </div>
          </form>
          {tokens.length ? (
            <ul>
              {tokens.map((token) => (
                <li>
                  {token.name}{' '}
                  <span class="small muted">
                    created <Time at={token.createdAt} mode="date" />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted small">No tokens yet.</p>
          )}
        </section>
        <section class="card stack" aria-labelledby="api-title">
          <h2 id="api-title">Use the API</h2>
          <p class="muted">Request a connection via link and get the URL to send:</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
              (axe scrollable-region-focusable) */}
          <pre class="code" tabIndex={0}>
            <code>{curlExample(apiOrigin, exampleAppId)}</code>
          </pre>
        </section>
      </div>
    </Layout>
  )
}

function curlExample(origin: string, appId: string): string {
  return [
    `curl -X POST ${origin}/api/v1/connections \\`,
    '  -H "Authorization: Bearer $TETHER_TOKEN" \\',
    '  -H "Content-Type: application/json" \\',
    `  -d '{"appId":"${appId}","name":"Client account","via":"link","expiresInMinutes":2880}'`,
  ].join('\n')
}
