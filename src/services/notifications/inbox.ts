import { getApp } from '../../apps'
import { countUnread, listNotifications, markRead, type NotificationRow, preferencesOf, savePreferences } from '../../db/notifications'
import {
  NOTIFICATION_TYPES,
  type NotificationSettings,
  notificationSentence,
  notificationSettings,
  notificationTitle,
} from '../../domain/notifications'
import { decodeCursor, type Page, pageOf } from '../../domain/paging'
import { PAGE_SIZE_DEFAULT, UNREAD_COUNT_CAP } from '../../domain/limits'
import type { Owner, PublicNotification } from '../../domain/shapes'
import type { Deps } from '../deps'
import { iso } from '../public-shapes'

type InboxDeps = Pick<Deps, 'db'>

/** The only mapper from a notification row to what leaves the worker. */
export function publicNotification(row: NotificationRow): PublicNotification {
  const facts = {
    type: row.type as PublicNotification['type'],
    connectionId: row.connectionId,
    connectionName: row.connectionName,
    appName: getApp(row.appId)?.name ?? row.appId,
    reason: row.reason,
  }
  return {
    id: row.id,
    type: facts.type,
    title: notificationTitle(facts),
    message: notificationSentence(facts),
    connectionId: row.connectionId,
    connectionName: row.connectionName,
    appId: row.appId,
    ...(row.reason ? { reason: row.reason } : {}),
    at: iso(row.at),
    readAt: row.readAt === null ? null : iso(row.readAt),
  }
}

export async function notificationsOf(
  deps: InboxDeps,
  owner: Owner,
  query: { limit?: number; cursor?: string },
): Promise<Page<PublicNotification> & { unread: number }> {
  const limit = query.limit ?? PAGE_SIZE_DEFAULT
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const [rows, unread] = await Promise.all([
    listNotifications(deps.db, owner.workspaceId, { fetch: limit + 1, after }),
    unreadNotifications(deps, owner),
  ])
  const page = pageOf(rows, limit, (row) => ({ at: row.at, id: row.id }))
  return { items: page.items.map(publicNotification), nextCursor: page.nextCursor, unread }
}

/** Up to UNREAD_COUNT_CAP: the header's figure, one indexed count. */
export function unreadNotifications(deps: InboxDeps, owner: Pick<Owner, 'workspaceId'>): Promise<number> {
  return countUnread(deps.db, owner.workspaceId, UNREAD_COUNT_CAP)
}

/** `ids` absent: all of them. Returns how many were unread and now are read. */
export function markNotificationsRead(deps: InboxDeps, owner: Owner, ids: readonly string[] | null, now: number): Promise<number> {
  return markRead(deps.db, owner.workspaceId, ids, now)
}

export async function notificationSettingsOf(deps: InboxDeps, owner: Owner): Promise<NotificationSettings> {
  return notificationSettings(await preferencesOf(deps.db, [owner.workspaceId]))
}

/** Types and channels left out keep what they were. */
export async function updateNotificationSettings(
  deps: InboxDeps,
  owner: Owner,
  changes: Partial<Record<keyof NotificationSettings, Partial<NotificationSettings[keyof NotificationSettings]>>>,
): Promise<NotificationSettings> {
  const current = await notificationSettingsOf(deps, owner)
  const rows = NOTIFICATION_TYPES.flatMap((type) => {
    const change = changes[type]
    return change ? [{ workspaceId: owner.workspaceId, type, ...current[type], ...change }] : []
  })
  await savePreferences(deps.db, rows)
  for (const row of rows) current[row.type] = { inApp: row.inApp, email: row.email }
  return current
}
