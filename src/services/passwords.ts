import { findUserByEmail, replacePasswordEndingOtherSessions } from '../db/accounts'
import type { Db } from '../db/client'
import { AppError } from '../domain/errors'
import { hashPassword, verifyPassword } from '../domain/password'
import type { Owner } from '../domain/shapes'
import { hashToken } from '../domain/tokens'
import { enforceRateLimits, PASSWORD_CHANGE_PER_USER } from './rate-limits'

export interface PasswordChange {
  currentPassword: string
  /** Already through the password policy (the `newPassword` schema). */
  newPassword: string
}

const fieldError = (path: keyof PasswordChange, message: string) => new AppError('invalid_request', message, [{ path, message }])

/**
 * Needs the current password and a session (an API token cannot), and ends every other session of
 * the user in the same batch as the new hash; the session that asked stays signed in.
 */
export async function changePassword(
  db: Db,
  owner: Owner,
  change: PasswordChange,
  sessionToken: string | undefined,
  now: number,
): Promise<void> {
  if (owner.via !== 'session' || !sessionToken)
    throw new AppError('forbidden', 'Only a signed-in user can change the password, not an API token.')
  await enforceRateLimits(db, [{ policy: PASSWORD_CHANGE_PER_USER, subject: owner.userId }], now)
  const user = await findUserByEmail(db, owner.email)
  if (!user || user.id !== owner.userId) throw new AppError('unauthorized', 'Sign in again.')
  if (!(await verifyPassword(change.currentPassword, user.passwordHash))) {
    throw fieldError('currentPassword', 'The current password is not right.')
  }
  if (change.newPassword === change.currentPassword) throw fieldError('newPassword', 'Choose a new password, not the current one.')
  const changed = await replacePasswordEndingOtherSessions(db, {
    userId: user.id,
    verified: user.passwordHash,
    replacement: await hashPassword(change.newPassword),
    keepTokenHash: await hashToken(sessionToken),
  })
  if (!changed) throw new AppError('conflict', 'The password was changed in the meantime. Sign in again with the new one.')
}
