import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context'

const BASE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

/** Every response gets the same hardening; pages may only widen form-action. */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const extra = c.get('formActionOrigins')
  c.header('Content-Security-Policy', extra?.length ? `${BASE_CSP} ${extra.join(' ')}` : BASE_CSP)
  c.header('X-Frame-Options', 'DENY')
  c.header('X-Content-Type-Options', 'nosniff')
  if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'same-origin')
  if (new URL(c.req.url).protocol === 'https:') c.header('Strict-Transport-Security', 'max-age=31536000')
}

/** For pages holding a secret in their URL or showing private data. */
export const privatePage: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Robots-Tag', 'noindex, nofollow')
}
