import { and, eq } from 'drizzle-orm'
import type { Db } from './client'
import { oauthApps } from './schema'

export type OAuthAppRow = typeof oauthApps.$inferSelect

export function listOAuthAppRows(db: Db, workspaceId: string): Promise<OAuthAppRow[]> {
  return db.select().from(oauthApps).where(eq(oauthApps.workspaceId, workspaceId)).all()
}

export function findOAuthAppRow(db: Db, workspaceId: string, provider: string): Promise<OAuthAppRow | undefined> {
  return db
    .select()
    .from(oauthApps)
    .where(and(eq(oauthApps.workspaceId, workspaceId), eq(oauthApps.provider, provider)))
    .get()
}

/** One row per workspace and provider: saving again replaces the client id and secret. */
export async function upsertOAuthAppRow(db: Db, row: OAuthAppRow): Promise<void> {
  await db
    .insert(oauthApps)
    .values(row)
    .onConflictDoUpdate({
      target: [oauthApps.workspaceId, oauthApps.provider],
      set: { clientId: row.clientId, secretBlob: row.secretBlob, secretKeyVersion: row.secretKeyVersion, updatedAt: row.updatedAt },
    })
}

export async function deleteOAuthAppRow(db: Db, workspaceId: string, provider: string): Promise<boolean> {
  const deleted = await db
    .delete(oauthApps)
    .where(and(eq(oauthApps.workspaceId, workspaceId), eq(oauthApps.provider, provider)))
    .returning({ id: oauthApps.id })
  return deleted.length > 0
}
