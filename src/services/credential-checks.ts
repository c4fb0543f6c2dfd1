import type { AppDefinition, Credentials, VerifiedAccount } from '../apps/types'
import { hitRateLimit, refundRateLimit, undoHitsIfAnyOver } from '../db/rate-limits'
import { AppError } from '../domain/errors'
import { type RateLimitPolicy, retryAfterSeconds, windowStartOf } from '../domain/rate-limit'
import { refuseUnsendable, verifyCredentials } from './credentials'
import type { Deps } from './deps'
import { CHECK_REFUSALS_PER_WORKSPACE, CHECKS_PER_WORKSPACE, rateLimitKey } from './rate-limits'

/**
 * The workspace whose limits a check counts against, and who is told when they are reached: the owner learns the
 * figures, a client only that it should try later (the owner's quota is none of their business).
 */
export interface CheckBudget {
  workspaceId: string
  audience: 'owner' | 'client'
  now: number
}

/** Every path that asks an app whether credentials are good passes here: the API, the dashboard, owner OAuth, links. */
export async function checkCredentials(
  deps: Deps,
  budget: CheckBudget,
  app: AppDefinition,
  credentials: Credentials,
): Promise<VerifiedAccount> {
  // A value that cannot be sent is refused before anything is counted: it never reaches the app.
  refuseUnsendable(app, credentials)
  return withCredentialCheck(deps, budget, () => verifyCredentials(deps, app, credentials))
}

/**
 * Runs `check` (a call that shows whether credentials work: a "who am I", an OAuth code exchange) only with a
 * slot under both limits. The slot is counted as a refusal before the app is asked and refunded only when it
 * accepts, so however many checks run at once, refusals can never pass the hourly limit; an error or a timeout
 * keeps its count (an app's odd answer to a wrong key is an oracle too).
 */
export async function withCredentialCheck<T>(deps: Deps, budget: CheckBudget, check: () => Promise<T>): Promise<T> {
  const refusals = await reserveCheck(deps, budget)
  const result = await check()
  // A lost refund only leaves one refusal too many counted: the safe side.
  await deps.db
    .batch([refundRateLimit(deps.db, refusals.key, refusals.windowStart)])
    .catch((error: unknown) => console.error('credential check refund failed', error instanceof Error ? error.name : 'unknown'))
  return result
}

const POLICIES = [CHECK_REFUSALS_PER_WORKSPACE, CHECKS_PER_WORKSPACE] as const

/** One round trip: both counters hit, and both taken back in the same transaction if either went over. */
async function reserveCheck(deps: Deps, { workspaceId, audience, now }: CheckBudget): Promise<{ key: string; windowStart: number }> {
  const [refusalKey, checkKey] = await Promise.all(POLICIES.map((policy) => rateLimitKey({ policy, subject: workspaceId })))
  const [[refusals], [checks]] = await deps.db.batch([
    hitRateLimit(deps.db, refusalKey!, windowStartOf(now, CHECK_REFUSALS_PER_WORKSPACE.windowMs)),
    hitRateLimit(deps.db, checkKey!, windowStartOf(now, CHECKS_PER_WORKSPACE.windowMs)),
    undoHitsIfAnyOver(deps.db, [
      { key: refusalKey!, limit: CHECK_REFUSALS_PER_WORKSPACE.limit },
      { key: checkKey!, limit: CHECKS_PER_WORKSPACE.limit },
    ]),
  ])
  const over = [
    { policy: CHECK_REFUSALS_PER_WORKSPACE, row: refusals },
    { policy: CHECKS_PER_WORKSPACE, row: checks },
  ].filter(({ policy, row }) => row && row.count > policy.limit)
  if (over.length > 0) {
    const retryAfter = Math.max(...over.map(({ policy, row }) => retryAfterSeconds(row!.windowStart, policy.windowMs, now)))
    throw new AppError('rate_limited', limitMessage(audience, over[0]!.policy, retryAfter), undefined, retryAfter)
  }
  return { key: refusalKey!, windowStart: refusals!.windowStart }
}

export const CLIENT_LIMIT_MESSAGE = 'Too many attempts for now. Please try again later, or ask the person who sent you this link for help.'

function limitMessage(audience: CheckBudget['audience'], policy: RateLimitPolicy, retryAfterSeconds: number): string {
  if (audience === 'client') return CLIENT_LIMIT_MESSAGE
  const minutes = Math.ceil(retryAfterSeconds / 60)
  const wait = minutes > 90 ? `${Math.ceil(minutes / 60)} hours` : `${minutes} minute${minutes === 1 ? '' : 's'}`
  const what =
    policy === CHECK_REFUSALS_PER_WORKSPACE
      ? `Apps have refused ${policy.limit} credential checks in this workspace this hour, its limit`
      : `This workspace has checked credentials with apps ${policy.limit} times today, its limit`
  return `${what}. Try again in ${wait}.`
}
