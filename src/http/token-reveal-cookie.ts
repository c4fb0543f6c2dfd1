import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { REVEAL_LIFETIME_MS } from '../services/api-tokens'
import type { AppEnv } from './context'
import { isSecureTransport } from './owner-auth'

/** Settings only, HttpOnly, minutes long: it carries the new token sealed, for the one page that shows it. */
const NAME = 'tether_new_token'
const PATH = '/settings'

export function setTokenRevealCookie(c: Context<AppEnv>, value: string): void {
  setCookie(c, NAME, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: PATH,
    secure: isSecureTransport(c),
    maxAge: REVEAL_LIFETIME_MS / 1000,
  })
}

/** Read once: the cookie is cleared by the same response. */
export function takeTokenRevealCookie(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, NAME)
  if (value !== undefined) deleteCookie(c, NAME, { path: PATH, secure: isSecureTransport(c) })
  return value
}
