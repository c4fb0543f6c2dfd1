import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { events, links } from '../db/schema'
import { newId } from '../domain/tokens'

/** Bounded so one run stays well inside a Worker's limits; the next run picks up the rest. */
export const EXPIRE_BATCH_SIZE = 500
export const EXPIRE_MAX_BATCHES = 20

/**
 * Marks overdue pending links expired and records it, each batch in one transaction. The
 * `status = 'pending'` guard (one statement sees its own subquery, and D1 writes one at a time)
 * makes it idempotent and safe when two runs overlap. Repeated on the update itself, it made
 * SQLite walk every pending link through the status index instead of taking the batch by id.
 */
export async function expireOverdueLinks(db: Db, now: number): Promise<number> {
  let total = 0
  for (let batch = 0; batch < EXPIRE_MAX_BATCHES; batch++) {
    const runId = newId()
    const overdue = db
      .select({ id: links.id })
      .from(links)
      .where(and(eq(links.status, 'pending'), lte(links.expiresAt, now)))
      .orderBy(asc(links.expiresAt))
      .limit(EXPIRE_BATCH_SIZE)
    const [expired] = await db.batch([
      db
        .update(links)
        .set({ status: 'expired', closedAt: now, claimId: runId })
        .where(inArray(links.id, overdue))
        .returning({ id: links.id }),
      db.insert(events).select(
        db
          .select({
            id: sql<string>`lower(hex(randomblob(12)))`.as('id'),
            workspaceId: links.workspaceId,
            connectionId: links.connectionId,
            linkId: links.id,
            type: sql<string>`'expired'`.as('type'),
            actor: sql<'system'>`'system'`.as('actor'),
            at: sql<number>`${now}`.as('at'),
            ipCountry: sql<null>`NULL`.as('ip_country'),
            userAgent: sql<null>`NULL`.as('user_agent'),
            detail: sql<null>`NULL`.as('detail'),
          })
          .from(links)
          .where(eq(links.claimId, runId)),
      ),
    ])
    total += expired.length
    if (expired.length < EXPIRE_BATCH_SIZE) break
  }
  return total
}
