import { Hono } from 'hono'
import { getPath } from 'hono/utils/url'
import { handleError } from '../http/errors'
import type { AppEnv } from '../http/context'
import { demoDocsApi } from './docs'
import { demoOAuth } from './oauth-provider'
import { demoTasksApi } from './tasks'

const MOUNT_PATH = '/demo'

/**
 * The demo apps (docs/ARCHITECTURE.md, "Configuration and the demo apps"), mounted by the worker at /demo. Its own `fetch` also accepts the
 * full `https://demo.invalid/demo/...` URLs that server-to-server calls are dispatched with:
 * getPath applies only to this instance's fetch, never to the routes `app.route` copies.
 */
export const demoServer = new Hono<AppEnv>({
  getPath: (request) => {
    const path = getPath(request)
    return path.startsWith(`${MOUNT_PATH}/`) ? path.slice(MOUNT_PATH.length) : path
  },
})
  .route('/', demoOAuth)
  .route('/', demoDocsApi)
  .route('/', demoTasksApi)
  .onError(handleError)
