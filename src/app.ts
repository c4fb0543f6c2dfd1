import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './http/context'
import { rejectCrossSite } from './http/csrf'
import { handleError } from './http/errors'
import { securityHeaders } from './http/security-headers'
import { AppError } from './domain/errors'
import { authApi } from './routes/api/auth'

export const MAX_BODY_BYTES = 64 * 1024

export function buildApp() {
  const app = new Hono<AppEnv>()
  app.use(securityHeaders)
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new AppError('payload_too_large', 'The request body is too large.') } }))
  app.use(rejectCrossSite)
  app.route('/api/v1', authApi)
  app.notFound((c) => handleError(new AppError('not_found', 'There is nothing here.'), c))
  app.onError(handleError)
  return app
}
