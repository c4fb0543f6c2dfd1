import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SECRET_REVEAL_MS } from '../services/webhooks/endpoints'
import type { AppEnv } from './context'
import { isSecureTransport } from './owner-auth'

/** Like the API token's (./token-reveal-cookie.ts): HttpOnly, this page only, minutes long, the secret sealed inside. */
const NAME = 'tether_new_webhook_secret'
const PATH = '/settings/webhooks'

export function setWebhookSecretCookie(c: Context<AppEnv>, value: string): void {
  setCookie(c, NAME, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: PATH,
    secure: isSecureTransport(c),
    maxAge: SECRET_REVEAL_MS / 1000,
  })
}

/** Read once: the cookie is cleared by the same response. */
export function takeWebhookSecretCookie(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, NAME)
  if (value !== undefined) deleteCookie(c, NAME, { path: PATH, secure: isSecureTransport(c) })
  return value
}
