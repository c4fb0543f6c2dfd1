import { and, asc, eq, gt, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from './client'
import { countBelow, insertRowIf } from './conditional-insert'
import type { ConnectionRow, LinkRow } from './connections'
import { connections, events, links } from './schema'

/**
 * Every write to the links table. Each builder returns a statement that is not yet run, so the
 * link lifecycle (src/services/link-lifecycle/) can put a state change and its audit event in
 * one batch, which D1 runs as one transaction.
 */

type LinkWithConnection = { link: LinkRow; connection: ConnectionRow }

function findLinkWhere(db: Db, where: SQL): Promise<LinkWithConnection | undefined> {
  return db
    .select({ link: links, connection: connections })
    .from(links)
    .innerJoin(connections, eq(connections.id, links.connectionId))
    .where(where)
    .get()
}

export const findLinkWithConnection = (db: Db, tokenHash: string) => findLinkWhere(db, eq(links.tokenHash, tokenHash))

export const findLinkById = (db: Db, linkId: string) => findLinkWhere(db, eq(links.id, linkId))

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

/** Lands only with its connection (which a quota may have refused in the same batch), and only if `where` holds. */
export function insertLinkIf(db: Db, row: LinkRow, ...quotas: SQL[]) {
  return insertRowIf(db, links, row, connections, and(eq(connections.id, row.connectionId), ...quotas)!).returning({ id: links.id })
}

/** The open-links quota: a workspace's pending, unexpired links (`links_workspace_open`), those of `except` aside. */
export function openLinksBelow(workspaceId: string, now: number, cap: number, except?: { connectionId: string }): SQL {
  const open = and(
    eq(links.workspaceId, workspaceId),
    eq(links.status, 'pending'),
    gt(links.expiresAt, now),
    except ? ne(links.connectionId, except.connectionId) : undefined,
  )!
  return countBelow(links, open, cap)
}

const linkExists = (linkId: string) => sql`EXISTS (SELECT 1 FROM ${links} WHERE ${links.id} = ${linkId})`

/** Follows a link insert that a quota may have refused: changes the connection only if the link landed. */
export function updateConnectionIfLinked(db: Db, connectionId: string, linkId: string, values: Record<string, unknown>) {
  return db
    .update(connections)
    .set(values)
    .where(and(eq(connections.id, connectionId), linkExists(linkId)))
}

/** The single-use gate: only a pending, unexpired link can be claimed, and only once. */
export function claimLink(
  db: Db,
  linkId: string,
  claimId: string,
  status: 'used' | 'rejected' | 'skipped',
  now: number,
  rejectReason?: string | null,
) {
  return db
    .update(links)
    .set({ status, claimId, closedAt: now, rejectReason: rejectReason ?? null })
    .where(and(eq(links.id, linkId), eq(links.status, 'pending'), gt(links.expiresAt, now)))
    .returning({ id: links.id })
}

/** True inside the same batch only for the submission whose claim won. */
const claimedBy = (linkId: string, claimId: string) =>
  sql`EXISTS (SELECT 1 FROM ${links} WHERE ${links.id} = ${linkId} AND ${links.claimId} = ${claimId})`

export function updateConnectionIfClaimed(db: Db, connectionId: string, linkId: string, claimId: string, values: Record<string, unknown>) {
  return db
    .update(connections)
    .set(values)
    .where(and(eq(connections.id, connectionId), claimedBy(linkId, claimId)))
}

/**
 * Closes every open link of a connection under one claim id, so their events can follow in the same
 * batch. With `replacedBy`, only if that new link landed earlier in the batch, and never that one.
 */
export function revokeOpenLinks(db: Db, connectionId: string, claimId: string, now: number, replacedBy?: string) {
  return db
    .update(links)
    .set({ status: 'revoked', closedAt: now, claimId })
    .where(
      and(
        eq(links.connectionId, connectionId),
        eq(links.status, 'pending'),
        replacedBy ? and(ne(links.id, replacedBy), linkExists(replacedBy)) : undefined,
      ),
    )
    .returning({ id: links.id, tokenHash: links.tokenHash, requestId: links.requestId })
}

/**
 * Takes the link's check lease: while one submitted key is being checked with the app no other
 * can be, so each refusal is counted before the next key is tried. A lease left behind by a
 * request that died ends by itself at `leaseUntil`.
 */
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

/**
 * Counts a wrong submission; the link locks when it reaches the limit, and only then takes
 * `lockClaimId`, so the `locked` event can be written in the same batch. Returns the new count.
 */
export function recordFailedAttempt(db: Db, linkId: string, maxAttempts: number, lockClaimId: string, now: number) {
  const locks = sql`${links.failedAttempts} + 1 >= ${maxAttempts}`
  return db
    .update(links)
    .set({
      failedAttempts: sql`${links.failedAttempts} + 1`,
      status: sql`CASE WHEN ${locks} THEN 'locked' ELSE ${links.status} END`,
      closedAt: sql`CASE WHEN ${locks} THEN ${now} ELSE ${links.closedAt} END`,
      claimId: sql`CASE WHEN ${locks} THEN ${lockClaimId} ELSE ${links.claimId} END`,
    })
    .where(and(eq(links.id, linkId), eq(links.status, 'pending')))
    .returning({ failedAttempts: links.failedAttempts, status: links.status })
}

/**
 * Marks at most `limit` overdue pending links expired under `claimId`. The `status = 'pending'`
 * guard (one statement sees its own subquery, and D1 writes one at a time) makes it idempotent
 * and safe when two runs overlap. Repeated on the update itself, it made SQLite walk every
 * pending link through the status index instead of taking the batch by id.
 */
export function expireOverdueLinks(db: Db, claimId: string, now: number, limit: number) {
  const overdue = db
    .select({ id: links.id })
    .from(links)
    .where(and(eq(links.status, 'pending'), lte(links.expiresAt, now)))
    .orderBy(asc(links.expiresAt))
    .limit(limit)
  return db.update(links).set({ status: 'expired', closedAt: now, claimId }).where(inArray(links.id, overdue)).returning({ id: links.id })
}

export interface ClaimEvent {
  type: string
  actor: 'owner' | 'client' | 'system'
  at: number
  ipCountry?: string | null
  userAgent?: string | null
  detail?: string | null
}

/**
 * One audit event for each link that a statement earlier in the same batch claimed with
 * `claimId`: none if that claim lost, so an event never lands without its state change.
 */
export function insertEventsForClaim(db: Db, claimId: string, event: ClaimEvent) {
  const value = <T>(v: T, column: string) => sql<T>`${v ?? null}`.as(column)
  return db
    .insert(events)
    .select(
      db
        .select({
          id: sql<string>`lower(hex(randomblob(12)))`.as('id'),
          workspaceId: links.workspaceId,
          connectionId: links.connectionId,
          linkId: links.id,
          type: value(event.type, 'type'),
          actor: value(event.actor, 'actor'),
          at: value(event.at, 'at'),
          ipCountry: value(event.ipCountry, 'ip_country'),
          userAgent: value(event.userAgent, 'user_agent'),
          detail: value(event.detail, 'detail'),
        })
        .from(links)
        .where(eq(links.claimId, claimId)),
    )
    .returning()
}

/** Key rotation: link tokens sealed under a retiring key version. */
export function linkTokensSealedWith(db: Db, versions: string[], afterId: string, limit: number) {
  return db
    .select({ id: links.id, blob: links.tokenBlob, keyVersion: links.tokenKeyVersion })
    .from(links)
    .where(and(inArray(links.tokenKeyVersion, versions), gt(links.id, afterId)))
    .orderBy(asc(links.id))
    .limit(limit)
    .all()
}

/** Lands only if the row still holds the value that was read. */
export function resealLinkToken(db: Db, id: string, oldBlob: string, sealed: { blob: string; keyVersion: string }) {
  return db
    .update(links)
    .set({ tokenBlob: sealed.blob, tokenKeyVersion: sealed.keyVersion })
    .where(and(eq(links.id, id), eq(links.tokenBlob, oldBlob)))
    .returning({ id: links.id })
}
