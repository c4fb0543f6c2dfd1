import { isUsable } from '../../../domain/badges'
import { Badge } from '../../components/badge'
import { Warning } from '../../components/icons'
import { badgesOf } from '../dashboard/status'
import type { PublicConnection } from '../../../domain/shapes'

/** Usable connections first (newest update first within each group, as the list comes). */
export function orderedForChoice(connections: PublicConnection[]): PublicConnection[] {
  return [...connections.filter((c) => isUsable(c.status)), ...connections.filter((c) => !isUsable(c.status))]
}

export interface ConnectionChoiceProps {
  appId: string
  appName: string
  /** The workspace's connections for this app. */
  connections: PublicConnection[]
  value?: string
  error?: string | null
}

/**
 * A radio group rather than a select, so each option shows its badge (icon and colour); the
 * unusable ones stay listed, disabled, so the owner sees why. Arrow keys move between the enabled ones.
 */
export function ConnectionChoice({ appId, appName, connections, value, error }: ConnectionChoiceProps) {
  const requestHref = `/connections/new/${encodeURIComponent(appId)}`
  const ordered = orderedForChoice(connections)
  const helpId = 'step-connection-help'
  const errorId = error ? 'step-connection-error' : undefined
  return (
    <div class="stack">
      <fieldset
        class="choice-list"
        id="step-connection"
        aria-describedby={[errorId, helpId].filter(Boolean).join(' ')}
        aria-invalid={error ? 'true' : undefined}
      >
        <legend>Choose a Connection</legend>
        {ordered.length === 0 ? <p class="muted">No {appName} connections yet.</p> : null}
        {ordered.map((connection) => (
          <ConnectionOption connection={connection} checked={connection.id === value} />
        ))}
      </fieldset>
      <p class="field-help" id={helpId}>
        Pending, expired, locked and rejected connections are listed but cannot be chosen until the client connects.
      </p>
      {error ? (
        <p class="field-error" id={errorId}>
          <Warning size={16} />
          {error}
        </p>
      ) : null}
      <p class="small">
        <a href={requestHref}>Request a new connection via link</a>
      </p>
    </div>
  )
}

function ConnectionOption({ connection, checked }: { connection: PublicConnection; checked: boolean }) {
  const usable = isUsable(connection.status)
  const id = `step-connection-${connection.id}`
  return (
    <label class={usable ? 'choice' : 'choice choice-disabled'} for={id}>
      <input type="radio" name="connectionId" id={id} value={connection.id} required disabled={!usable} checked={checked && usable} />
      <span class="choice-text">
        <span>{connection.name}</span>
        {connection.accountLabel ? <span class="small muted">{connection.accountLabel}</span> : null}
      </span>
      <span class="row">
        {badgesOf(connection).map((badge) => (
          <Badge badge={badge} />
        ))}
      </span>
    </label>
  )
}
