import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from './client'
import { emailTokens, sessions, users, workspaces } from './schema'

export type UserRow = typeof users.$inferSelect
export type EmailTokenPurpose = (typeof emailTokens.$inferSelect)['purpose']

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email)).get()
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
    sessionsOfUser(db, userId),
    db
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'reset'), isNull(emailTokens.usedAt))),
  ])
}

const sessionsOfUser = (db: Db, userId: string) => db.delete(sessions).where(eq(sessions.userId, userId))

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await sessionsOfUser(db, userId)
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

/** Expiry is checked in the query itself, so an expired session never authenticates. */
export async function findUserBySession(db: Db, tokenHash: string, now: number): Promise<UserRow | undefined> {
  const row = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .get()
  return row?.user
}
