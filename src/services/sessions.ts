import { deleteSession, deleteSessionsOfUser, findUserBySession, insertSession, touchSession, type UserRow } from '../db/accounts'
import type { Db } from '../db/client'
import { hashToken, newToken } from '../domain/tokens'

const MINUTE = 60_000
/** The absolute limit: a session ends this long after sign-in, however active. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * MINUTE
/** The idle limit: a session nobody used for this long ends. */
export const SESSION_IDLE_MS = 24 * 60 * MINUTE
/** Activity is written at most this often, not on every request: a D1 write per request would cost more than it tells. */
export const SESSION_ACTIVITY_EVERY_MS = 5 * MINUTE

export async function startSession(db: Db, userId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = newToken()
  const expiresAt = now + SESSION_LIFETIME_MS
  await insertSession(db, { tokenHash: await hashToken(token), userId, expiresAt, createdAt: now, lastSeenAt: now })
  return { token, expiresAt }
}

export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, await hashToken(token))
}

/**
 * The session's user, unless it expired or went idle. `activityIsStale` says the last activity
 * recorded is old enough to be written again (see `noteSessionActivity`).
 */
export async function userForSession(db: Db, token: string, now: number): Promise<{ user: UserRow; activityIsStale: boolean } | undefined> {
  const found = await findUserBySession(db, await hashToken(token), now, now - SESSION_IDLE_MS)
  return found && { user: found.user, activityIsStale: found.lastSeenAt <= now - SESSION_ACTIVITY_EVERY_MS }
}

export async function noteSessionActivity(db: Db, token: string, now: number): Promise<void> {
  await touchSession(db, await hashToken(token), now, now - SESSION_ACTIVITY_EVERY_MS)
}

/** "Log out everywhere": every session of the user, this one included; API tokens are not sessions and stay. */
export async function endEverySession(db: Db, userId: string): Promise<number> {
  return deleteSessionsOfUser(db, userId)
}
