import { and, eq, gt } from 'drizzle-orm'
import type { Db } from './client'
import { sessions, users, workspaces } from './schema'

export type UserRow = typeof users.$inferSelect

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email)).get()
}

/** A workspace has the one user who signed it up (insertUserWithWorkspace). */
export async function findWorkspaceUserId(db: Db, workspaceId: string): Promise<string | null> {
  const row = await db.select({ id: users.id }).from(users).where(eq(users.workspaceId, workspaceId)).limit(1).get()
  return row?.id ?? null
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
