import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import type { Db } from './client'
import { oauthStates } from './schema'

export type OAuthStateRow = typeof oauthStates.$inferSelect

export async function insertOAuthState(db: Db, row: OAuthStateRow): Promise<void> {
  await db.insert(oauthStates).values(row)
}

/** Single use: the first callback with a live state takes it, any replay gets nothing. */
export async function takeOAuthState(db: Db, stateHash: string, now: number): Promise<OAuthStateRow | undefined> {
  return db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(and(eq(oauthStates.stateHash, stateHash), isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, now)))
    .returning()
    .get()
}

export function deleteOAuthStatesBefore(db: Db, cutoff: number) {
  return db.delete(oauthStates).where(lt(oauthStates.expiresAt, cutoff))
}
