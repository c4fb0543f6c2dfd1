import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm'
import type { Db } from './client'
import { insertRowIf } from './conditional-insert'
import { type ConnectionRow, insertConnectionIf, latestLinkId } from './connections'
import { connections, linkRequests, links, workspaces } from './schema'

/** Several apps in one link: the request row, and reads of its items (each a link row of its own, written in src/db/links.ts). */

export type LinkRequestRow = typeof linkRequests.$inferSelect

/** Lands only if `where` (the quotas, with room for every item) holds. */
export function insertLinkRequestIf(db: Db, row: LinkRequestRow, where: SQL) {
  return insertRowIf(db, linkRequests, row, workspaces, and(eq(workspaces.id, row.workspaceId), where)!).returning({ id: linkRequests.id })
}

/** An item's connection lands only with its request, so a refused request leaves no item behind. */
export function insertItemConnection(db: Db, row: ConnectionRow, requestId: string) {
  return insertConnectionIf(db, row, sql`EXISTS (SELECT 1 FROM ${linkRequests} WHERE ${linkRequests.id} = ${requestId})`)
}

export function findLinkRequest(db: Db, workspaceId: string, id: string): Promise<LinkRequestRow | undefined> {
  return db
    .select()
    .from(linkRequests)
    .where(and(eq(linkRequests.workspaceId, workspaceId), eq(linkRequests.id, id)))
    .get()
}

export function findLinkRequestById(db: Db, id: string): Promise<LinkRequestRow | undefined> {
  return db.select().from(linkRequests).where(eq(linkRequests.id, id)).get()
}

/** Each item's link (the one the request issued) and its connection with its latest link, in list order. */
export function requestItems(db: Db, requestId: string) {
  return db
    .select({ item: links, connection: connections })
    .from(links)
    .innerJoin(connections, eq(connections.id, links.connectionId))
    .where(eq(links.requestId, requestId))
    .orderBy(asc(links.requestPosition))
    .all()
}

/** The connections' latest links, for the public shape of each item's connection. */
export function latestLinksOf(db: Db, connectionIds: string[]) {
  return db
    .select({ connectionId: connections.id, link: links })
    .from(connections)
    .innerJoin(links, eq(links.id, latestLinkId))
    .where(inArray(connections.id, connectionIds))
    .all()
}

export function itemStatesOf(db: Db, requestId: string) {
  return db
    .select({ position: links.requestPosition, status: links.status, expiresAt: links.expiresAt })
    .from(links)
    .where(eq(links.requestId, requestId))
    .orderBy(asc(links.requestPosition))
    .all()
}

/** Key rotation: request tokens sealed under a retiring key version. */
export function requestTokensSealedWith(db: Db, versions: string[], afterId: string, limit: number) {
  return db
    .select({ id: linkRequests.id, blob: linkRequests.tokenBlob, keyVersion: linkRequests.tokenKeyVersion })
    .from(linkRequests)
    .where(and(inArray(linkRequests.tokenKeyVersion, versions), gt(linkRequests.id, afterId)))
    .orderBy(asc(linkRequests.id))
    .limit(limit)
    .all()
}

export function resealRequestToken(db: Db, id: string, oldBlob: string, sealed: { blob: string; keyVersion: string }) {
  return db
    .update(linkRequests)
    .set({ tokenBlob: sealed.blob, tokenKeyVersion: sealed.keyVersion })
    .where(and(eq(linkRequests.id, id), eq(linkRequests.tokenBlob, oldBlob)))
    .returning({ id: linkRequests.id })
}
