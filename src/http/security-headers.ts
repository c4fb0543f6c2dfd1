import type { Context, MiddlewareHandler } from 'hono'
import { readConfig } from '../config'
import { isLoopbackOrigin } from '../domain/origins'
import type { Env } from '../env'
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

/** The hardening every response gets (Referrer-Policy aside: a page may have set its own); pages may only widen form-action. */
export function hardeningHeaders(url: string, formActionOrigins: readonly string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': formActionOrigins?.length ? `${BASE_CSP} ${formActionOrigins.join(' ')}` : BASE_CSP,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
  }
  if (url.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const headers = hardeningHeaders(c.req.url, c.get('formActionOrigins'))
  if (!c.res.headers.has('Referrer-Policy')) headers['Referrer-Policy'] = 'same-origin'
  setResponseHeaders(c, headers)
}

/** For pages holding a secret in their URL or showing private data. */
export const PRIVATE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
}

export const privatePage: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  setResponseHeaders(c, PRIVATE_PAGE_HEADERS)
}

/**
 * With an https PUBLIC_URL, a plain-http request is answered 308 (method and body kept) to the same
 * path on PUBLIC_URL, before anything could set a cookie or show a token over http. Without one
 * (local development on http://127.0.0.1) nothing changes; nor for a loopback origin, which the
 * edge never routes (a local tunnel to an https PUBLIC_URL would otherwise loop).
 */
export const redirectToHttps: MiddlewareHandler<AppEnv> = async (c, next) => {
  const target = httpsRedirectTarget(c.req.url, c.env)
  if (target) return c.redirect(target, 308)
  await next()
}

/** Where a plain-http request must go instead, or null to serve it. */
export function httpsRedirectTarget(requestUrl: string, env: Env): string | null {
  // Every request passes here, the invitation page too: https ones go on without parsing anything.
  if (!requestUrl.startsWith('http:')) return null
  const publicUrl = readConfig(env).publicUrl
  const url = new URL(requestUrl)
  return publicUrl?.startsWith('https:') && !isLoopbackOrigin(url.origin) ? `${publicUrl}${url.pathname}${url.search}` : null
}

/** API and webhook answers carry API tokens, link and webhook URLs and private data: no cache may keep them. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  setResponseHeaders(c, { 'Cache-Control': 'no-store' })
}
