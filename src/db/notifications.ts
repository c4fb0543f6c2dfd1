import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Cursor } from '../domain/paging'
import type { Db } from './client'
import { keysetAfter } from './keyset'
import { inSlices, insertInSlices } from './slices'
import { connections, notificationPreferences, notifications, users } from './schema'

export type NotificationRow = typeof notifications.$inferSelect
export type NewNotification = typeof notifications.$inferInsert
export type NotificationPreferenceRow = typeof notificationPreferences.$inferSelect

/** The id is the audit event's, so announcing the same event twice records it once. */
export function insertNotifications(db: Db, rows: NewNotification[]): Promise<void> {
  return insertInSlices(notifications, rows, (slice) => db.insert(notifications).values(slice).onConflictDoNothing())
}

/** Newest first, down `notifications_workspace_at`. */
export function listNotifications(db: Db, workspaceId: string, page: { fetch: number; after: Cursor | null }): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.workspaceId, workspaceId), page.after ? keysetAfter(notifications.at, notifications.id, page.after) : undefined),
    )
    .orderBy(desc(notifications.at), desc(notifications.id))
    .limit(page.fetch)
    .all()
}

/** Counted through `notifications_workspace_unread` and stopped at `cap`: the header shows "99+" past it, whatever the backlog. */
export async function countUnread(db: Db, workspaceId: string, cap: number): Promise<number> {
  const unread = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), isNull(notifications.readAt)))
    .limit(cap)
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(unread.as('unread'))
  return row?.n ?? 0
}

/** `ids` null: every unread one. Another workspace's ids match nothing. */
export async function markRead(db: Db, workspaceId: string, ids: readonly string[] | null, now: number): Promise<number> {
  const result = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(eq(notifications.workspaceId, workspaceId), isNull(notifications.readAt), ids ? inArray(notifications.id, [...ids]) : undefined),
    )
    .run()
  return result.meta.changes
}

export function preferencesOf(db: Db, workspaceIds: readonly string[]): Promise<NotificationPreferenceRow[]> {
  return inSlices(workspaceIds, (slice) =>
    db.select().from(notificationPreferences).where(inArray(notificationPreferences.workspaceId, slice)).all(),
  )
}

export async function savePreferences(db: Db, rows: NotificationPreferenceRow[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.workspaceId, notificationPreferences.type],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email` },
    })
}

/** Who gets the email: the workspace's people whose address is proven, so no mail goes to an address nobody confirmed. */
export function recipientsOf(db: Db, workspaceIds: readonly string[]): Promise<{ workspaceId: string; email: string; name: string }[]> {
  return inSlices(workspaceIds, (slice) =>
    db
      .select({ workspaceId: users.workspaceId, email: users.email, name: users.name })
      .from(users)
      .where(and(inArray(users.workspaceId, slice), isNotNull(users.emailVerifiedAt)))
      .all(),
  )
}

export function connectionNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string; appId: string }[]> {
  return inSlices(ids, (slice) =>
    db
      .select({ id: connections.id, name: connections.name, appId: connections.appId })
      .from(connections)
      .where(inArray(connections.id, slice))
      .all(),
  )
}
