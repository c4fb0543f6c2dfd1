import type { AppDefinition } from '../../../apps/types'
import { AppIcon } from '../../components/app-icon'
import { Shield } from '../../components/icons'
import { buttonClass } from '../../components/form'
import { Steps } from '../../components/steps'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { accessSummary, flowSteps } from './access'
import type { InvitationSnapshot } from '../../../domain/shapes'

export interface InvitationProps {
  snapshot: InvitationSnapshot
  app: AppDefinition
  token: string
}

export function InvitationPage({ snapshot, app, token }: InvitationProps) {
  const refresh = snapshot.purpose === 'refresh'
  const title = refresh ? `Refresh your ${app.name} connection` : `Connect your ${app.name} account`
  return (
    <Layout title={title} variant="public">
      <Steps current={1} labels={flowSteps(app)} />
      <section class="card invite" aria-labelledby="invite-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="invite-title">{title}</h1>
        <p class="lead">
          <strong>{snapshot.requesterName}</strong>
          {snapshot.requesterEmail !== null ? (
            <>
              {' '}
              (<a href={`mailto:${snapshot.requesterEmail}`}>{snapshot.requesterEmail}</a>)
            </>
          ) : null}{' '}
          {refresh ? 'asks you to refresh the credentials of a connection to your' : 'asks you to connect your'} {app.name} account.
        </p>
        <dl class="kv">
          <dt>Connection name</dt>
          <dd>{snapshot.connectionName}</dd>
          <dt>Access requested</dt>
          <dd>
            <ul class="access-list">
              {accessSummary(app).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </dd>
          <dt>Link expires</dt>
          <dd>
            <Time at={snapshot.expiresAt} />
          </dd>
        </dl>
        <p class="note">
          <Shield size={18} />
          <span>
            Once connected, <strong>{snapshot.requesterName}</strong> will be able to use these credentials in their workflows. Your
            password or key is never shown to them, and you can ask them to delete the connection at any time.
          </span>
        </p>
        <div class="invite-actions">
          <form method="post" action={`/connect/${token}/accept`}>
            <button type="submit" class={buttonClass('primary', true)}>
              Accept &amp; Connect
            </button>
          </form>
          {/* A page of its own asks for confirmation (and the optional reason) before the link is spent. */}
          <a href={`/connect/${token}/reject`} class={buttonClass('secondary', true)}>
            Reject
          </a>
        </div>
      </section>
    </Layout>
  )
}
