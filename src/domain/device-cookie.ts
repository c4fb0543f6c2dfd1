import { type Keyring, open, seal, sealContext } from './crypto'
import { newToken } from './tokens'

/** Long-lived: it only ever lets its browser keep trying the password while others are locked out. */
export const DEVICE_COOKIE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000

/** A browser that signed into `email` before; its attempts are counted per `deviceId`. */
export interface TrustedDevice {
  email: string
  deviceId: string
}

interface Payload {
  e: string
  d: string
  x: number
}

/**
 * OWASP's device cookie: the account, a random device id and an expiry, sealed (AES-GCM, so it
 * cannot be read, forged or altered) under the current key. `<key version>.<blob>`.
 */
export async function issueDeviceCookie(keyring: Keyring, email: string, now: number): Promise<string> {
  const payload: Payload = { e: email, d: newToken(), x: now + DEVICE_COOKIE_LIFETIME_MS }
  const sealed = await seal(keyring, JSON.stringify(payload), sealContext.deviceCookie())
  return `${sealed.keyVersion}.${sealed.blob}`
}

/** The device, or null for anything else: forged, altered, expired, sealed under a retired key, malformed. */
export async function openDeviceCookie(keyring: Keyring, cookie: string, now: number): Promise<TrustedDevice | null> {
  const [keyVersion, blob, extra] = cookie.split('.')
  if (!keyVersion || !blob || extra !== undefined) return null
  const plaintext = await open(keyring, { keyVersion, blob }, sealContext.deviceCookie()).catch(() => null)
  if (plaintext === null) return null
  const payload = JSON.parse(plaintext) as Payload
  if (typeof payload.e !== 'string' || typeof payload.d !== 'string' || typeof payload.x !== 'number' || payload.x <= now) return null
  return { email: payload.e, deviceId: payload.d }
}
