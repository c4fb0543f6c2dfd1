import type { AppDefinition } from '../../../apps/types'
import { INVALID_LINK_MESSAGE, LOCKED_LINK_MESSAGE } from '../../../domain/links'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { buttonClass } from '../../components/form'
import { Steps } from '../../components/steps'
import { Layout } from '../../layout'
import { flowSteps } from './access'

export function ConnectedPage({
  app,
  connectionName,
  requesterName,
  refreshed = false,
}: {
  app: AppDefinition
  connectionName: string
  requesterName?: string
  /** A refresh link: the connection existed and now has new credentials. */
  refreshed?: boolean
}) {
  const done = refreshed ? 'updated' : 'created'
  return (
    <Layout title={`Connection ${done}`} variant="public">
      <Steps current={3} labels={flowSteps(app)} />
      <section class="card invite" aria-labelledby="done-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="done-title">Connection {done} successfully</h1>
        <Alert kind="success">
          {refreshed ? `The connection “${connectionName}” now uses your new ${app.name} credentials` : null}
          {refreshed ? null : `Your ${app.name} account is now connected as “${connectionName}”`}
          {requesterName ? ` for ${requesterName}` : ''}. You can close this page.
        </Alert>
      </section>
    </Layout>
  )
}

export function DeclinedPage() {
  return (
    <Layout title="Request declined" variant="public">
      <section class="card invite" aria-labelledby="declined-title">
        <h1 id="declined-title">Request declined</h1>
        <p>You declined the request. The requester will see that it was rejected; nothing was shared.</p>
      </section>
    </Layout>
  )
}

export function InvalidLinkPage() {
  return (
    <Layout title="Link unavailable" variant="public">
      <section class="card invite" aria-labelledby="invalid-title">
        <h1 id="invalid-title">This link can’t be used</h1>
        <Alert kind="warning" live>
          {INVALID_LINK_MESSAGE}
        </Alert>
      </section>
    </Layout>
  )
}

export function LinkLockedPage({ message = LOCKED_LINK_MESSAGE }: { message?: string }) {
  return (
    <Layout title="Link locked" variant="public">
      <section class="card invite" aria-labelledby="locked-title">
        <h1 id="locked-title">This link is locked</h1>
        <Alert kind="error">{message}</Alert>
      </section>
    </Layout>
  )
}

export function SignInDeclinedPage({ app, token }: { app: AppDefinition; token: string }) {
  return (
    <Layout title="Sign-in cancelled" variant="public">
      <Steps current={2} />
      <section class="card invite" aria-labelledby="denied-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="denied-title">Sign-in was cancelled</h1>
        <p>{app.name} did not grant access, so nothing was connected. The link still works.</p>
        <form method="post" action={`/connect/${token}/accept`}>
          <button type="submit" class={buttonClass('primary', true)}>
            Try again
          </button>
        </form>
      </section>
    </Layout>
  )
}
