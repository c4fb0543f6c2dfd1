import { AppError } from '../domain/errors'
import { MAX_CONNECTIONS, MAX_OPEN_LINKS, MAX_WORKFLOWS, NEW_LINKS_PER_HOUR } from '../domain/limits'
import type { RateLimitPolicy } from '../domain/rate-limit'
import type { Owner } from '../domain/shapes'
import type { Deps } from './deps'
import { enforceRateLimits } from './rate-limits'

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

/** Counted before anything is written, exactly (one D1 upsert), whether or not the link then lands. */
export async function countNewLink(deps: Deps, owner: Owner, now: number): Promise<void> {
  await enforceRateLimits(
    deps.db,
    [{ policy: NEW_LINKS_PER_WORKSPACE, subject: owner.workspaceId }],
    now,
    (minutes) =>
      `This workspace has created ${NEW_LINKS_PER_HOUR} links this hour, its limit. ` +
      `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  )
}
