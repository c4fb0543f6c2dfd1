import type { Context } from 'hono'

/**
 * The visitor's address as Cloudflare saw it; Cloudflare sets this header on every request
 * from the internet, overwriting any sent by the client. Absent only locally and in tests.
 */
export function clientIp(c: Context): string | null {
  return clientIpOf(c.req.raw)
}

export function clientIpOf(request: Request): string | null {
  return request.headers.get('cf-connecting-ip')?.trim() || null
}
