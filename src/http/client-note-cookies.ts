import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { NOTICE_LIFETIME_MS, OUTCOME_LIFETIME_MS } from '../services/client-notes'
import type { AppEnv } from './context'
import { isSecureTransport } from './owner-auth'

/**
 * The client's pages only, HttpOnly, minutes long. Lax, unlike the dashboard's Strict reveal
 * cookies: the outcome must also reach the page the OAuth provider redirects back to.
 */
export const OUTCOME_COOKIE = 'tether_outcome'
const NOTICE = 'tether_notice'
const PATH = '/connect'

function options(c: Context<AppEnv>, lifetimeMs: number) {
  return { httpOnly: true, sameSite: 'Lax', path: PATH, secure: isSecureTransport(c), maxAge: lifetimeMs / 1000 } as const
}

export function setOutcomeCookie(c: Context<AppEnv>, value: string): void {
  setCookie(c, OUTCOME_COOKIE, value, options(c, OUTCOME_LIFETIME_MS))
  // A refusal not yet shown is moot once the link is finished.
  if (getCookie(c, NOTICE) !== undefined) deleteCookie(c, NOTICE, { path: PATH, secure: isSecureTransport(c) })
}

/** Kept, not taken: reloads and Back show the outcome again until the cookie expires. */
export const readOutcomeCookie = (c: Context<AppEnv>): string | undefined => getCookie(c, OUTCOME_COOKIE)

export function setNoticeCookie(c: Context<AppEnv>, value: string): void {
  setCookie(c, NOTICE, value, options(c, NOTICE_LIFETIME_MS))
}

/** Read once: the cookie is cleared by the same response, so a reload shows the plain form. */
export function takeNoticeCookie(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, NOTICE)
  if (value !== undefined) deleteCookie(c, NOTICE, { path: PATH, secure: isSecureTransport(c) })
  return value
}
