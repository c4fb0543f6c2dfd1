import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from './client'
import type { ConnectionRow, LinkRow } from './connections'
import { connections, events, links } from './schema'
import type { NewEvent } from './events'

export async function findLinkWithConnection(db: Db, tokenHash: string): Promise<{ link: LinkRow; connection: ConnectionRow } | undefined> {
  return db
    .select({ link: links, connection: connections })
    .from(links)
    .innerJoin(connections, eq(connections.id, links.connectionId))
    .where(eq(links.tokenHash, tokenHash))
    .get()
}

/**
 * The same lookup as two single-table queries (not yet run), so it can share a batch with a
 * write: drizzle maps D1 batch rows by column name, which a join's duplicate names would break.
 */
export function linkAndConnectionQueries(db: Db, tokenHash: string) {
  return [
    db.select().from(links).where(eq(links.tokenHash, tokenHash)),
    db
      .select()
      .from(connections)
      .where(eq(connections.id, db.select({ id: links.connectionId }).from(links).where(eq(links.tokenHash, tokenHash)))),
  ] as const
}

/** The single-use gate: only a pending, unexpired link can be claimed, and only once. */
export function claimLink(db: Db, linkId: string, claimId: string, status: 'used' | 'rejected', now: number, rejectReason?: string | null) {
  return db
    .update(links)
    .set({ status, claimId, closedAt: now, rejectReason: rejectReason ?? null })
    .where(and(eq(links.id, linkId), eq(links.status, 'pending'), gt(links.expiresAt, now)))
    .returning({ id: links.id })
}

/** True inside the same batch only for the submission whose claim won. */
export const claimedBy = (linkId: string, claimId: string) =>
  sql`EXISTS (SELECT 1 FROM ${links} WHERE ${links.id} = ${linkId} AND ${links.claimId} = ${claimId})`

/** Inserted in the claim's batch, but only if that claim won. */
export function insertEventIfClaimed(db: Db, event: NewEvent, linkId: string, claimId: string) {
  const value = <T>(v: T) => sql<T>`${v ?? null}`
  return db.insert(events).select(
    db
      .select({
        id: value(event.id).as('id'),
        workspaceId: value(event.workspaceId).as('workspace_id'),
        connectionId: value(event.connectionId).as('connection_id'),
        linkId: value(event.linkId).as('link_id'),
        type: value(event.type).as('type'),
        actor: value(event.actor).as('actor'),
        at: value(event.at).as('at'),
        ipCountry: value(event.ipCountry).as('ip_country'),
        userAgent: value(event.userAgent).as('user_agent'),
        detail: value(event.detail).as('detail'),
      })
      .from(links)
      .where(and(eq(links.id, linkId), eq(links.claimId, claimId))),
  )
}

/**
 * Takes the link's check lease: while one submitted key is being checked with the app no other
 * can be, so each refusal is counted before the next key is tried. A lease left behind by a
 * request that died ends by itself at `leaseUntil`.
 */
/** Takes the link's single check slot if it is open and nobody holds it (or their lease lapsed). */
export function leaseCheck(db: Db, tokenHash: string, now: number, leaseUntil: number) {
  return db
    .update(links)
    .set({ checkLeaseUntil: leaseUntil })
    .where(
      and(
        eq(links.tokenHash, tokenHash),
        eq(links.status, 'pending'),
        gt(links.expiresAt, now),
        or(isNull(links.checkLeaseUntil), lte(links.checkLeaseUntil, now)),
      ),
    )
    .returning({ id: links.id })
}

/** Ends this request's lease (not a later one taken after it lapsed). */
export function endCheck(db: Db, linkId: string, leaseUntil: number) {
  return db
    .update(links)
    .set({ checkLeaseUntil: null })
    .where(and(eq(links.id, linkId), eq(links.checkLeaseUntil, leaseUntil)))
}

/** Counts a wrong submission; the link locks when it reaches the limit. Returns the new count. */
export function recordFailedAttempt(db: Db, linkId: string, maxAttempts: number, now: number) {
  return db
    .update(links)
    .set({
      failedAttempts: sql`${links.failedAttempts} + 1`,
      status: sql`CASE WHEN ${links.failedAttempts} + 1 >= ${maxAttempts} THEN 'locked' ELSE ${links.status} END`,
      closedAt: sql`CASE WHEN ${links.failedAttempts} + 1 >= ${maxAttempts} THEN ${now} ELSE ${links.closedAt} END`,
    })
    .where(and(eq(links.id, linkId), eq(links.status, 'pending')))
    .returning({ failedAttempts: links.failedAttempts, status: links.status })
}

export function updateConnectionIfClaimed(
  db: Db,
  connectionId: string,
  linkId: string,
  claimId: string,
  values: Partial<ConnectionRow> | Record<string, unknown>,
) {
  return db
    .update(connections)
    .set(values)
    .where(and(eq(connections.id, connectionId), claimedBy(linkId, claimId)))
}

export async function findLinkById(db: Db, linkId: string): Promise<{ link: LinkRow; connection: ConnectionRow } | undefined> {
  return db
    .select({ link: links, connection: connections })
    .from(links)
    .innerJoin(connections, eq(connections.id, links.connectionId))
    .where(eq(links.id, linkId))
    .get()
}
