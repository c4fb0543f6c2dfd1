import { AppError } from '../domain/errors'
import { MAX_CONNECTIONS, MAX_OPEN_LINKS, MAX_WORKFLOWS, NEW_LINKS_PER_HOUR } from '../domain/limits'
import { type RateLimitPolicy, retryAfterSeconds, windowStartOf } from '../domain/rate-limit'
import type { Owner } from '../domain/shapes'
import type { Deps } from './deps'
import { counterWithin, hitRateLimit } from '../db/rate-limits'
import { rateLimitKey } from './rate-limits'

/** What one workspace may hold (src/domain/limits.ts); each cap is checked in the statement that would exceed it. */

export const NEW_LINKS_PER_WORKSPACE: RateLimitPolicy = { name: 'links-workspace', limit: NEW_LINKS_PER_HOUR, windowMs: 60 * 60_000 }

const figure = (n: number) => n.toLocaleString('en-US')

const MESSAGES = {
  connections:
    `This workspace has reached its limit of ${figure(MAX_CONNECTIONS)} connections. ` +
    'Delete connections you no longer need to add new ones.',
  openLinks:
    `This workspace has ${figure(MAX_OPEN_LINKS)} open links, its limit. ` +
    'Revoke links you no longer need, or wait until they are used or expire.',
  workflows:
    `This workspace has reached its limit of ${figure(MAX_WORKFLOWS)} workflows. ` +
    'Delete workflows you no longer need to create new ones.',
} as const

export function quotaExceeded(quota: keyof typeof MESSAGES): AppError {
  return new AppError('quota_exceeded', MESSAGES[quota])
}

/**
 * The hourly count of new links, as two pieces of the batch that writes the link: the counter's
 * upsert (first) and the condition the link's insert carries, so the count costs no round trip of
 * its own and is exact under concurrency. A refused request still used its slot.
 */
export async function newLinkCounter(deps: Deps, owner: Owner, now: number) {
  const windowStart = windowStartOf(now, NEW_LINKS_PER_WORKSPACE.windowMs)
  const key = await rateLimitKey({ policy: NEW_LINKS_PER_WORKSPACE, subject: owner.workspaceId })
  return {
    hit: hitRateLimit(deps.db, key, windowStart),
    within: counterWithin(key, windowStart, NEW_LINKS_PER_HOUR),
    /** The refusal when the counter went over; null when another quota refused the link. */
    refusal(counted: { count: number } | undefined): AppError | null {
      if (!counted || counted.count <= NEW_LINKS_PER_HOUR) return null
      const retryAfter = retryAfterSeconds(windowStart, NEW_LINKS_PER_WORKSPACE.windowMs, now)
      const minutes = Math.ceil(retryAfter / 60)
      return new AppError(
        'rate_limited',
        `This workspace has created ${NEW_LINKS_PER_HOUR} links this hour, its limit. ` +
          `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        undefined,
        retryAfter,
      )
    },
  }
}
