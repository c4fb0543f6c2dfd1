import { AllowAccountChangeField } from './allow-account-change'
import { Fragment } from 'preact'
import { metadataFieldsOf } from '../../../apps/metadata'
import type { AppDefinition } from '../../../apps/types'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { FormError, SubmitButton } from '../../components/form'
import { Pager } from '../../components/pager'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { ActivityTimeline } from './activity'
import { AppCredentialFields } from './app-fields'
import { connectionHref } from './paths'
import { credentialsSourceWords, LinkStateNote, RefreshCredentialsButton, StatusBadges } from './status'
import type { ConnectionView, FormState, OwnerView } from './types'
import type { PublicEvent } from '../../../domain/shapes'

export interface ActivityPage {
  /** Newest first. */
  events: PublicEvent[]
  nextCursor: string | null
  /** Whether this is a later page (offers the way back to the newest). */
  paged: boolean
}

export interface ConnectionDetailsProps {
  owner: OwnerView
  view: ConnectionView
  activity: ActivityPage
  now: number
  update?: FormState
  notice?: 'updated' | 'checked' | null
}

export function ConnectionDetailsPage({ owner, view, activity, now, update = {}, notice }: ConnectionDetailsProps) {
  const { connection, app } = view
  return (
    <Layout title={connection.name} owner={owner} current="connections">
      <div class="stack">
        <p class="small">
          <a href="/connections">← Connections</a>
        </p>
        <div class="row">
          {app ? <AppIcon iconUrl={app.iconUrl} name={app.name} size={40} standalone /> : null}
          <h1>{connection.name}</h1>
          <StatusBadges connection={connection} />
        </div>
        {notice === 'updated' ? (
          <Alert kind="success">Connection updated successfully. Workflows use the new credentials from now on.</Alert>
        ) : null}
        {notice === 'checked' ? <CheckedNotice view={view} /> : null}
        <section class="card">
          <h2 class="visually-hidden">Details</h2>
          <dl class="kv">
            <dt>App</dt>
            <dd>{app?.name ?? connection.appId}</dd>
            <dt>Account</dt>
            <dd>{connection.accountLabel ?? 'Not connected yet'}</dd>
            {app
              ? metadataFieldsOf(app)
                  .filter((field) => connection.metadata[field.key])
                  .map((field) => (
                    <Fragment key={field.key}>
                      <dt>{field.label}</dt>
                      <dd>{connection.metadata[field.key]}</dd>
                    </Fragment>
                  ))
              : null}
            <dt>Connected</dt>
            <dd>
              {connection.credentialsUpdatedAt ? (
                <>
                  {credentialsSourceWords(connection)}, <Time at={connection.credentialsUpdatedAt} />
                </>
              ) : (
                'Not connected yet'
              )}
            </dd>
            <dt>Created</dt>
            <dd>
              <Time at={connection.createdAt} />
            </dd>
            <dt>Last updated</dt>
            <dd>
              <Time at={connection.updatedAt} />
            </dd>
            {connection.status === 'active' ? (
              <>
                <dt>Health</dt>
                <dd>
                  <HealthNote view={view} />
                </dd>
              </>
            ) : null}
            <dt>Link</dt>
            <dd>
              <LinkStateNote view={view} now={now} />
              <a href={connectionHref(connection.id, '/link')}>Update Connection via Link</a>
            </dd>
          </dl>
        </section>
        <section class="card stack" id="update" aria-labelledby="update-title">
          <h2 id="update-title">Update Connection Data</h2>
          {app ? (
            <UpdateDataForm app={app} connectionId={connection.id} state={update} />
          ) : (
            <p class="muted">This app is no longer available.</p>
          )}
        </section>
        <section class="card stack" id="activity" aria-labelledby="activity-title">
          <h2 id="activity-title">Activity</h2>
          <p class="small muted">Newest first.</p>
          <ActivityTimeline events={activity.events} />
          <Pager
            label="Activity pages"
            newestHref={activity.paged ? connectionHref(connection.id, '#activity') : null}
            olderHref={
              activity.nextCursor ? connectionHref(connection.id, `?events=${encodeURIComponent(activity.nextCursor)}#activity`) : null
            }
          />
        </section>
        <section class="card stack" aria-labelledby="delete-title">
          <h2 id="delete-title">Delete connection</h2>
          <p class="muted">
            Removes the connection and its encrypted credentials for good; any open link stops working. Workflows using it will fail.
          </p>
          <form method="post" action={connectionHref(connection.id, '/delete')} class="form-actions">
            <SubmitButton variant="danger">Delete connection</SubmitButton>
          </form>
        </section>
      </div>
    </Layout>
  )
}

function CheckedNotice({ view }: { view: ConnectionView }) {
  const { connection, app } = view
  const name = app?.name ?? 'The app'
  if (connection.health === 'ok') return <Alert kind="success">{`${name} accepted the credentials just now.`}</Alert>
  if (connection.health === 'needs_reconnect')
    return <Alert kind="error">{`${connection.lastError ?? `${name} refused the credentials.`} Send the client a reconnect link.`}</Alert>
  return <Alert kind="warning">{`${connection.lastError ?? 'The check did not finish.'} Tether tries again later.`}</Alert>
}

/** When the app last answered, what went wrong if anything, and the one-click fix for a refused connection. */
function HealthNote({ view }: { view: ConnectionView }) {
  const { connection } = view
  const checked = connection.lastCheckedAt ? (
    <>
      Checked <Time at={connection.lastCheckedAt} />
    </>
  ) : (
    'Not checked yet'
  )
  return (
    <div class="stack">
      <p class="small">
        {checked}
        {connection.health === 'ok' ? ': the app accepted the credentials.' : connection.lastError ? `: ${connection.lastError}` : '.'}
      </p>
      <div class="row">
        {connection.health === 'needs_reconnect' ? (
          <RefreshCredentialsButton connectionId={connection.id} label={connection.name} text="Send reconnect link" />
        ) : null}
        <form method="post" action={connectionHref(connection.id, '/check')}>
          <SubmitButton variant="secondary">Check now</SubmitButton>
        </form>
      </div>
    </div>
  )
}

function UpdateDataForm({ app, connectionId, state }: { app: AppDefinition; connectionId: string; state: FormState }) {
  if (app.authType === 'oauth2') {
    const provider = app.oauth?.providerName ?? app.name
    return (
      <form method="post" action={connectionHref(connectionId, '/oauth')} class="stack">
        <p class="muted">Sign in to {app.name} yourself; the new sign-in replaces the current credentials.</p>
        <FormError message={state.error} />
        <div class="form-actions">
          <SubmitButton variant="secondary">Sign in with {provider} again</SubmitButton>
        </div>
      </form>
    )
  }
  return (
    <form method="post" action={connectionHref(connectionId, '/credentials')} class="stack">
      <p class="muted">
        Enter new credentials yourself. Tether checks them with {app.name} before replacing the current ones, and closes any open link.
      </p>
      <FormError message={state.error} />
      <AppCredentialFields app={app} idPrefix="update" state={state} />
      <AllowAccountChangeField id="update-allow-account-change" />
      <div class="form-actions">
        <SubmitButton variant="secondary">Save credentials</SubmitButton>
      </div>
    </form>
  )
}
