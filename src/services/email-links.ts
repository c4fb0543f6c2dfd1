import { AppError } from '../domain/errors'
import { passwordResetEmail, verificationEmail } from '../domain/emails'
import { hashPassword } from '../domain/password'
import { hashToken, isWellFormedToken, newToken } from '../domain/tokens'
import {
  consumeEmailToken,
  type EmailTokenPurpose,
  findEmailToken,
  findUserByEmail,
  findUserById,
  insertEmailToken,
  markEmailVerified,
  resetPassword,
  type UserRow,
} from '../db/accounts'
import type { Deps } from './deps'
import { sendMail } from './mail'
import { enforceRateLimits, RESEND_PER_ADDRESS, RESEND_PER_IP, RESET_PER_ADDRESS, RESET_PER_IP } from './rate-limits'
import { type Attempt, normalizeEmail, perAddressAndIp } from './sign-up-limits'

/** The emailed single-use links: verifying an address, resetting a password. Only their SHA-256 is stored. */

const HOUR = 60 * 60 * 1000
export const VERIFY_LINK_LIFETIME_MS = 24 * HOUR
export const RESET_LINK_LIFETIME_MS = HOUR

const LIFETIME: Record<EmailTokenPurpose, number> = { verify: VERIFY_LINK_LIFETIME_MS, reset: RESET_LINK_LIFETIME_MS }

export const verifyUrl = (deps: Deps, token: string) => `${deps.publicOrigin}/verify-email/${token}`
export const resetUrl = (deps: Deps, token: string) => `${deps.publicOrigin}/reset-password/${token}`

/** A new link's token and the row to store for it (the hash, never the token). */
export async function newEmailToken(userId: string, purpose: EmailTokenPurpose, now: number) {
  const token = newToken()
  return { token, row: { tokenHash: await hashToken(token), userId, purpose, expiresAt: now + LIFETIME[purpose], createdAt: now } }
}

export async function sendVerification(deps: Deps, user: UserRow, now: number): Promise<void> {
  const { token, row } = await newEmailToken(user.id, 'verify', now)
  const url = verifyUrl(deps, token)
  await insertEmailToken(deps.db, row)
  await sendMail(deps, user.email, verificationEmail(user.name, url))
}

/** Answers the same whether or not the address has an account, or is verified already. */
export async function resendVerification(deps: Deps, rawEmail: string, attempt: Attempt): Promise<void> {
  const email = normalizeEmail(rawEmail)
  await enforceRateLimits(deps.db, perAddressAndIp(RESEND_PER_ADDRESS, RESEND_PER_IP, email, attempt.ip), attempt.now)
  const user = await findUserByEmail(deps.db, email)
  if (user && user.emailVerifiedAt === null) await sendVerification(deps, user, attempt.now)
}

const USED: Record<EmailTokenPurpose, string> = {
  verify: 'This confirmation link has already been used: your address is confirmed. Log in to continue.',
  reset: 'This reset link has already been used. Log in with your new password, or ask for another link.',
}
const EXPIRED: Record<EmailTokenPurpose, string> = {
  verify: 'This confirmation link has expired or is not valid. Log in to have a new one sent.',
  reset: 'This reset link has expired or is not valid. Ask for a new one: each link works for 1 hour.',
}

/** Why a link no longer works, in words its holder can act on. */
async function refusal(deps: Deps, token: string, purpose: EmailTokenPurpose): Promise<AppError> {
  const found = isWellFormedToken(token) ? await findEmailToken(deps.db, await hashToken(token), purpose) : undefined
  return new AppError('link_invalid', found?.usedAt ? USED[purpose] : EXPIRED[purpose])
}

/** Consumes the link and confirms the address; the caller signs the owner in. */
export async function verifyEmail(deps: Deps, token: string, now: number): Promise<UserRow> {
  const claimed = isWellFormedToken(token) ? await consumeEmailToken(deps.db, await hashToken(token), 'verify', now) : undefined
  if (!claimed) throw await refusal(deps, token, 'verify')
  await markEmailVerified(deps.db, claimed.userId, now)
  const user = await findUserById(deps.db, claimed.userId)
  if (!user) throw await refusal(deps, token, 'verify')
  return user
}

/** Nothing says whether the address has an account: the answer and the work are the same. */
export async function requestPasswordReset(deps: Deps, rawEmail: string, attempt: Attempt): Promise<void> {
  const email = normalizeEmail(rawEmail)
  await enforceRateLimits(deps.db, perAddressAndIp(RESET_PER_ADDRESS, RESET_PER_IP, email, attempt.ip), attempt.now)
  const user = await findUserByEmail(deps.db, email)
  if (!user) return
  const { token, row } = await newEmailToken(user.id, 'reset', attempt.now)
  const url = resetUrl(deps, token)
  await insertEmailToken(deps.db, row)
  await sendMail(deps, user.email, passwordResetEmail(user.name, url))
}

/** For the new-password form: the link must still be usable, but showing the form does not use it. */
export async function checkResetLink(deps: Deps, token: string, now: number): Promise<void> {
  const found = isWellFormedToken(token) ? await findEmailToken(deps.db, await hashToken(token), 'reset') : undefined
  if (!found || found.usedAt !== null || found.expiresAt <= now) throw await refusal(deps, token, 'reset')
}

/** Uses the link, sets the password, confirms the address and ends every session; the caller signs the owner in. */
export async function completePasswordReset(deps: Deps, token: string, password: string, now: number): Promise<UserRow> {
  const passwordHash = await hashPassword(password)
  const claimed = isWellFormedToken(token) ? await consumeEmailToken(deps.db, await hashToken(token), 'reset', now) : undefined
  if (!claimed) throw await refusal(deps, token, 'reset')
  await resetPassword(deps.db, claimed.userId, passwordHash, now)
  const user = await findUserById(deps.db, claimed.userId)
  if (!user) throw await refusal(deps, token, 'reset')
  return user
}
