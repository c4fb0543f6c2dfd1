import { Hono } from 'hono'
import type { AppEnv } from '../../http/context'
import { requireOwnerPage } from '../../http/owner-auth'
import { privatePage } from '../../http/security-headers'
import { accountEmailPages } from './account-email'
import { authPages } from './auth'
import { connectionPages } from './connection'
import { connectionLinkPages } from './connection-link'
import { connectionListPages } from './connection-list'
import { newConnectionPages } from './new-connection'
import { severalAppsPages } from './several-apps'
import { brandPages } from './brand-settings'
import { settingsPages } from './settings'
import { accountSettingsPages } from './settings-account'
import { oauthAppPages } from './settings-oauth-apps'
import { webhookPages } from './settings-webhooks'
import { notificationPages, notificationSettingsPages } from './notifications'

/** The owner's dashboard, mounted at `/`. Every page under /connections and /settings needs a signed-in owner. */
export const dashboardRoutes = new Hono<AppEnv>()
  // '/x/*' also matches '/x' itself.
  .use('/connections/*', requireOwnerPage, privatePage)
  .use('/settings/*', requireOwnerPage, privatePage)
  .route('/', authPages)
  .route('/', accountEmailPages)
  .route('/', notificationPages)
  .route('/connections', connectionListPages)
  // '/new' before '/:id', so "new" is never taken for a connection id.
  .route('/connections', newConnectionPages)
  .route('/connections', severalAppsPages)
  .route('/connections', connectionLinkPages)
  .route('/connections', connectionPages)
  .route('/settings/webhooks', webhookPages)
  .route('/settings/notifications', notificationSettingsPages)
  .route('/settings/oauth-apps', oauthAppPages)
  .route('/settings/brand', brandPages)
  .route('/settings', settingsPages)
  .route('/settings', accountSettingsPages)
