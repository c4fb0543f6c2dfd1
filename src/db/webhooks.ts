import { and, count, desc, eq, gte, inArray } from 'drizzle-orm'
import type { Db } from './client'
import { inSlices, insertInSlices } from './slices'
import { countBelow, insertRowIf } from './conditional-insert'
import { latestLinkId } from './connections'
import { connections, links, webhookDeliveries, webhookEndpoints, workspaces } from './schema'

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect
export type NewWebhookDelivery = typeof webhookDeliveries.$inferInsert

/** Lands only while the workspace holds fewer than `cap` endpoints: counted in the insert itself. */
export async function insertEndpointIf(db: Db, row: WebhookEndpointRow, cap: number): Promise<boolean> {
  const below = and(
    eq(workspaces.id, row.workspaceId),
    countBelow(webhookEndpoints, eq(webhookEndpoints.workspaceId, row.workspaceId), cap),
  )!
  const inserted = await insertRowIf(db, webhookEndpoints, row, workspaces, below).returning({ id: webhookEndpoints.id })
  return inserted.length > 0
}

export function listEndpoints(db: Db, workspaceId: string): Promise<WebhookEndpointRow[]> {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).orderBy(webhookEndpoints.createdAt).all()
}

export function findEndpoint(db: Db, workspaceId: string, id: string): Promise<WebhookEndpointRow | undefined> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)))
    .get()
}

export async function deleteEndpoint(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const [, deleted] = await db.batch([
    db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, id))),
    db
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)))
      .returning({ id: webhookEndpoints.id }),
  ])
  return deleted.length > 0
}

export async function updateEndpointSecret(
  db: Db,
  workspaceId: string,
  id: string,
  sealed: { blob: string; keyVersion: string },
  revealUntil: number | null,
): Promise<boolean> {
  const updated = await db
    .update(webhookEndpoints)
    .set({ secretBlob: sealed.blob, secretKeyVersion: sealed.keyVersion, secretRevealUntil: revealUntil })
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id })
  return updated.length > 0
}

export async function countEndpoints(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId))
  return row?.n ?? 0
}

export function insertDeliveries(db: Db, rows: NewWebhookDelivery[]): Promise<void> {
  return insertInSlices(webhookDeliveries, rows, (slice) => db.insert(webhookDeliveries).values(slice))
}

export function findDelivery(db: Db, id: string): Promise<{ delivery: WebhookDeliveryRow; endpoint: WebhookEndpointRow } | undefined> {
  return db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id))
    .get()
}

export async function recordAttempt(
  db: Db,
  id: string,
  fields: Pick<WebhookDeliveryRow, 'status' | 'attempts' | 'lastStatus' | 'lastError' | 'nextRetryAt' | 'updatedAt'>,
): Promise<void> {
  await db.update(webhookDeliveries).set(fields).where(eq(webhookDeliveries.id, id))
}

/** The newest first, bounded: the log shows what happened lately. */
export function listDeliveries(db: Db, workspaceId: string, endpointId: string, limit: number): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit)
    .all()
}

export function findWorkspaceDelivery(db: Db, workspaceId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)))
    .get()
}

/** The endpoints of the workspaces whose events are being announced (usually one). */
export function endpointsOf(db: Db, workspaceIds: string[]): Promise<WebhookEndpointRow[]> {
  return inSlices(workspaceIds, (slice) => db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.workspaceId, slice)).all())
}

/**
 * The connections and links the announced events are about, with each connection's latest link for its badge.
 * Two plain queries, not a batch: D1's batch answers a join's same-named columns out of place.
 */
export async function announcedSubjects(db: Db, connectionIds: string[], linkIds: string[]) {
  const connectionRows = await inSlices(connectionIds, (slice) =>
    db
      .select({ connection: connections, link: links })
      .from(connections)
      .leftJoin(links, eq(links.id, latestLinkId))
      .where(inArray(connections.id, slice))
      .all(),
  )
  const linkRows = await inSlices(linkIds, (slice) => db.select().from(links).where(inArray(links.id, slice)).all())
  return { connections: connectionRows, links: linkRows }
}

/** The one showing of a new secret: of any number of page loads only the first one still in time claims it. */
export async function claimSecretReveal(db: Db, workspaceId: string, id: string, now: number): Promise<boolean> {
  const claimed = await db
    .update(webhookEndpoints)
    .set({ secretRevealUntil: null })
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id), gte(webhookEndpoints.secretRevealUntil, now)))
    .returning({ id: webhookEndpoints.id })
  return claimed.length > 0
}
