import { Hono } from 'hono'
import * as z from 'zod'
import { CURSOR_MAX } from '../../domain/limits'
import { NOTIFICATION_TYPES } from '../../domain/notifications'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { requireOwnerPage } from '../../http/owner-auth'
import { privatePage } from '../../http/security-headers'
import { validate } from '../../http/validate'
import { viewerTimeZone } from '../../http/viewer'
import {
  markNotificationsRead,
  notificationSettingsOf,
  notificationsOf,
  updateNotificationSettings,
} from '../../services/notifications/inbox'
import { notificationField, NotificationSettingsPage } from '../../views/pages/dashboard/notification-settings'
import { NotificationsPage } from '../../views/pages/dashboard/notifications'
import { NOTIFICATIONS_PATH } from '../../views/pages/dashboard/paths'
import { renderPage } from '../../views/render'
import { readForm } from './forms'
import { ownerView } from './view-models'

const SETTINGS_PATH = '/settings/notifications'

/** The notification list at /notifications: paged newest first, each post marks read and redirects back. */
export const notificationPages = new Hono<AppEnv>()
  .use('/notifications', requireOwnerPage, privatePage)
  .use('/notifications/*', requireOwnerPage, privatePage)
  .get('/notifications', validate('query', z.object({ cursor: z.string().max(CURSOR_MAX).optional() })), async (c) => {
    const owner = c.get('owner')
    const { cursor } = c.req.valid('query')
    const page = await notificationsOf(depsFor(c), owner, { cursor })
    const view = (
      <NotificationsPage
        owner={ownerView(owner)}
        notifications={page.items}
        unread={page.unread}
        olderHref={page.nextCursor ? `${NOTIFICATIONS_PATH}?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        newestHref={cursor ? NOTIFICATIONS_PATH : null}
        now={new Date().toISOString()}
      />
    )
    return c.html(renderPage(view, viewerTimeZone(c)))
  })
  .post('/notifications/read-all', async (c) => {
    await markNotificationsRead(depsFor(c), c.get('owner'), null, Date.now())
    return c.redirect(NOTIFICATIONS_PATH, 303)
  })
  .post('/notifications/:id/read', async (c) => {
    await markNotificationsRead(depsFor(c), c.get('owner'), [c.req.param('id')], Date.now())
    return c.redirect(NOTIFICATIONS_PATH, 303)
  })

/** Settings → Notifications, mounted at /settings/notifications (the /settings guard covers it). */
export const notificationSettingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const owner = c.get('owner')
    const settings = await notificationSettingsOf(depsFor(c), owner)
    return c.html(
      renderPage(<NotificationSettingsPage owner={ownerView(owner)} settings={settings} saved={c.req.query('saved') === '1'} />),
    )
  })
  .post('/', async (c) => {
    const form = await readForm(c)
    // A checkbox posts only when ticked, so the form always says every type and channel.
    const changes = Object.fromEntries(
      NOTIFICATION_TYPES.map((type) => [
        type,
        { inApp: form[notificationField(type, 'inApp')] !== undefined, email: form[notificationField(type, 'email')] !== undefined },
      ]),
    )
    await updateNotificationSettings(depsFor(c), c.get('owner'), changes)
    return c.redirect(`${SETTINGS_PATH}?saved=1`, 303)
  })
