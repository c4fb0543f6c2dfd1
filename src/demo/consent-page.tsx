import { EMAIL_MAX } from '../domain/limits'
import { AppIcon } from '../views/components/app-icon'
import { buttonClass, Field } from '../views/components/form'
import { Layout } from '../views/layout'
import { type AuthorizationRequest, authorizationFields } from './authorization'
import { DEMO_SCOPES } from './scopes'

export const DEMO_ACCOUNT_EMAIL = 'client@example.com'

export interface ConsentPageProps {
  request: AuthorizationRequest
  email: string
  emailError?: string | null
}

/** The demo provider's own sign-in and consent screen, standing in for Google's or Slack's. */
export function ConsentPage({ request, email, emailError }: ConsentPageProps) {
  return (
    <Layout title="Sign in to Demo Docs" variant="public">
      <section class="card" aria-labelledby="consent-title">
        <AppIcon iconUrl="/icons/demo-docs.svg" name="Demo Docs" size={56} />
        <h1 id="consent-title">Sign in to Demo Docs</h1>
        <p class="muted">
          Demo Docs is a pretend service that comes with Tether, so you can try a sign-in without a real account. No password is needed.
        </p>
        <form method="post" action="/demo/oauth/decision" class="stack">
          <Field
            name="email"
            maxLength={EMAIL_MAX}
            label="Demo account"
            type="email"
            value={email}
            required
            autocomplete="email"
            help="The email address that names your demo account. Any address works."
            error={emailError}
          />
          <h2 id="consent-scopes">Demo Docs wants to:</h2>
          <ul aria-labelledby="consent-scopes">
            {request.scopes.map((scope) => (
              <li>{DEMO_SCOPES[scope]}</li>
            ))}
          </ul>
          <p class="note">These permissions are granted to Tether, which will use them on behalf of the person who sent you the link.</p>
          {Object.entries(authorizationFields(request)).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <div class="form-actions">
            <button type="submit" name="decision" value="allow" class={buttonClass('primary')}>
              Allow
            </button>
            <button type="submit" name="decision" value="deny" class={buttonClass('secondary')} formNoValidate>
              Deny
            </button>
          </div>
        </form>
      </section>
    </Layout>
  )
}
