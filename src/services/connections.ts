import { metadataOf } from '../apps/metadata'
import type { AppDefinition, Credentials, VerifiedAccount } from '../apps/types'
import {
  type ConnectionRow,
  type ConnectionWithLink,
  type CredentialsOrigin,
  connectionsBelow,
  countConnections,
  deleteConnectionRow,
  insertConnectionIf,
  newCredentialsValues,
  replaceConnectionCredentials,
} from '../db/connections'
import { endGrantsOf } from '../db/client-grants'
import { insertEvent, insertEventForConnection } from '../db/events'
import { MAX_CONNECTIONS } from '../domain/limits'
import type { Owner } from '../domain/shapes'
import { newId } from '../domain/tokens'
import { accountMismatch, decideAccount } from './account-guard'
import { requireApp, requireConnection } from './access'
import { checkCredentials } from './credential-checks'
import { sealCredentials } from './credentials'
import { firstCheckAt } from './health/schedule'
import type { Deps } from './deps'
import { requireAvailableApp } from './oauth-apps'
import { type EventType, newEvent } from './events'
import { closeOpenLinks } from './link-lifecycle'
import { type ProviderRevocation, prepareProviderRevocation } from './provider-revocation'
import { quotaExceeded } from './quotas'
import { announceEvents } from './webhooks/announce'

export async function createDirectConnection(
  deps: Deps,
  owner: Owner,
  input: { appId: string; name: string; credentials: Credentials },
  now: number,
): Promise<ConnectionWithLink> {
  const app = requireApp(deps, input.appId)
  await requireAvailableApp(deps, owner.workspaceId, app)
  const account = await checkCredentials(deps, { workspaceId: owner.workspaceId, audience: 'owner', now }, app, input.credentials)
  const origin = { source: 'owner_direct', by: owner.userId } as const
  return storeNewConnection(deps, owner.workspaceId, app, input.name, input.credentials, account, origin, now)
}

/**
 * Before sending the owner to an app's sign-in: says at once that the workspace is full, rather
 * than after the round trip. The exact check is the insert's own (`storeNewConnection`).
 */
export async function requireRoomForConnection(deps: Deps, owner: Owner): Promise<void> {
  const [counted] = await countConnections(deps.db, owner.workspaceId)
  if ((counted?.n ?? 0) >= MAX_CONNECTIONS) throw quotaExceeded('connections')
}

/** Writes a connection whose credentials were just verified (API, dashboard or owner OAuth), under the workspace's quota. */
export async function storeNewConnection(
  deps: Deps,
  workspaceId: string,
  app: AppDefinition,
  name: string,
  credentials: Credentials,
  account: VerifiedAccount,
  origin: CredentialsOrigin,
  now: number,
): Promise<ConnectionWithLink> {
  const id = newId()
  const sealed = await sealCredentials(await deps.keyring(), id, credentials)
  const row: ConnectionRow = {
    id,
    workspaceId,
    appId: app.id,
    name,
    status: 'active',
    via: 'direct',
    accountLabel: account.label,
    accountId: account.id ?? null,
    credentialsBlob: sealed.blob,
    credentialsKeyVersion: sealed.keyVersion,
    metadata: metadataOf(credentials),
    credentialsRevision: 1,
    needsReconnect: false,
    credentialsSource: origin.source,
    credentialsUpdatedAt: now,
    credentialsUpdatedBy: origin.by,
    createdAt: now,
    updatedAt: now,
    lastCheckedAt: now,
    lastError: null,
    nextCheckAt: firstCheckAt(app, id, credentials, now),
    checkFailures: 0,
    checkClaimedUntil: null,
  }
  const [inserted, events] = await deps.db.batch([
    insertConnectionIf(deps.db, row, connectionsBelow(workspaceId, MAX_CONNECTIONS)),
    insertEventForConnection(
      deps.db,
      newEvent({ workspaceId, connectionId: id, type: 'created', actor: 'owner', at: now, detail: { via: 'direct' } }),
    ),
  ])
  if (inserted.length === 0) throw quotaExceeded('connections')
  await announceEvents(deps, events, now)
  return { connection: row, link: null }
}

/** Owner enters credentials directly (Update Connection Data). */
export async function replaceCredentials(
  deps: Deps,
  owner: Owner,
  id: string,
  credentials: Credentials,
  now: number,
  allowAccountChange = false,
): Promise<ConnectionWithLink> {
  const { connection } = await requireConnection(deps, owner, id)
  const app = requireApp(deps, connection.appId)
  const account = await checkCredentials(deps, { workspaceId: owner.workspaceId, audience: 'owner', now }, app, credentials)
  await storeReplacedCredentials(
    deps,
    app,
    connection,
    credentials,
    account,
    { source: 'owner_direct', by: owner.userId },
    now,
    allowAccountChange,
  )
  return requireConnection(deps, owner, id)
}

/**
 * Swaps credentials in one batch; any open link is revoked with it, since it is no longer needed.
 * Credentials of another upstream account are refused (recorded, nothing else changes) unless allowed.
 */
export async function storeReplacedCredentials(
  deps: Deps,
  app: AppDefinition,
  connection: ConnectionRow,
  credentials: Credentials,
  account: VerifiedAccount,
  origin: CredentialsOrigin,
  now: number,
  allowAccountChange: boolean,
): Promise<void> {
  const decision = decideAccount(connection, account, allowAccountChange)
  const event = (type: EventType) =>
    insertEvent(
      deps.db,
      newEvent({
        workspaceId: connection.workspaceId,
        connectionId: connection.id,
        type,
        actor: 'owner',
        at: now,
        detail: { source: origin.source, ...decision.detail },
      }),
    )
  if (decision.change === 'refused') {
    await deps.db.batch([event('account_mismatch')])
    throw accountMismatch(app, connection, account, 'owner')
  }
  const sealed = await sealCredentials(await deps.keyring(), connection.id, credentials)
  await closeOpenLinks(
    deps,
    connection,
    [
      replaceConnectionCredentials(
        deps.db,
        connection,
        newCredentialsValues(sealed, account, origin, now, firstCheckAt(app, connection.id, credentials, now), metadataOf(credentials)),
      ),
      event('credentials_updated'),
      endGrantsOf(deps.db, connection.id, now),
    ],
    now,
  )
}

/**
 * Its open links are revoked in the same batch; the audit trail outlives the connection. Returns the
 * revocation at the provider, for the caller to run once the response is on its way (best effort).
 */
export async function deleteConnection(deps: Deps, owner: Owner, id: string, now: number): Promise<ProviderRevocation | null> {
  const { connection } = await requireConnection(deps, owner, id)
  const revocation = await prepareProviderRevocation(deps, connection, now).catch(() => null)
  await closeOpenLinks(
    deps,
    connection,
    [
      deleteConnectionRow(deps.db, owner.workspaceId, id),
      insertEvent(deps.db, newEvent({ workspaceId: owner.workspaceId, connectionId: id, type: 'deleted', actor: 'owner', at: now })),
    ],
    now,
  )
  return revocation
}
