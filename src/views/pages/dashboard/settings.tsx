import { Layout } from '../../layout'
import { AccountSecurity, type AccountSecurityProps } from './account-security'
import { ApiTokens, type ApiTokensProps } from './api-tokens'
import type { OwnerView } from './types'

export interface SettingsPageProps extends ApiTokensProps, AccountSecurityProps {
  owner: OwnerView
  /** Origin of the JSON API, for the curl example. */
  apiOrigin: string
  /** An app listed on this Tether, for the example. */
  exampleAppId: string
}

export function SettingsPage(props: SettingsPageProps) {
  const { owner, tokens, apiOrigin, exampleAppId, newToken, tokenForm, now } = props
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
        <AccountSecurity passwordForm={props.passwordForm} notice={props.notice} />
        <ApiTokens tokens={tokens} newToken={newToken} tokenForm={tokenForm} now={now} />
        <section class="card stack" aria-labelledby="notifications-title">
          <h2 id="notifications-title">Notifications</h2>
          <p class="muted">What you are told of in the app and by email: accepted, rejected, expired and locked links, reconnects.</p>
          <p>
            <a href="/settings/notifications">Choose notifications</a>
          </p>
        </section>
        <section class="card stack" aria-labelledby="webhooks-title">
          <h2 id="webhooks-title">Webhooks</h2>
          <p class="muted">Signed notices to your own systems when links and connections change.</p>
          <p>
            <a href="/settings/webhooks">Manage webhooks</a>
          </p>
        </section>
        <section class="card stack" aria-labelledby="brand-title">
          <h2 id="brand-title">Brand</h2>
          <p class="muted">Your name, logo and colour on the pages your clients see.</p>
          <p>
            <a href="/settings/brand">Set your brand</a>
          </p>
        </section>
        <section class="card stack" aria-labelledby="oauth-apps-title">
          <h2 id="oauth-apps-title">OAuth apps</h2>
          <p class="muted">Your own client ID and secret per provider, so clients see your agency on the consent screen.</p>
          <p>
            <a href="/settings/oauth-apps">Manage OAuth apps</a>
          </p>
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
