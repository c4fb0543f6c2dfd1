import { and, desc, eq, gt, isNull, lt, or, type Placeholder } from 'drizzle-orm'
import type { Db } from './client'
import type { UserRow } from './accounts'
import { apiTokens, users } from './schema'

export type ApiTokenRow = typeof apiTokens.$inferSelect

export async function insertApiToken(db: Db, token: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(token)
}

/** Expiry is checked in the query itself (as for sessions), so an expired token never authenticates. */
export async function findApiToken(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ user: UserRow; token: Pick<ApiTokenRow, 'id' | 'scope' | 'lastUsedAt'> } | undefined> {
  return db
    .select({ user: users, token: { id: apiTokens.id, scope: apiTokens.scope, lastUsedAt: apiTokens.lastUsedAt } })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(liveTokenWithHash(tokenHash, now))
    .get()
}

/** A token with this hash that has not expired; shared with the proxy's batch (src/db/proxy.ts). */
export function liveTokenWithHash(tokenHash: string | Placeholder, now: number | Placeholder) {
  return and(eq(apiTokens.tokenHash, tokenHash), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)))
}

/** `touchApiToken` as a statement, for a batch. */
export function touchApiTokenStatement(db: Db, id: string, now: number, everyMs: number) {
  return db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now - everyMs))))
}

/** Conditional, so uses racing within the same minute write once. */
export async function touchApiToken(db: Db, id: string, now: number, everyMs: number): Promise<void> {
  await touchApiTokenStatement(db, id, now, everyMs)
}

export type ListedApiToken = Pick<ApiTokenRow, 'id' | 'name' | 'scope' | 'createdAt' | 'lastUsedAt' | 'expiresAt'>

/** Names, scope and dates only: the hash never leaves this query. Expired tokens stay listed until revoked. */
export async function listApiTokens(db: Db, userId: string): Promise<ListedApiToken[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .all()
}

/** Scoped to the user: another owner's id deletes nothing. */
export async function deleteApiToken(db: Db, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id })
  return deleted.length > 0
}

/** Wins once: the one page that clears `reveal_until` may show the token. */
export async function claimReveal(db: Db, userId: string, id: string, now: number): Promise<boolean> {
  const claimed = await db
    .update(apiTokens)
    .set({ revealUntil: null })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), gt(apiTokens.revealUntil, now)))
    .returning({ id: apiTokens.id })
  return claimed.length > 0
}
