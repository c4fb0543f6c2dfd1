import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from './context'
import { isSecureTransport } from './owner-auth'

/**
 * A secret shown once after POST-then-redirect (a new API token, a signing secret): it travels
 * sealed in an HttpOnly, Strict, minutes-long cookie scoped to the one page that shows it, and
 * that page clears it in the same answer. Never in a URL.
 */
export interface RevealCookie {
  name: string
  lifetimeMs: number
}

export function setRevealCookie(c: Context<AppEnv>, cookie: RevealCookie, path: string, value: string): void {
  setCookie(c, cookie.name, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path,
    secure: isSecureTransport(c),
    maxAge: cookie.lifetimeMs / 1000,
  })
}

/** Read once: the cookie is cleared by the same response. */
export function takeRevealCookie(c: Context<AppEnv>, cookie: RevealCookie, path: string): string | undefined {
  const value = getCookie(c, cookie.name)
  if (value !== undefined) deleteCookie(c, cookie.name, { path, secure: isSecureTransport(c) })
  return value
}
