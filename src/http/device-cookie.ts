import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Keyring } from '../domain/crypto'
import { DEVICE_COOKIE_LIFETIME_MS, issueDeviceCookie, openDeviceCookie, type TrustedDevice } from '../domain/device-cookie'
import type { AppEnv } from './context'
import { isSecureTransport } from './owner-auth'

/** Like the session cookie, `__Host-` over https; it outlives every session and logging out. */
const deviceCookieName = (c: Context<AppEnv>) => (isSecureTransport(c) ? '__Host-tether_device' : 'tether_device')

/** The device this browser proved it is, or null (none sent, or not one Tether sealed). */
export async function deviceOf(c: Context<AppEnv>, keyring: () => Promise<Keyring>, now: number): Promise<TrustedDevice | null> {
  const cookie = getCookie(c, deviceCookieName(c))
  return cookie ? openDeviceCookie(await keyring(), cookie, now) : null
}

/** After a successful login: a fresh device id each time, bound to the account just signed into. */
export async function trustThisDevice(c: Context<AppEnv>, keyring: () => Promise<Keyring>, email: string, now: number): Promise<void> {
  setCookie(c, deviceCookieName(c), await issueDeviceCookie(await keyring(), email, now), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isSecureTransport(c),
    maxAge: DEVICE_COOKIE_LIFETIME_MS / 1000,
  })
}
