import * as z from 'zod'
import { MARK_READ_IDS_MAX } from '../domain/limits'
import { NOTIFICATION_TYPES, type NotificationType } from '../domain/notifications'
import { id, timestamp } from './common'
import { pageQuery } from './connections'

const notificationType = z.enum(NOTIFICATION_TYPES)

export const notificationListQuery = pageQuery

export const notification = z.strictObject({
  id: z.string(),
  type: notificationType,
  title: z.string(),
  message: z.string().describe('One sentence for people; never credentials.'),
  connectionId: z.string(),
  connectionName: z.string().describe('As it was named when this happened.'),
  appId: z.string(),
  reason: z.string().optional().describe('The client’s reason, on `link.rejected` when they gave one.'),
  at: timestamp,
  readAt: timestamp.nullable(),
})

export const notificationListResponse = z.strictObject({
  notifications: z.array(notification),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  unread: z.number().int().min(0).describe('Unread notifications of the workspace, counted up to 100.'),
})

export const markNotificationsReadSchema = z.union([
  z.strictObject({ ids: z.array(id).min(1).max(MARK_READ_IDS_MAX).describe('These notifications; ids of others are ignored.') }),
  z.strictObject({ all: z.literal(true).describe('Every unread notification of the workspace.') }),
])

export const markNotificationsReadResponse = z.strictObject({
  marked: z.number().int().min(0).describe('How many were unread and now are read.'),
  unread: z.number().int().min(0),
})

const channels = z.strictObject({ inApp: z.boolean(), email: z.boolean() })

const settingsShape = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, channels])) as Record<NotificationType, typeof channels>
const changeShape = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, channels.partial().optional()])) as Record<
  NotificationType,
  z.ZodOptional<ReturnType<typeof channels.partial>>
>

export const notificationSettingsResponse = z.strictObject({
  settings: z.strictObject(settingsShape).describe('Per type: shown in the app, emailed to the workspace’s people. All on until changed.'),
})

export const updateNotificationSettingsSchema = z.strictObject({
  settings: z.strictObject(changeShape).describe('Only the types and channels to change; the rest keep their setting.'),
})
