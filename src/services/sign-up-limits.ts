import type { TrustedDevice } from '../domain/device-cookie'
import { ipBucket } from '../domain/rate-limit'
import type { RateLimitHit } from './rate-limits'

/** When and from where (CF-Connecting-IP; null locally) an account is created, signed into or asked about. */
export interface Attempt {
  now: number
  ip: string | null
  /** The browser's valid device cookie, if it sent one (logging in only). */
  device?: TrustedDevice | null
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export const perIp = (policy: RateLimitHit['policy'], ip: string | null): RateLimitHit[] => (ip ? [{ policy, subject: ipBucket(ip) }] : [])

export const perAddressAndIp = (address: RateLimitHit['policy'], byIp: RateLimitHit['policy'], email: string, ip: string | null) => [
  { policy: address, subject: email },
  ...perIp(byIp, ip),
]
