import { and, eq } from 'drizzle-orm'
import { open, seal, sealContext } from '../domain/crypto'
import { AppError } from '../domain/errors'
import { isLinkOpen, linkExpiresAt, type LinkPurpose } from '../domain/links'
import { hashToken, newId, newToken } from '../domain/tokens'
import type { ConnectionRow, ConnectionWithLink, LinkRow } from '../db/connections'
import { insertEvent } from '../db/events'
import { connections, links } from '../db/schema'
import type { Owner } from '../http/context'
import { requireApp, requireConnection } from './connections'
import type { Deps } from './deps'
import { iso } from './public-shapes'
import { newEvent } from './events'
import { forgetSnapshots, storeSnapshot } from './link-snapshots'

export interface IssuedLink {
  row: LinkRow
  url: string
}

export const linkUrl = (deps: Deps, token: string) => `${deps.publicOrigin}/connect/${token}`

interface NewLink {
  token: string
  tokenHash: string
  row: LinkRow
}

async function prepareLink(
  deps: Deps,
  connection: ConnectionRow,
  purpose: LinkPurpose,
  minutes: number | undefined,
  now: number,
): Promise<NewLink> {
  const token = newToken()
  const id = newId()
  const sealed = await seal(await deps.keyring(), token, sealContext.linkToken(id))
  const tokenHash = await hashToken(token)
  const row: LinkRow = {
    id,
    connectionId: connection.id,
    workspaceId: connection.workspaceId,
    tokenHash,
    tokenBlob: sealed.blob,
    tokenKeyVersion: sealed.keyVersion,
    purpose,
    status: 'pending',
    failedAttempts: 0,
    claimId: null,
    checkLeaseUntil: null,
    rejectReason: null,
    expiresAt: linkExpiresAt(now, minutes),
    createdAt: now,
    closedAt: null,
  }
  return { token, tokenHash, row }
}

async function publish(deps: Deps, owner: Owner, connection: ConnectionRow, link: NewLink, now: number): Promise<IssuedLink> {
  await storeSnapshot(
    deps,
    link.tokenHash,
    {
      v: 1,
      linkId: link.row.id,
      connectionId: connection.id,
      workspaceId: connection.workspaceId,
      appId: connection.appId,
      connectionName: connection.name,
      requesterName: owner.name,
      requesterEmail: owner.email,
      purpose: link.row.purpose,
      expiresAt: link.row.expiresAt,
    },
    now,
  )
  return { row: link.row, url: linkUrl(deps, link.token) }
}

/** Add Connection → Request Connection via Link: a pending connection and its link, in one batch. */
export async function requestConnectionViaLink(
  deps: Deps,
  owner: Owner,
  input: { appId: string; name: string; expiresInMinutes?: number },
  now: number,
): Promise<{ connection: ConnectionWithLink; link: IssuedLink }> {
  const app = requireApp(deps, input.appId)
  const connection: ConnectionRow = {
    id: newId(),
    workspaceId: owner.workspaceId,
    appId: app.id,
    name: input.name,
    status: 'pending',
    via: 'link',
    accountLabel: null,
    credentialsBlob: null,
    credentialsKeyVersion: null,
    credentialsRevision: 0,
    needsReconnect: false,
    createdAt: now,
    updatedAt: now,
  }
  const link = await prepareLink(deps, connection, 'create', input.expiresInMinutes, now)
  const created = (type: 'created' | 'link_created') =>
    insertEvent(
      deps.db,
      newEvent({
        workspaceId: owner.workspaceId,
        connectionId: connection.id,
        linkId: link.row.id,
        type,
        actor: 'owner',
        at: now,
        detail: type === 'created' ? { via: 'link' } : { purpose: 'create', expiresAt: iso(link.row.expiresAt) },
      }),
    )
  // The invitation is cached first: if that fails nothing exists yet, and a snapshot of a link
  // that D1 never got is harmless (every action asks D1) and was never handed out.
  const issued = await publish(deps, owner, connection, link, now)
  await deps.db.batch([
    deps.db.insert(connections).values(connection),
    deps.db.insert(links).values(link.row),
    created('created'),
    created('link_created'),
  ])
  return { connection: { connection, link: link.row }, link: issued }
}

/**
 * Refresh credentials: a new link replaces any open one at once. An active connection gets a
 * refresh link (its credentials keep working); a pending or rejected one goes back to pending.
 */
export async function issueNewLink(
  deps: Deps,
  owner: Owner,
  connectionId: string,
  expiresInMinutes: number | undefined,
  now: number,
): Promise<IssuedLink> {
  const { connection } = await requireConnection(deps, owner, connectionId)
  requireApp(deps, connection.appId)
  const purpose: LinkPurpose = connection.status === 'active' ? 'refresh' : 'create'
  const link = await prepareLink(deps, connection, purpose, expiresInMinutes, now)
  const issued = await publish(deps, owner, { ...connection, status: purpose === 'create' ? 'pending' : connection.status }, link, now)
  const [revoked] = await deps.db.batch([
    deps.db
      .update(links)
      .set({ status: 'revoked', closedAt: now })
      .where(and(eq(links.connectionId, connectionId), eq(links.status, 'pending')))
      .returning({ tokenHash: links.tokenHash }),
    deps.db.insert(links).values(link.row),
    deps.db
      .update(connections)
      .set({ status: purpose === 'create' ? 'pending' : 'active', updatedAt: now })
      .where(eq(connections.id, connectionId)),
    insertEvent(
      deps.db,
      newEvent({
        workspaceId: owner.workspaceId,
        connectionId,
        linkId: link.row.id,
        type: 'refreshed',
        actor: 'owner',
        at: now,
        detail: { purpose, expiresAt: iso(link.row.expiresAt) },
      }),
    ),
  ])
  await forgetSnapshots(
    deps,
    revoked.map((row) => row.tokenHash),
  )
  return issued
}

export async function revokeOpenLink(deps: Deps, owner: Owner, connectionId: string, now: number): Promise<void> {
  await requireConnection(deps, owner, connectionId)
  const [revoked] = await deps.db.batch([
    deps.db
      .update(links)
      .set({ status: 'revoked', closedAt: now })
      .where(and(eq(links.connectionId, connectionId), eq(links.status, 'pending')))
      .returning({ id: links.id, tokenHash: links.tokenHash }),
  ])
  if (revoked.length === 0) return
  await deps.db.batch([
    insertEvent(
      deps.db,
      newEvent({ workspaceId: owner.workspaceId, connectionId, linkId: revoked[0]!.id, type: 'revoked', actor: 'owner', at: now }),
    ),
  ])
  await forgetSnapshots(
    deps,
    revoked.map((row) => row.tokenHash),
  )
}

/** The connection's latest link; its URL only while it can still be used. */
export async function currentLink(
  deps: Deps,
  owner: Owner,
  connectionId: string,
  now: number,
): Promise<{ row: LinkRow; url: string | null }> {
  const { link } = await requireConnection(deps, owner, connectionId)
  if (!link) throw new AppError('not_found', 'This connection has no link.')
  if (!isLinkOpen(link, now)) return { row: link, url: null }
  return { row: link, url: linkUrl(deps, await revealLinkToken(deps, link)) }
}

/** The raw token is kept sealed so the owner (or a client retrying) can see the link again. */
export async function revealLinkToken(deps: Deps, link: LinkRow): Promise<string> {
  return open(await deps.keyring(), { keyVersion: link.tokenKeyVersion, blob: link.tokenBlob }, sealContext.linkToken(link.id))
}
