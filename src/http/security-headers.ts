import type { Context, MiddlewareHandler } from 'hono'
import { readConfig } from '../config'
import { isLoopbackOrigin } from '../domain/origins'
import type { AppEnv } from './context'

const BASE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

/** Sets headers on the finished response in place: after the handler, each `c.header()` copies the whole response. */
function setResponseHeaders(c: Context, headers: Record<string, string>): void {
  try {
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  } catch {
    // A response passed through from fetch() has immutable headers: copy it once.
    const copy = new Response(c.res.body, c.res)
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value)
    c.res = copy
  }
}

/** Every response gets the same hardening; pages may only widen form-action. */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const extra = c.get('formActionOrigins')
  const headers: Record<string, string> = {
    'Content-Security-Policy': extra?.length ? `${BASE_CSP} ${extra.join(' ')}` : BASE_CSP,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
  }
  if (!c.res.headers.has('Referrer-Policy')) headers['Referrer-Policy'] = 'same-origin'
  if (c.req.url.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  setResponseHeaders(c, headers)
}

/** For pages holding a secret in their URL or showing private data. */
export const privatePage: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  setResponseHeaders(c, { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' })
}

/**
 * With an https PUBLIC_URL, a plain-http request is answered 308 (method and body kept) to the same
 * path on PUBLIC_URL, before anything could set a cookie or show a token over http. Without one
 * (local development on http://127.0.0.1) nothing changes; nor for a loopback origin, which the
 * edge never routes (a local tunnel to an https PUBLIC_URL would otherwise loop).
 */
export const redirectToHttps: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Every request passes here, the invitation page too: https ones go on without parsing anything.
  if (c.req.url.startsWith('http:')) {
    const publicUrl = readConfig(c.env).publicUrl
    const url = new URL(c.req.url)
    if (publicUrl?.startsWith('https:') && !isLoopbackOrigin(url.origin)) return c.redirect(`${publicUrl}${url.pathname}${url.search}`, 308)
  }
  await next()
}

/** API and webhook answers carry API tokens, link and webhook URLs and private data: no cache may keep them. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  setResponseHeaders(c, { 'Cache-Control': 'no-store' })
}
