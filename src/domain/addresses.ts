/** IPv4 ranges that never leave a local network: loopback, RFC 1918, link-local, carrier-grade NAT, "this network". */
const PRIVATE_V4: [prefix: number, bits: number][] = [
  [0x7f000000, 8],
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0xa9fe0000, 16],
  [0x64400000, 10],
  [0x00000000, 8],
]

function parseV4(ip: string): number | null {
  const parts = ip.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null
  return parts.reduce((value, p) => value * 256 + Number(p), 0)
}

/**
 * Whether an address is local (loopback or private): the request came from this machine or its network, so
 * Cloudflare's geolocation of it (country, time zone) says nothing about the visitor — locally it is a fixed sample.
 */
export function isLocalAddress(ip: string): boolean {
  const address = ip.trim().toLowerCase()
  const mapped = address.startsWith('::ffff:') ? address.slice(7) : address
  const v4 = parseV4(mapped)
  if (v4 !== null) return PRIVATE_V4.some(([prefix, bits]) => v4 >>> (32 - bits) === prefix >>> (32 - bits))
  if (!address.includes(':')) return false
  if (address === '::1' || address === '::') return true
  const first = Number.parseInt(address.split(':')[0] || '0', 16)
  // fc00::/7 unique local, fe80::/10 link-local.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80
}
