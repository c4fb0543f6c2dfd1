import { and, desc, eq } from 'drizzle-orm'
import type { Cursor } from '../domain/paging'
import { keysetAfter } from './keyset'
import type { Db } from './client'
import { countBelow, insertRowIf } from './conditional-insert'
import { connections, events, links } from './schema'

export type EventRow = typeof events.$inferSelect
export type NewEvent = typeof events.$inferInsert
export type NewLinkEvent = NewEvent & { linkId: string }

/** Every insert returns what landed, so the webhooks announce exactly the events D1 kept (src/services/webhooks). */
export function insertEvent(db: Db, event: NewEvent) {
  return db.insert(events).values(event).returning()
}

/** Lands only with its connection: in a batch whose connection insert may be refused by a quota. */
export function insertEventForConnection(db: Db, event: NewEvent) {
  return insertRowIf(db, events, event, connections, eq(connections.id, event.connectionId)).returning()
}

/** Lands only with its link: after a link insert that a quota may have refused. */
export function insertEventForLink(db: Db, event: NewLinkEvent) {
  return insertRowIf(db, events, event, links, eq(links.id, event.linkId)).returning()
}

/**
 * An event nobody had to be authorised for (a client opening or accepting a link, a refused key):
 * written only while its link has fewer than `cap` events, so anonymous requests cannot grow the
 * table. Counted through the `events_link` index.
 */
export function insertCappedLinkEvent(db: Db, event: NewLinkEvent, cap: number) {
  return insertRowIf(
    db,
    events,
    event,
    links,
    and(eq(links.id, event.linkId), countBelow(events, eq(events.linkId, event.linkId), cap))!,
  ).returning()
}

/** Newest first, a page at a time down `events_connection_at`. */
export function listEvents(
  db: Db,
  workspaceId: string,
  connectionId: string,
  page: { fetch: number; after: Cursor | null },
): Promise<EventRow[]> {
  return eventsPageQuery(db, workspaceId, connectionId, page).all()
}

export function eventsPageQuery(db: Db, workspaceId: string, connectionId: string, page: { fetch: number; after: Cursor | null }) {
  return db
    .select()
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.connectionId, connectionId),
        page.after ? keysetAfter(events.at, events.id, page.after) : undefined,
      ),
    )
    .orderBy(desc(events.at), desc(events.id))
    .limit(page.fetch)
}

/** Picks the event rows out of a batch's results: only the event inserts return rows with an `actor`. */
export function eventRowsIn(results: readonly unknown[]): EventRow[] {
  return results.flatMap((result) => (Array.isArray(result) ? result.filter(isEventRow) : []))
}

function isEventRow(row: unknown): row is EventRow {
  return typeof row === 'object' && row !== null && 'actor' in row && 'connectionId' in row && 'type' in row && 'at' in row
}
