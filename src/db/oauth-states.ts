import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm'
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

/** Parks a taken sign-in's sealed tokens until the person chooses among the tenants or sites they give access to. */
export function parkOAuthState(db: Db, stateHash: string, sealed: { blob: string; keyVersion: string }) {
  return db
    .update(oauthStates)
    .set({ pendingBlob: sealed.blob, pendingKeyVersion: sealed.keyVersion })
    .where(eq(oauthStates.stateHash, stateHash))
}

export async function findParkedOAuthState(db: Db, stateHash: string, now: number): Promise<OAuthStateRow | undefined> {
  return db
    .select()
    .from(oauthStates)
    .where(and(eq(oauthStates.stateHash, stateHash), isNotNull(oauthStates.pendingBlob), gt(oauthStates.expiresAt, now)))
    .get()
}

/** Single use like the state itself: the first choice takes the parked tokens, a replay finds none. */
export async function takeParkedOAuthState(db: Db, stateHash: string, now: number): Promise<OAuthStateRow | undefined> {
  const row = await findParkedOAuthState(db, stateHash, now)
  if (!row?.pendingBlob) return undefined
  const taken = await db
    .update(oauthStates)
    .set({ pendingBlob: null, pendingKeyVersion: null })
    .where(and(eq(oauthStates.stateHash, stateHash), eq(oauthStates.pendingBlob, row.pendingBlob)))
    .returning({ stateHash: oauthStates.stateHash })
  return taken.length > 0 ? row : undefined
}

export function deleteOAuthStatesBefore(db: Db, cutoff: number) {
  return db.delete(oauthStates).where(lt(oauthStates.expiresAt, cutoff))
}
