import { and, eq, gt, lte, ne, sql } from 'drizzle-orm'
import type { Db } from './client'
import { sessions, users, workspaces } from './schema'

export type UserRow = typeof users.$inferSelect

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email)).get()
}

export async function insertUserWithWorkspace(db: Db, user: UserRow, workspaceName: string): Promise<void> {
  await db.batch([
    db.insert(workspaces).values({ id: user.workspaceId, name: workspaceName, createdAt: user.createdAt }),
    db.insert(users).values(user),
  ])
}

/** Only over the hash the caller verified, so a password changed meanwhile is never overwritten. */
export async function replacePasswordHash(db: Db, userId: string, verified: string, replacement: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: replacement })
    .where(and(eq(users.id, userId), eq(users.passwordHash, verified)))
}

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session)
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

/** When a session was last seen active: a session older than the column counts from its creation. */
const lastActivity = sql<number>`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`

/**
 * Both expiries are checked in the query itself, so an expired or idle session never authenticates:
 * the absolute one (`expires_at`) and the idle one (no activity recorded since `idleSince`).
 */
export async function findUserBySession(
  db: Db,
  tokenHash: string,
  now: number,
  idleSince: number,
): Promise<{ user: UserRow; lastSeenAt: number } | undefined> {
  return db
    .select({ user: users, lastSeenAt: lastActivity })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), gt(lastActivity, idleSince)))
    .get()
}

/** Only over an activity older than `staleBefore`, so requests arriving together write once at most. */
export async function touchSession(db: Db, tokenHash: string, now: number, staleBefore: number): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), lte(lastActivity, staleBefore)))
}

const sessionsOfUser = (userId: string, exceptTokenHash?: string) =>
  exceptTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash)) : eq(sessions.userId, userId)

/** Every session of the user, or every one but the session that asked. API tokens are another table: they stay. */
export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string): Promise<number> {
  const deleted = await db.delete(sessions).where(sessionsOfUser(userId, exceptTokenHash)).returning({ tokenHash: sessions.tokenHash })
  return deleted.length
}

/**
 * The new hash over the one the caller verified, and the other sessions ended, in one batch: a
 * password is never changed without signing out whoever may have had the old one.
 */
export async function replacePasswordEndingOtherSessions(
  db: Db,
  change: { userId: string; verified: string; replacement: string; keepTokenHash: string },
): Promise<boolean> {
  const [updated] = await db.batch([
    db
      .update(users)
      .set({ passwordHash: change.replacement })
      .where(and(eq(users.id, change.userId), eq(users.passwordHash, change.verified)))
      .returning({ id: users.id }),
    db.delete(sessions).where(sessionsOfUser(change.userId, change.keepTokenHash)),
  ])
  return updated.length === 1
}
