import { Hono } from 'hono'
import { markNotificationsReadSchema, notificationListQuery, updateNotificationSettingsSchema } from '../../api-schemas/notifications'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import {
  markNotificationsRead,
  notificationSettingsOf,
  notificationsOf,
  unreadNotifications,
  updateNotificationSettings,
} from '../../services/notifications/inbox'

/** The workspace's notifications (mounted at /api/v1/notifications) and which of them it gets (/api/v1/notification-settings). */
export const notificationsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', validate('query', notificationListQuery), async (c) => {
    const { items, nextCursor, unread } = await notificationsOf(depsFor(c), c.get('owner'), c.req.valid('query'))
    return c.json({ notifications: items, nextCursor, unread })
  })
  .post('/read', validate('json', markNotificationsReadSchema), async (c) => {
    const deps = depsFor(c)
    const body = c.req.valid('json')
    const marked = await markNotificationsRead(deps, c.get('owner'), 'ids' in body ? body.ids : null, Date.now())
    return c.json({ marked, unread: await unreadNotifications(deps, c.get('owner')) })
  })

export const notificationSettingsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', async (c) => c.json({ settings: await notificationSettingsOf(depsFor(c), c.get('owner')) }))
  .put('/', validate('json', updateNotificationSettingsSchema), async (c) =>
    c.json({ settings: await updateNotificationSettings(depsFor(c), c.get('owner'), c.req.valid('json').settings) }),
  )
