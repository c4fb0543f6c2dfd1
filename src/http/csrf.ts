import type { MiddlewareHandler } from 'hono'
import { AppError } from '../domain/errors'
import type { AppEnv } from './context'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Browsers always send Sec-Fetch-Site or Origin on unsafe requests, so either one decides.
 * `Origin: null` (pages with Referrer-Policy: no-referrer) passes on Sec-Fetch-Site alone.
 * Requests with neither come from scripts and servers, which CSRF cannot forge.
 */
export function isCrossSite(request: Request, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false
  const fetchSite = request.headers.get('sec-fetch-site')
  if (fetchSite) return fetchSite !== 'same-origin'
  const origin = request.headers.get('origin')
  if (origin) return !allowedOrigins.includes(origin)
  return false
}

export const rejectCrossSite: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next()
  const origins = [new URL(c.req.url).origin]
  if (c.env.PUBLIC_URL) origins.push(new URL(c.env.PUBLIC_URL).origin)
  if (isCrossSite(c.req.raw, origins)) throw new AppError('forbidden', 'Cross-site request refused.')
  await next()
}
