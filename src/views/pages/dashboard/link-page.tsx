import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { CopyField } from '../../components/copy-field'
import { FormError, SubmitButton } from '../../components/form'
import { QrCode } from '../../components/qr-code'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { AllowAccountChangeField } from './allow-account-change'
import { LinkLanguageSelect } from './link-language'
import { ReturnUrlField } from './return-url-field'
import { LinkLifetimeSelect } from './link-lifetime'
import { connectionHref } from './paths'
import { StatusBadges } from './status'
import type { ConnectionView, OwnerView } from './types'

export interface LinkPageProps {
  owner: OwnerView
  view: ConnectionView
  /** The open link's URL; null when there is no usable link. */
  url: string | null
  now: number
  /** Just generated from Add Connection, or just replaced with Refresh credentials. */
  notice?: 'new' | 'refreshed' | null
  /** Why Refresh credentials was refused (a quota), shown at its form. */
  error?: string | null
}

export function LinkPage({ owner, view, url, now, notice, error }: LinkPageProps) {
  const { connection, app } = view
  const title = notice === 'new' ? 'Your connection link is ready' : 'Update Connection via Link'
  return (
    <Layout title={title} owner={owner} current="connections">
      <div class="stack">
        <p class="small">
          <a href="/connections">← Connections</a>
        </p>
        <h1>{title}</h1>
        <div class="row">
          {app ? <AppIcon iconUrl={app.iconUrl} name={app.name} size={32} standalone /> : null}
          <a href={connectionHref(connection.id)}>
            <strong>{connection.name}</strong>
          </a>
          <StatusBadges connection={connection} />
        </div>
        {notice === 'refreshed' ? <Alert kind="success">A new link was generated. The previous link no longer works.</Alert> : null}
        {connection.health === 'needs_reconnect' ? (
          <Alert kind="warning">
            The app refuses the current credentials, so workflow steps using this connection fail until your client reconnects through the
            link; nothing else changes, and the connection keeps its name and its place in your workflows.
          </Alert>
        ) : connection.status === 'active' ? (
          <Alert kind="info">
            The current credentials keep working in your workflows until your client submits new ones through the link; then workflows
            switch to the new credentials at once.
          </Alert>
        ) : null}
        {url && connection.link ? (
          <OpenLink view={view} url={url} expiresAt={connection.link.expiresAt} now={now} isNew={notice === 'new'} error={error} />
        ) : (
          <NoOpenLink view={view} error={error} />
        )}
      </div>
    </Layout>
  )
}

function OpenLink({
  view,
  url,
  expiresAt,
  now,
  isNew,
  error,
}: {
  view: ConnectionView
  url: string
  expiresAt: string
  now: number
  isNew: boolean
  error?: string | null
}) {
  const { connection } = view
  return (
    <>
      <section class="card stack" aria-labelledby="link-title">
        <h2 id="link-title">Share this link with your client</h2>
        {isNew ? <Alert kind="success">Link generated. Send it by email, WhatsApp, Slack or any messenger.</Alert> : null}
        <CopyField
          id="connection-link"
          label="Connection link"
          value={url}
          wrap
          help="It can be used once. Anyone holding it can connect an account to this connection until it expires or you revoke it."
        />
        <QrCode text={url} label="QR code of the connection link" />
        <p>
          Expires <Time at={expiresAt} /> (<Time at={expiresAt} now={now} />)
        </p>
        <p class="note">The connection name “{connection.name}” is visible to the person receiving the link.</p>
        <form method="post" action={connectionHref(connection.id, '/revoke')} class="form-actions">
          <SubmitButton variant="danger">Revoke link</SubmitButton>
        </form>
      </section>
      <section class="card stack" aria-labelledby="replace-title">
        <h2 id="replace-title">Replace the link</h2>
        <p class="muted">Generates a new link; this one stops working at once.</p>
        <FormError message={error} />
        <RefreshForm connectionId={connection.id} variant="secondary" />
      </section>
    </>
  )
}

function NoOpenLink({ view, error }: { view: ConnectionView; error?: string | null }) {
  const { connection, linkMessage } = view
  const message =
    linkMessage ??
    (connection.link
      ? 'No link is open. Generate one to ask your client to connect their account again.'
      : 'This connection has no link yet. Generate one to ask your client to connect their own account.')
  return (
    <section class="card stack" aria-labelledby="refresh-title">
      <h2 id="refresh-title">Refresh credentials</h2>
      <Alert kind={connection.link?.status === 'used' ? 'info' : 'warning'}>{message}</Alert>
      <FormError message={error} />
      <RefreshForm connectionId={connection.id} />
    </section>
  )
}

function RefreshForm({ connectionId, variant }: { connectionId: string; variant?: 'secondary' }) {
  return (
    <form method="post" action={connectionHref(connectionId, '/link')} class="stack">
      <LinkLifetimeSelect id="refresh-expiry" />
      <LinkLanguageSelect id={`refresh-locale-${connectionId}`} />
      <ReturnUrlField id={`refresh-return-url-${connectionId}`} />
      <AllowAccountChangeField id={`refresh-allow-account-change-${connectionId}`} />
      <div class="form-actions">
        <SubmitButton variant={variant}>Refresh credentials</SubmitButton>
      </div>
    </form>
  )
}
