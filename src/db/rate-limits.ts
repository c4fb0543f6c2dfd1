import { and, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from './client'
import { rateLimits } from './schema'

/** An upsert's update for a hit of `excluded` (count 1 at its window): one more in the same window, else 1 in the newer. */
export const HIT_IN_WINDOW = {
  count: sql`CASE WHEN ${rateLimits.windowStart} >= excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
  windowStart: sql`max(${rateLimits.windowStart}, excluded.window_start)`,
}

/**
 * Counts one hit in the key's current window and returns the count so far, in one statement,
 * so concurrent hits never read the same count. An older window (or none) starts again at 1.
 */
export function hitRateLimit(db: Db, key: string, windowStart: number) {
  return db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart })
    .onConflictDoUpdate({ target: rateLimits.key, set: HIT_IN_WINDOW })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
}

/** True while the counter (taken earlier in the same batch) is within `limit`. */
export function counterWithin(key: string, windowStart: number, limit: number): SQL {
  const inWindow = sql`${rateLimits.key} = ${key} AND ${rateLimits.windowStart} = ${windowStart}`
  const current = sql`SELECT ${rateLimits.count} FROM ${rateLimits} WHERE ${inWindow}`
  return sql`(${current}) <= ${limit}`
}

/**
 * Takes back the hits just counted on these keys (earlier in the same batch, which left each key's row in its
 * current window) when any of them went over its limit: a refused attempt holds no slot. The subqueries are read
 * once, before the update changes a row.
 */
export function undoHitsIfAnyOver(db: Db, counters: [{ key: string; limit: number }, ...{ key: string; limit: number }[]]) {
  const anyOver = or(
    ...counters.map(({ key, limit }) => sql`(SELECT ${rateLimits.count} FROM ${rateLimits} WHERE ${rateLimits.key} = ${key}) > ${limit}`),
  )
  return db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(
      and(
        inArray(
          rateLimits.key,
          counters.map(({ key }) => key),
        ),
        anyOver,
      ),
    )
}

/** Gives one hit back to a window; nothing happens once that window has passed. */
export function refundRateLimit(db: Db, key: string, windowStart: number) {
  return db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart), gt(rateLimits.count, 0)))
}

export function deleteRateLimitsBefore(db: Db, cutoff: number) {
  return db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff))
}
