import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from './client'
import type { ConnectionRow } from './connections'
import { connections } from './schema'

const due = (now: number) => and(eq(connections.status, 'active'), lte(connections.nextCheckAt, now))
const unclaimed = (now: number) => or(isNull(connections.checkClaimedUntil), lte(connections.checkClaimedUntil, now))

/** The sweep's selection, not run: its query plan is tested and benchmarked (connections_health_due). */
export function dueConnectionsQuery(db: Db, now: number, limit: number) {
  return db
    .select({ id: connections.id })
    .from(connections)
    .where(and(due(now), unclaimed(now)))
    .orderBy(asc(connections.nextCheckAt))
    .limit(limit)
}

/**
 * Selects and claims the most overdue connections in one statement (D1 runs it whole, alone), so two sweeps
 * that overlap never get the same connection. The claim moves `next_check_at` past the lease too: a crashed check comes due again.
 */
export function claimDueConnections(db: Db, now: number, limit: number, leaseUntil: number): Promise<ConnectionRow[]> {
  return db
    .update(connections)
    .set({ checkClaimedUntil: leaseUntil, nextCheckAt: leaseUntil })
    .where(inArray(connections.id, dueConnectionsQuery(db, now, limit)))
    .returning()
}

/** "Check now": the same claim for one active connection, whenever it is due; undefined while another check holds it. */
export async function claimConnection(db: Db, id: string, now: number, leaseUntil: number): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .update(connections)
    .set({ checkClaimedUntil: leaseUntil, nextCheckAt: leaseUntil })
    .where(and(eq(connections.id, id), eq(connections.status, 'active'), unclaimed(now)))
    .returning()
  return row
}

/** Written only while the credentials are the ones that were checked: newer ones carry their own schedule. */
export const checkedRevision = (row: ConnectionRow) =>
  and(eq(connections.id, row.id), eq(connections.credentialsRevision, row.credentialsRevision), eq(connections.status, 'active'))

/** The app accepted the credentials (a refused connection that passes "Check now" is healthy again). */
export function recordCheckPassed(db: Db, row: ConnectionRow, now: number, next: number) {
  return db
    .update(connections)
    .set({ lastCheckedAt: now, lastError: null, checkFailures: 0, nextCheckAt: next, checkClaimedUntil: null, needsReconnect: false })
    .where(checkedRevision(row))
    .returning({ id: connections.id })
}

/** A timeout or an outage: recorded, retried later, never a reason to reconnect. */
export function recordCheckFailed(db: Db, row: ConnectionRow, now: number, error: string, retryAt: number) {
  return db
    .update(connections)
    .set({
      lastCheckedAt: now,
      lastError: error,
      checkFailures: sql`${connections.checkFailures} + 1`,
      nextCheckAt: retryAt,
      checkClaimedUntil: null,
    })
    .where(checkedRevision(row))
}

/**
 * The app refused the credentials. Returns the row only when this write flipped it: the flip is announced once.
 * Nothing is scheduled until new credentials arrive.
 */
export function markNeedsReconnect(db: Db, row: ConnectionRow, now: number, error: string) {
  return db
    .update(connections)
    .set({
      needsReconnect: true,
      lastCheckedAt: now,
      lastError: error,
      checkFailures: 0,
      nextCheckAt: null,
      checkClaimedUntil: null,
      updatedAt: now,
    })
    .where(and(checkedRevision(row), eq(connections.needsReconnect, false)))
    .returning({ id: connections.id })
}

/** A check that ended without a verdict on a connection already refused: only the claim goes. */
export function releaseClaim(db: Db, row: ConnectionRow, now: number, error: string) {
  return db
    .update(connections)
    .set({ lastCheckedAt: now, lastError: error, nextCheckAt: null, checkClaimedUntil: null })
    .where(checkedRevision(row))
}
