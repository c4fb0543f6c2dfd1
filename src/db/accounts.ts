import { and, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm'
import type { Db } from './client'
import { emailTokens, sessions, users, workspaces } from './schema'

export type UserRow = typeof users.$inferSelect
export type EmailTokenPurpose = (typeof emailTokens.$inferSelect)['purpose']

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email)).get()
}

/** A workspace has the one user who signed it up (insertUserWithWorkspace). */
export async function findWorkspaceUserId(db: Db, workspaceId: string): Promise<string | null> {
  const row = await db.select({ id: users.id }).from(users).where(eq(users.workspaceId, workspaceId)).limit(1).get()
  return row?.id ?? null
}

export async function insertUserWithWorkspace(
  db: Db,
  user: UserRow,
  workspaceName: string,
  verification: typeof emailTokens.$inferInsert,
): Promise<void> {
  await db.batch([
    db.insert(workspaces).values({ id: user.workspaceId, name: workspaceName, createdAt: user.createdAt }),
    db.insert(users).values(user),
    db.insert(emailTokens).values(verification),
  ])
}

export async function insertEmailToken(db: Db, token: typeof emailTokens.$inferInsert): Promise<void> {
  await db.insert(emailTokens).values(token)
}

/** The single-use gate: only one request ever turns an unused, unexpired token into a used one. */
export async function consumeEmailToken(
  db: Db,
  tokenHash: string,
  purpose: EmailTokenPurpose,
  now: number,
): Promise<{ userId: string } | undefined> {
  return db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning({ userId: emailTokens.userId })
    .get()
}

export async function findEmailToken(db: Db, tokenHash: string, purpose: EmailTokenPurpose) {
  return db
    .select()
    .from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose)))
    .get()
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.id, userId)).get()
}

export async function markEmailVerified(db: Db, userId: string, now: number): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
}

/** A reset proves the address too; every session (an intruder's included) ends, and other reset links die. */
export async function resetPassword(db: Db, userId: string, passwordHash: string, now: number): Promise<void> {
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    db
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt))),
    db.delete(sessions).where(sessionsOfUser(userId)),
    db
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'reset'), isNull(emailTokens.usedAt))),
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
