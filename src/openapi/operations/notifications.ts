import {
  markNotificationsReadResponse,
  markNotificationsReadSchema,
  notificationListQuery,
  notificationListResponse,
  notificationSettingsResponse,
  updateNotificationSettingsSchema,
} from '../../api-schemas/notifications'
import { NOTIFICATION_TYPES } from '../../domain/notifications'
import type { NamedBody, Operation } from '../types'

const exampleNotification = {
  id: 'ZXZ0X3JlamVjdGVk',
  type: 'link.rejected',
  title: 'Acme Tasks: link rejected',
  message: 'Your client rejected the link for “Acme Tasks” (Demo Tasks). Their reason: “We use another tool”',
  connectionId: 'Q29ubmVjdGlvbjE',
  connectionName: 'Acme Tasks',
  appId: 'demo-tasks',
  reason: 'We use another tool',
  at: '2026-12-01T09:30:00.000Z',
  readAt: null,
}
const allOn = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, { inApp: true, email: true }]))
const settingsBody: NamedBody = {
  name: 'NotificationSettingsResponse',
  schema: notificationSettingsResponse,
  example: { settings: { ...allOn, 'link.accepted': { inApp: true, email: false } } },
}

export const notificationOperations: Operation[] = [
  {
    operationId: 'listNotifications',
    method: 'get',
    path: '/api/v1/notifications',
    summary: 'The workspace’s notifications, newest first, a page at a time, with the unread count',
    description:
      'Written when a client accepts or rejects a link, a link expires unused or locks, or a connection needs reconnecting — ' +
      'for each type the workspace leaves on in the app (`/api/v1/notification-settings`).',
    tag: 'notifications',
    auth: 'owner',
    query: notificationListQuery,
    responses: {
      200: {
        description: 'A page of notifications; `nextCursor` leads to older ones.',
        body: {
          name: 'NotificationListResponse',
          schema: notificationListResponse,
          example: { notifications: [exampleNotification], nextCursor: null, unread: 1 },
        },
      },
      400: 'InvalidRequest',
    },
  },
  {
    operationId: 'markNotificationsRead',
    method: 'post',
    path: '/api/v1/notifications/read',
    summary: 'Mark notifications read: some by id, or all',
    tag: 'notifications',
    auth: 'owner',
    requestBody: { name: 'MarkNotificationsReadRequest', schema: markNotificationsReadSchema, required: true, example: { all: true } },
    responses: {
      200: {
        description: 'How many changed, and what is left unread.',
        body: { name: 'MarkNotificationsReadResponse', schema: markNotificationsReadResponse, example: { marked: 1, unread: 0 } },
      },
      400: 'InvalidRequest',
    },
  },
  {
    operationId: 'getNotificationSettings',
    method: 'get',
    path: '/api/v1/notification-settings',
    summary: 'Which notification types the workspace gets, in the app and by email',
    tag: 'notifications',
    auth: 'owner',
    responses: { 200: { description: 'Every type, with both channels.', body: settingsBody } },
  },
  {
    operationId: 'updateNotificationSettings',
    method: 'put',
    path: '/api/v1/notification-settings',
    summary: 'Switch notification types on or off, per channel',
    description: 'Email goes to every person of the workspace with a confirmed address.',
    tag: 'notifications',
    auth: 'owner',
    requestBody: {
      name: 'NotificationSettingsRequest',
      schema: updateNotificationSettingsSchema,
      required: true,
      example: { settings: { 'link.accepted': { email: false } } },
    },
    responses: { 200: { description: 'Every type, as now set.', body: settingsBody }, 400: 'InvalidRequest' },
  },
]
