import type { Context } from 'hono'
import { isLocalAddress } from '../domain/addresses'
import { FALLBACK_TIME_ZONE, resolveTimeZone } from '../domain/format-time'
import { clientIpOf } from './client-ip'

/**
 * The zone the visitor's times are shown in: Cloudflare's geolocation of the request (`cf.timezone`), UTC when it is
 * missing, unknown, or about a local address (locally `cf` is a fixed sample, not the visitor).
 */
export function viewerTimeZone(c: Context): string {
  return viewerTimeZoneOf(c.req.raw)
}

export function viewerTimeZoneOf(request: Request): string {
  const ip = clientIpOf(request)
  if (ip && isLocalAddress(ip)) return FALLBACK_TIME_ZONE
  return resolveTimeZone(request.cf?.timezone)
}
