import { eq } from 'drizzle-orm'
import type { Db } from './client'
import { workspaceBrands } from './schema'

export type BrandRow = typeof workspaceBrands.$inferSelect

export function findBrandRow(db: Db, workspaceId: string): Promise<BrandRow | undefined> {
  return db.select().from(workspaceBrands).where(eq(workspaceBrands.workspaceId, workspaceId)).get()
}

/** One row per workspace: saving replaces it whole. */
export async function upsertBrandRow(db: Db, row: BrandRow): Promise<void> {
  const { workspaceId, ...rest } = row
  await db.insert(workspaceBrands).values(row).onConflictDoUpdate({ target: workspaceBrands.workspaceId, set: rest })
}
