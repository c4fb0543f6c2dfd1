import { AppError } from '../domain/errors'
import type { PublicUser, PublicWorkspace } from '../domain/shapes'
import { hashPassword, needsRehash, verifyPassword } from '../domain/password'
import { newId } from '../domain/tokens'
import { findUserByEmail, insertUserWithWorkspace, replacePasswordHash, type UserRow } from '../db/accounts'
import type { Db } from '../db/client'
import { ipBucket } from '../domain/rate-limit'
import type { TrustedDevice } from '../domain/device-cookie'
import { enforceRateLimits, LOGIN_PER_ACCOUNT, LOGIN_PER_DEVICE, LOGIN_PER_IP, SIGNUP_PER_IP, type RateLimitHit } from './rate-limits'

export function publicUser(user: UserRow): PublicUser {
  return { id: user.id, email: user.email, name: user.name }
}

export function publicWorkspace(user: UserRow): PublicWorkspace {
  return { id: user.workspaceId, name: `${user.name}'s workspace` }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** When and from where (CF-Connecting-IP; null locally) an account is created or signed into. */
export interface Attempt {
  now: number
  ip: string | null
  /** The browser's valid device cookie, if it sent one (logging in only). */
  device?: TrustedDevice | null
}

const perIp = (policy: RateLimitHit['policy'], ip: string | null): RateLimitHit[] => (ip ? [{ policy, subject: ipBucket(ip) }] : [])

export async function signUp(db: Db, input: { email: string; password: string; name: string }, { now, ip }: Attempt): Promise<UserRow> {
  await enforceRateLimits(db, perIp(SIGNUP_PER_IP, ip), now)
  const email = normalizeEmail(input.email)
  if (await findUserByEmail(db, email)) throw new AppError('conflict', 'An account with this email already exists.')
  const user: UserRow = {
    id: newId(),
    workspaceId: newId(),
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    createdAt: now,
  }
  try {
    await insertUserWithWorkspace(db, user, `${user.name}'s workspace`)
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (String(error).includes('UNIQUE')) throw new AppError('conflict', 'An account with this email already exists.')
    throw error
  }
  return user
}

const WRONG_LOGIN = 'Email or password is incorrect.'

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
  // Only now is the password at hand: a hash made with older parameters is replaced by one made with today's.
  if (!needsRehash(user.passwordHash)) return user
  const passwordHash = await hashPassword(input.password)
  await replacePasswordHash(db, user.id, user.passwordHash, passwordHash)
  return { ...user, passwordHash }
}
