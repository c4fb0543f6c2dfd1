import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { CredentialsSource } from '../domain/badges'
import type { Db } from './client'
import { countBelow, insertRowIf } from './conditional-insert'
import { connections, links, workspaces } from './schema'

export type ConnectionRow = typeof connections.$inferSelect
export type LinkRow = typeof links.$inferSelect

export interface ConnectionWithLink {
  connection: ConnectionRow
  /** The connection's most recent link, whatever its state. */
  link: LinkRow | null
}

export const latestLinkId = sql`(SELECT ${links.id} FROM ${links} WHERE ${links.connectionId} = ${connections.id}
  ORDER BY ${links.createdAt} DESC, ${links.id} DESC LIMIT 1)`

export async function listConnections(db: Db, workspaceId: string): Promise<ConnectionWithLink[]> {
  return db
    .select({ connection: connections, link: links })
    .from(connections)
    .leftJoin(links, eq(links.id, latestLinkId))
    .where(eq(connections.workspaceId, workspaceId))
    .orderBy(desc(connections.createdAt), desc(connections.id))
    .all()
}

/** Scoped by workspace: another owner's id is simply not found. */
export async function findConnection(db: Db, workspaceId: string, id: string): Promise<ConnectionWithLink | undefined> {
  return db
    .select({ connection: connections, link: links })
    .from(connections)
    .leftJoin(links, eq(links.id, latestLinkId))
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)))
    .get()
}

export async function findConnectionById(db: Db, id: string): Promise<ConnectionRow | undefined> {
  return db.select().from(connections).where(eq(connections.id, id)).get()
}

/** A connection that waits for the client's credentials through a link. */
export function pendingConnectionRow(fields: Pick<ConnectionRow, 'id' | 'workspaceId' | 'appId' | 'name'>, now: number): ConnectionRow {
  return {
    ...fields,
    status: 'pending',
    via: 'link',
    accountLabel: null,
    accountId: null,
    credentialsBlob: null,
    credentialsKeyVersion: null,
    metadata: null,
    credentialsRevision: 0,
    needsReconnect: false,
    credentialsSource: null,
    credentialsUpdatedAt: null,
    credentialsUpdatedBy: null,
    createdAt: now,
    updatedAt: now,
    lastCheckedAt: null,
    lastError: null,
    nextCheckAt: null,
    checkFailures: 0,
    checkClaimedUntil: null,
  }
}

/** Who put the current credentials in: the owner's user id, or the client's link id. */
export interface CredentialsOrigin {
  source: CredentialsSource
  by: string
}

/** Lands only while every quota holds, counted in the same statement; returns the id if it landed. */
export function insertConnectionIf(db: Db, row: ConnectionRow, ...quotas: SQL[]) {
  const where = and(eq(workspaces.id, row.workspaceId), ...quotas)!
  return insertRowIf(db, connections, row, workspaces, where).returning({ id: connections.id })
}

export function connectionsBelow(workspaceId: string, cap: number): SQL {
  return countBelow(connections, eq(connections.workspaceId, workspaceId), cap)
}

/** Read in the same batch as a refused insert, to say which quota refused it. */
export function countConnections(db: Db, workspaceId: string) {
  return db.select({ n: count() }).from(connections).where(eq(connections.workspaceId, workspaceId))
}

export function setConnectionStatus(db: Db, id: string, status: ConnectionRow['status'], now: number) {
  return db.update(connections).set({ status, updatedAt: now }).where(eq(connections.id, id))
}

/** What storing verified credentials sets: active again, a new revision that runs can detect, and where they came from. */
export function newCredentialsValues(
  sealed: { blob: string; keyVersion: string },
  account: { label: string; id?: string },
  origin: CredentialsOrigin,
  now: number,
  nextCheckAt: number,
  /** Replaced with the credentials: a reconnect to another site or tenant must not keep the old one's. */
  metadata: Record<string, string> | null,
) {
  return {
    credentialsSource: origin.source,
    credentialsUpdatedAt: now,
    credentialsUpdatedBy: origin.by,
    status: 'active' as const,
    accountLabel: account.label,
    accountId: account.id ?? null,
    credentialsBlob: sealed.blob,
    credentialsKeyVersion: sealed.keyVersion,
    metadata,
    credentialsRevision: sql`${connections.credentialsRevision} + 1`,
    needsReconnect: false,
    updatedAt: now,
    // Verified just now: healthy, with any check in flight for the old credentials let go.
    lastCheckedAt: now,
    lastError: null,
    checkFailures: 0,
    nextCheckAt,
    checkClaimedUntil: null,
  }
}

/** Owner-side credential swap, scoped to the connection's workspace. */
export function replaceConnectionCredentials(db: Db, connection: ConnectionRow, values: ReturnType<typeof newCredentialsValues>) {
  return db
    .update(connections)
    .set(values)
    .where(and(eq(connections.id, connection.id), eq(connections.workspaceId, connection.workspaceId)))
}

export function deleteConnectionRow(db: Db, workspaceId: string, id: string) {
  return db.delete(connections).where(and(eq(connections.id, id), eq(connections.workspaceId, workspaceId)))
}
