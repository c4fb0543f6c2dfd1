import { and, asc, eq } from 'drizzle-orm'
import type { Db } from './client'
import { events } from './schema'

export type EventRow = typeof events.$inferSelect
export type NewEvent = typeof events.$inferInsert

export function insertEvent(db: Db, event: NewEvent) {
  return db.insert(events).values(event)
}

export async function listEvents(db: Db, workspaceId: string, connectionId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.connectionId, connectionId)))
    .orderBy(asc(events.at), asc(events.id))
    .all()
}
