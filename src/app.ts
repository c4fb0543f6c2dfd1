import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './http/context'
import { rejectCrossSite } from './http/csrf'
import { handleError } from './http/errors'
import { noStore, redirectToHttps, securityHeaders } from './http/security-headers'
import { AppError } from './domain/errors'
import { authApi } from './routes/api/auth'
import { sessionsApi } from './routes/api/sessions'
import { appsApi } from './routes/api/apps'
import { connectionsApi } from './routes/api/connections'
import { linkRequestsApi } from './routes/api/link-requests'
import { PROXY_PATH, proxyApi } from './routes/api/proxy'
import { openApiRoute } from './routes/api/openapi'
import { connectRoutes } from './routes/connect'
import { manageRoutes } from './routes/manage'
import { demoServer } from './demo'
import { dashboardRoutes } from './routes/pages'
import { oauthAppsApi } from './routes/api/oauth-apps'
import { webhookEndpointsApi } from './routes/api/webhook-endpoints'
import { notificationSettingsApi, notificationsApi } from './routes/api/notifications'
import { workflowsApi } from './routes/api/workflows'
import { runsApi } from './routes/api/runs'
import { hookRoutes } from './routes/hooks'
import { workflowPages } from './routes/pages/workflows'
import { brandApi } from './routes/api/brand'
import { brandAssets } from './routes/brand-assets'
import { LOGO_MAX_BYTES } from './domain/limits'
import { LOGO_UPLOAD_PATH } from './routes/pages/brand-settings'

export const MAX_BODY_BYTES = 64 * 1024

/** What every response gets, the proxy's too: hardening headers, https, and no caching of API answers. */
function useBaseMiddlewares(app: Hono<AppEnv>): void {
  app.use(securityHeaders)
  app.use(redirectToHttps)
  app.use('/api/*', noStore)
  app.use('/hooks/*', noStore)
}

function useErrorPages(app: Hono<AppEnv>): void {
  app.notFound((c) => handleError(new AppError('not_found', 'There is nothing here.'), c))
  app.onError(handleError)
}

/**
 * The credential proxy on its own: the same middlewares and error path as in `buildApp`, without the app's body limit
 * (it streams under its own cap) and without matching every other route first. src/index.ts sends PROXY_PATH here:
 * routing through the whole app's ~300 routes was a measurable part of a proxied call's overhead (bench:proxy).
 */
export function buildProxyApp() {
  const app = new Hono<AppEnv>()
  useBaseMiddlewares(app)
  app.use(rejectCrossSite)
  app.route('/api/v1/connections', proxyApi)
  useErrorPages(app)
  return app
}

export function buildApp() {
  const app = new Hono<AppEnv>()
  useBaseMiddlewares(app)
  const appBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', 'The request body is too large.')
    },
  })
  // A logo may be larger than a form; the multipart envelope around it gets its own margin, the image its exact cap.
  const logoBodyLimit = bodyLimit({
    maxSize: LOGO_MAX_BYTES + 16 * 1024,
    onError: () => {
      throw new AppError('payload_too_large', 'The logo is larger than 100 KB; make it smaller.')
    },
  })
  // The proxy streams bodies under its own cap (PROXY_BODY_MAX).
  app.use((c, next) => {
    if (PROXY_PATH.test(c.req.path)) return next()
    return LOGO_UPLOAD_PATH.test(c.req.path) ? logoBodyLimit(c, next) : appBodyLimit(c, next)
  })
  app.use(rejectCrossSite)
  app.route('/api/v1', authApi)
  app.route('/api/v1', sessionsApi)
  app.route('/api/v1', openApiRoute)
  app.route('/api/v1/apps', appsApi)
  app.route('/api/v1/connections', proxyApi)
  app.route('/api/v1/connections', connectionsApi)
  app.route('/api/v1/link-requests', linkRequestsApi)
  app.route('/api/v1/workflows', workflowsApi)
  app.route('/api/v1/runs', runsApi)
  app.route('/api/v1/webhook-endpoints', webhookEndpointsApi)
  app.route('/api/v1/notifications', notificationsApi)
  app.route('/api/v1/notification-settings', notificationSettingsApi)
  app.route('/api/v1/oauth-apps', oauthAppsApi)
  app.route('/api/v1/workspace/brand', brandApi)
  app.route('/hooks', hookRoutes)
  app.route('/connect', connectRoutes)
  app.route('/manage', manageRoutes)
  app.route('/brand', brandAssets)
  app.use('/demo/*', async (c, next) => {
    if (c.env.DEMO_APPS !== '1') throw new AppError('not_found', 'There is nothing here.')
    await next()
  })
  app.route('/demo', demoServer)
  app.route('/', dashboardRoutes)
  app.route('/', workflowPages)
  useErrorPages(app)
  return app
}
