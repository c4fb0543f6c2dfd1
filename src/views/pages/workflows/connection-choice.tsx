import { badgeText } from '../../components/badge'
import { Select, type SelectOption } from '../../components/form'
import { badgesOf } from '../dashboard/status'
import type { PublicConnection } from '../../../domain/shapes'

/** Only active connections can run a step; the others stay visible so the owner sees why. */
export function connectionOption(connection: PublicConnection): SelectOption {
  const badges = badgesOf(connection).map((badge) =>
    badge === 'refresh_pending' ? 'Pending refresh, current credentials work' : badgeText(badge),
  )
  const account = connection.accountLabel ? ` (${connection.accountLabel})` : ''
  return {
    value: connection.id,
    label: badges.length > 0 ? `${connection.name}${account} — ${badges.join(', ')}` : `${connection.name}${account}`,
    disabled: connection.status !== 'active',
  }
}

export interface ConnectionChoiceProps {
  appId: string
  appName: string
  /** The workspace's connections for this app. */
  connections: PublicConnection[]
  value?: string
  error?: string | null
}

export function ConnectionChoice({ appId, appName, connections, value, error }: ConnectionChoiceProps) {
  const requestHref = `/connections/new/${encodeURIComponent(appId)}`
  return (
    <div class="stack">
      <Select
        name="connectionId"
        id="step-connection"
        label="Choose a Connection"
        required
        value={value}
        error={error}
        placeholder={connections.length > 0 ? 'Choose a connection…' : `No ${appName} connections yet`}
        options={connections.map(connectionOption)}
        help="Pending and rejected connections are listed but cannot be chosen until the client connects."
      />
      <p class="small">
        <a href={requestHref}>Request a new connection via link</a>
      </p>
    </div>
  )
}
