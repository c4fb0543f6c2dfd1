import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from './client'
import { connections, links } from './schema'

export type ConnectionRow = typeof connections.$inferSelect
export type LinkRow = typeof links.$inferSelect

export interface ConnectionWithLink {
  connection: ConnectionRow
  /** The connection's most recent link, whatever its state. */
  link: LinkRow | null
}

const latestLinkId = sql`(SELECT ${links.id} FROM ${links} WHERE ${links.connectionId} = ${connections.id}
  ORDER BY ${links.createdAt} DESC, ${links.id} DESC LIMIT 1)`

export async function listConnections(db: Db, workspaceId: string): Promise<ConnectionWithLink[]> {
  return db
    .select({ connection: connections, link: links })
    .from(connections)
    .leftJoin(links, eq(links.id, latestLinkId))
    .where(eq(connections.workspaceId, workspaceId))
    .orderBy(desc(connections.createdAt), desc(connections.id))
    .all()
}

/** Scoped by workspace: another owner's id is simply not found. */
export async function findConnection(db: Db, workspaceId: string, id: string): Promise<ConnectionWithLink | undefined> {
  return db
    .select({ connection: connections, link: links })
    .from(connections)
    .leftJoin(links, eq(links.id, latestLinkId))
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)))
    .get()
}

export async function findConnectionById(db: Db, id: string): Promise<ConnectionRow | undefined> {
  return db.select().from(connections).where(eq(connections.id, id)).get()
}
