import { expireOverdueLinks as expireOverdueBatch, insertEventsForClaim } from '../../db/links'
import { newId } from '../../domain/tokens'
import { type AnnounceDeps, announceEvents } from '../webhooks/announce'

import { claimEvent } from './commit'

/** Bounded so one run stays well inside a Worker's limits; the next run picks up the rest. */
export const EXPIRE_BATCH_SIZE = 500
export const EXPIRE_MAX_BATCHES = 20

/**
 * The cron: overdue pending links become expired, each batch with its events. Their snapshots
 * stay in KV until their TTL; the snapshot's own expiry already makes the page refuse them.
 */
export async function expireOverdueLinks(deps: AnnounceDeps, now: number): Promise<number> {
  let total = 0
  for (let batch = 0; batch < EXPIRE_MAX_BATCHES; batch++) {
    const claimId = newId()
    const [expired, events] = await deps.db.batch([
      expireOverdueBatch(deps.db, claimId, now, EXPIRE_BATCH_SIZE),
      insertEventsForClaim(deps.db, claimId, claimEvent('expired', 'system', now)),
    ])
    await announceEvents(deps, events, now)
    total += expired.length
    if (expired.length < EXPIRE_BATCH_SIZE) break
  }
  return total
}
