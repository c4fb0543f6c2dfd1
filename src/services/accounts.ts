import { AppError } from '../domain/errors'
import type { PublicUser, PublicWorkspace } from '../domain/shapes'
import { hashPassword, needsRehash, verifyPassword } from '../domain/password'
import { newId } from '../domain/tokens'
import { findUserByEmail, insertUserWithWorkspace, replacePasswordHash, type UserRow } from '../db/accounts'
import type { Db } from '../db/client'
import { signupAttemptEmail, verificationEmail } from '../domain/emails'
import type { TrustedDevice } from '../domain/device-cookie'
import type { Deps } from './deps'
import { newEmailToken, verifyUrl } from './email-links'
import { sendMail } from './mail'
import {
  enforceRateLimits,
  LOGIN_PER_ACCOUNT,
  LOGIN_PER_DEVICE,
  LOGIN_PER_IP,
  SIGNUP_PER_ADDRESS,
  SIGNUP_PER_IP,
  type RateLimitHit,
} from './rate-limits'
import { type Attempt, normalizeEmail, perAddressAndIp, perIp } from './sign-up-limits'

export function publicUser(user: UserRow): PublicUser {
  return { id: user.id, email: user.email, name: user.name }
}

export function publicWorkspace(user: UserRow): PublicWorkspace {
  return { id: user.workspaceId, name: `${user.name}'s workspace` }
}

export { type Attempt, normalizeEmail } from './sign-up-limits'

/**
 * Answers the same for a new and a taken address, with the same work (one password hash, one email):
 * the new address gets its confirmation link, the holder of a taken one a note that someone tried.
 * No session: only following the emailed link signs in.
 */
export async function signUp(deps: Deps, input: { email: string; password: string; name: string }, { now, ip }: Attempt): Promise<void> {
  const email = normalizeEmail(input.email)
  await enforceRateLimits(deps.db, perAddressAndIp(SIGNUP_PER_ADDRESS, SIGNUP_PER_IP, email, ip), now)
  const passwordHash = await hashPassword(input.password)
  const existing = await findUserByEmail(deps.db, email)
  if (existing) return tellOfAttempt(deps, existing)
  const user: UserRow = { id: newId(), workspaceId: newId(), email, name: input.name, passwordHash, createdAt: now, emailVerifiedAt: null }
  const { token, row } = await newEmailToken(user.id, 'verify', now)
  const url = verifyUrl(deps, token)
  try {
    await insertUserWithWorkspace(deps.db, user, `${user.name}'s workspace`, row)
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, and the loser is told like any taken address.
    const winner = String(error).includes('UNIQUE') ? await findUserByEmail(deps.db, email) : undefined
    if (winner) return tellOfAttempt(deps, winner)
    throw error
  }
  await sendMail(deps, email, verificationEmail(user.name, url))
}

function tellOfAttempt(deps: Deps, user: UserRow): Promise<void> {
  return sendMail(deps, user.email, signupAttemptEmail(user.name, `${deps.publicOrigin}/login`, `${deps.publicOrigin}/forgot-password`))
}

const WRONG_LOGIN = 'Email or password is incorrect.'
const UNVERIFIED_LOGIN = 'Confirm your email address first: follow the link we emailed you, or have it sent again.'

/**
 * A browser that signed into this account before is counted on its own, so a flood of wrong passwords
 * from elsewhere (which fills the per-account bucket) cannot lock its owner out.
 */
function loginBucket(email: string, device: TrustedDevice | null | undefined): RateLimitHit {
  return device?.email === email ? { policy: LOGIN_PER_DEVICE, subject: device.deviceId } : { policy: LOGIN_PER_ACCOUNT, subject: email }
}

/** Every attempt counts, before the password is checked, so guesses in parallel are counted too. */
export async function logIn(db: Db, input: { email: string; password: string }, { now, ip, device }: Attempt): Promise<UserRow> {
  const email = normalizeEmail(input.email)
  await enforceRateLimits(db, [loginBucket(email, device), ...perIp(LOGIN_PER_IP, ip)], now)
  const user = await findUserByEmail(db, email)
  if (!user) {
    // Spend the same work as a real check so response time does not reveal which emails exist.
    await hashPassword(input.password)
    throw new AppError('unauthorized', WRONG_LOGIN)
  }
  const ok = await verifyPassword(input.password, user.passwordHash)
  if (!ok) throw new AppError('unauthorized', WRONG_LOGIN)
  // Only after the right password, so the answer tells a stranger nothing about the address.
  if (user.emailVerifiedAt === null) throw new AppError('email_unverified', UNVERIFIED_LOGIN)
  // Only now is the password at hand: a hash made with older parameters is replaced by one made with today's.
  if (!needsRehash(user.passwordHash)) return user
  const passwordHash = await hashPassword(input.password)
  await replacePasswordHash(db, user.id, user.passwordHash, passwordHash)
  return { ...user, passwordHash }
}
