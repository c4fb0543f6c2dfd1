import { lt, type SQL, sql } from 'drizzle-orm'
import type { Db } from './client'
import { rateLimits } from './schema'

/**
 * Counts one hit in the key's current window and returns the count so far, in one statement,
 * so concurrent hits never read the same count. An older window (or none) starts again at 1.
 */
export function hitRateLimit(db: Db, key: string, windowStart: number) {
  return db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} >= excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`max(${rateLimits.windowStart}, excluded.window_start)`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
}

/** True while the counter (taken earlier in the same batch) is within `limit`. */
export function counterWithin(key: string, windowStart: number, limit: number): SQL {
  const inWindow = sql`${rateLimits.key} = ${key} AND ${rateLimits.windowStart} = ${windowStart}`
  const current = sql`SELECT ${rateLimits.count} FROM ${rateLimits} WHERE ${inWindow}`
  return sql`(${current}) <= ${limit}`
}

export function deleteRateLimitsBefore(db: Db, cutoff: number) {
  return db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff))
}
