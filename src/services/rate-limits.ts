import { AppError } from '../domain/errors'
import { CHECK_REFUSALS_PER_HOUR, CHECKS_PER_DAY } from '../domain/limits'
import { retryAfterSeconds, windowStartOf, type RateLimitPolicy } from '../domain/rate-limit'
import { hashToken } from '../domain/tokens'
import type { Db } from '../db/client'
import { hitRateLimit } from '../db/rate-limits'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Password guessing against one account, from anywhere. */
export const LOGIN_PER_ACCOUNT: RateLimitPolicy = { name: 'login-account', limit: 10, windowMs: 15 * MINUTE }
/** Guessing from a browser that once signed into the account (its device cookie): counted apart from everyone else. */
export const LOGIN_PER_DEVICE: RateLimitPolicy = { name: 'login-device', limit: 10, windowMs: 15 * MINUTE }
/** Guessing the current password with a signed-in session (a borrowed laptop). */
export const PASSWORD_CHANGE_PER_USER: RateLimitPolicy = { name: 'password-change', limit: 10, windowMs: 15 * MINUTE }
/** Password spraying across accounts from one address (an office may share it). */
export const LOGIN_PER_IP: RateLimitPolicy = { name: 'login-ip', limit: 50, windowMs: 15 * MINUTE }
export const SIGNUP_PER_IP: RateLimitPolicy = { name: 'signup-ip', limit: 10, windowMs: 60 * MINUTE }
/** Every sign-up, resend and reset sends an email: nobody can make Tether flood one inbox. */
export const SIGNUP_PER_ADDRESS: RateLimitPolicy = { name: 'signup-address', limit: 5, windowMs: 60 * MINUTE }
export const RESEND_PER_ADDRESS: RateLimitPolicy = { name: 'resend-address', limit: 5, windowMs: 60 * MINUTE }
export const RESEND_PER_IP: RateLimitPolicy = { name: 'resend-ip', limit: 20, windowMs: 60 * MINUTE }
export const RESET_PER_ADDRESS: RateLimitPolicy = { name: 'reset-address', limit: 5, windowMs: 60 * MINUTE }
export const RESET_PER_IP: RateLimitPolicy = { name: 'reset-ip', limit: 20, windowMs: 60 * MINUTE }
/** The success page's "email me my management link": a grant's link goes out a few times at most. */
export const MANAGE_EMAIL_PER_GRANT: RateLimitPolicy = { name: 'manage-email', limit: 3, windowMs: 60 * MINUTE }
/** A sender in a loop (or a leaked URL) cannot start more runs than this acting in the client's account. */
export const WEBHOOK_PER_WORKFLOW: RateLimitPolicy = { name: 'webhook-workflow', limit: 60, windowMs: MINUTE }
/** Credential checks with apps, per workspace (src/services/credential-checks.ts): refused ones, and all of them. */
export const CHECK_REFUSALS_PER_WORKSPACE: RateLimitPolicy = {
  name: 'check-refusals-workspace',
  limit: CHECK_REFUSALS_PER_HOUR,
  windowMs: HOUR,
}
export const CHECKS_PER_WORKSPACE: RateLimitPolicy = { name: 'checks-workspace', limit: CHECKS_PER_DAY, windowMs: DAY }
/** Counters older than the longest window are dead weight; the cron deletes them. A day, for the checks per day. */
export const LONGEST_WINDOW_MS = DAY

export interface RateLimitHit {
  policy: RateLimitPolicy
  /** Who is counted: an email, an IP bucket. Stored only as a hash. */
  subject: string
}

/**
 * Counts every hit first, in one batch, then refuses if any counter is over its limit: of N
 * concurrent attempts exactly `limit` get through. D1 rather than the Workers rate-limit
 * binding, whose counts are per location and approximate.
 */
/** The counter's key: the policy's name and a hash of whom it counts. */
export async function rateLimitKey({ policy, subject }: RateLimitHit): Promise<string> {
  return `${policy.name}:${await hashToken(subject)}`
}

export async function enforceRateLimits(
  db: Db,
  hits: RateLimitHit[],
  now: number,
  message = (minutes: number) => `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
): Promise<void> {
  if (hits.length === 0) return
  const keys = await Promise.all(hits.map(rateLimitKey))
  const statements = hits.map(({ policy }, index) => hitRateLimit(db, keys[index]!, windowStartOf(now, policy.windowMs)))
  const counted = await db.batch(statements as [(typeof statements)[number], ...typeof statements])
  let retryAfter = 0
  counted.forEach(([row], index) => {
    const { policy } = hits[index]!
    if (row && row.count > policy.limit) retryAfter = Math.max(retryAfter, retryAfterSeconds(row.windowStart, policy.windowMs, now))
  })
  if (retryAfter > 0) {
    throw new AppError('rate_limited', message(Math.ceil(retryAfter / 60)), undefined, retryAfter)
  }
}
