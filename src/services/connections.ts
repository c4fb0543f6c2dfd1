import { and, eq, sql } from 'drizzle-orm'
import { getApp, isAppAvailable, listedApps } from '../apps'
import type { AppDefinition, Credentials, VerifiedAccount } from '../apps/types'
import { AppError } from '../domain/errors'
import { newId } from '../domain/tokens'
import { findConnection, type ConnectionRow, type ConnectionWithLink } from '../db/connections'
import { insertEvent } from '../db/events'
import { connections, links } from '../db/schema'
import type { Owner } from '../http/context'
import { sealCredentials, verifyCredentials } from './credentials'
import type { Deps } from './deps'
import { newEvent } from './events'
import { forgetSnapshots } from './link-snapshots'

/** An app the owner may use right now: listed, and its OAuth provider configured. */
export function requireApp(deps: Deps, appId: string): AppDefinition {
  const app = getApp(appId)
  if (!app || !listedApps(deps.config).includes(app)) {
    throw new AppError('invalid_request', `Unknown app "${appId}".`, [{ path: 'appId', message: 'Unknown app' }])
  }
  if (!isAppAvailable(deps.env, app)) {
    throw new AppError('app_unavailable', `${app.name} is not configured on this Tether (its OAuth client is missing).`)
  }
  return app
}

export async function requireConnection(deps: Deps, owner: Owner, id: string): Promise<ConnectionWithLink> {
  const found = await findConnection(deps.db, owner.workspaceId, id)
  if (!found) throw new AppError('not_found', 'Connection not found.')
  return found
}

export async function createDirectConnection(
  deps: Deps,
  owner: Owner,
  input: { appId: string; name: string; credentials: Credentials },
  now: number,
): Promise<ConnectionWithLink> {
  const app = requireApp(deps, input.appId)
  const account = await verifyCredentials(deps, app, input.credentials)
  return storeNewConnection(deps, owner.workspaceId, app, input.name, input.credentials, account, now)
}

/** Writes a connection whose credentials were just verified (API, dashboard or owner OAuth). */
export async function storeNewConnection(
  deps: Deps,
  workspaceId: string,
  app: AppDefinition,
  name: string,
  credentials: Credentials,
  account: VerifiedAccount,
  now: number,
): Promise<ConnectionWithLink> {
  const id = newId()
  const sealed = await sealCredentials(await deps.keyring(), id, credentials)
  const row = {
    id,
    workspaceId,
    appId: app.id,
    name,
    status: 'active' as const,
    via: 'direct' as const,
    accountLabel: account.label,
    credentialsBlob: sealed.blob,
    credentialsKeyVersion: sealed.keyVersion,
    credentialsRevision: 1,
    needsReconnect: false,
    createdAt: now,
    updatedAt: now,
  }
  await deps.db.batch([
    deps.db.insert(connections).values(row),
    insertEvent(deps.db, newEvent({ workspaceId, connectionId: id, type: 'created', actor: 'owner', at: now, detail: { via: 'direct' } })),
  ])
  return { connection: row, link: null }
}

/** Owner enters credentials directly (Update Connection Data). */
export async function replaceCredentials(
  deps: Deps,
  owner: Owner,
  id: string,
  credentials: Credentials,
  now: number,
): Promise<ConnectionWithLink> {
  const { connection } = await requireConnection(deps, owner, id)
  const app = requireApp(deps, connection.appId)
  const account = await verifyCredentials(deps, app, credentials)
  await storeReplacedCredentials(deps, connection, credentials, account, now)
  return requireConnection(deps, owner, id)
}

/** Swaps credentials in one batch; any open link is closed since it is no longer needed. */
export async function storeReplacedCredentials(
  deps: Deps,
  connection: ConnectionRow,
  credentials: Credentials,
  account: VerifiedAccount,
  now: number,
): Promise<void> {
  const sealed = await sealCredentials(await deps.keyring(), connection.id, credentials)
  const [revoked] = await deps.db.batch([
    deps.db
      .update(links)
      .set({ status: 'revoked', closedAt: now })
      .where(and(eq(links.connectionId, connection.id), eq(links.status, 'pending')))
      .returning({ tokenHash: links.tokenHash }),
    deps.db
      .update(connections)
      .set({
        status: 'active',
        accountLabel: account.label,
        credentialsBlob: sealed.blob,
        credentialsKeyVersion: sealed.keyVersion,
        credentialsRevision: sql`${connections.credentialsRevision} + 1`,
        needsReconnect: false,
        updatedAt: now,
      })
      .where(and(eq(connections.id, connection.id), eq(connections.workspaceId, connection.workspaceId))),
    insertEvent(
      deps.db,
      newEvent({ workspaceId: connection.workspaceId, connectionId: connection.id, type: 'credentials_updated', actor: 'owner', at: now }),
    ),
  ])
  await forgetSnapshots(
    deps,
    revoked.map((link) => link.tokenHash),
  )
}

export async function deleteConnection(deps: Deps, owner: Owner, id: string, now: number): Promise<void> {
  await requireConnection(deps, owner, id)
  const [openLinks] = await deps.db.batch([
    deps.db
      .select({ tokenHash: links.tokenHash })
      .from(links)
      .where(and(eq(links.connectionId, id), eq(links.status, 'pending'))),
    deps.db.delete(connections).where(and(eq(connections.id, id), eq(connections.workspaceId, owner.workspaceId))),
    insertEvent(deps.db, newEvent({ workspaceId: owner.workspaceId, connectionId: id, type: 'deleted', actor: 'owner', at: now })),
  ])
  await forgetSnapshots(
    deps,
    openLinks.map((link) => link.tokenHash),
  )
}
