import { AppError } from './errors'

/**
 * Decides whether a URL a user typed (e.g. a WordPress site) may be called by the worker.
 * Names are not resolved here (Workers cannot), so every IP literal is refused and only
 * names that can never be public are refused by name; redirects are never followed.
 */
export interface AppUrlPolicy {
  /** Development and tests: also allow http:// and loopback hosts (never private ranges). */
  allowLoopback: boolean
}

type AddressClass = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'public'

const NON_PUBLIC_SUFFIXES = ['.local', '.internal', '.invalid', '.home.arpa', '.localdomain']
const IPV4_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

export function checkAppUrl(raw: string, { allowLoopback }: AppUrlPolicy): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw refuse('Enter the full address, starting with https://.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('The address must start with https://.')
  if (url.username || url.password) throw refuse('Leave the user name and password out of the address.')

  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  const addressClass = classifyHost(host)
  if (addressClass === 'loopback' && allowLoopback) return url
  if (url.protocol !== 'https:') throw refuse('The address must start with https://.')
  if (addressClass === 'loopback') throw refuse('The address points to this computer (localhost), not to a public site.')
  if (addressClass === 'private') throw refuse('The address points to a private network, not to a public site.')
  if (addressClass === 'link-local' || addressClass === 'unspecified') throw refuse('The address is not a public site.')
  if (isIpLiteral(host)) throw refuse("Use the site's domain name, not an IP address.")
  if (!host.includes('.')) throw refuse("Enter the site's full domain name, like example.com.")
  if (NON_PUBLIC_SUFFIXES.some((suffix) => host.endsWith(suffix))) throw refuse('The address is not a public site.')
  return url
}

function refuse(message: string): AppError {
  return new AppError('invalid_request', message)
}

function isIpLiteral(host: string): boolean {
  return host.startsWith('[') || IPV4_PATTERN.test(host)
}

/** `host` is as the URL parser normalised it: IPv4 in dotted decimal, IPv6 bracketed and compressed. */
function classifyHost(host: string): AddressClass {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  if (host.startsWith('[')) return classifyIpv6(host.slice(1, -1))
  const octets = IPV4_PATTERN.exec(host)?.slice(1).map(Number)
  return octets ? classifyIpv4(octets) : 'public'
}

function classifyIpv4([a = 0, b = 0]: number[]): AddressClass {
  if (a === 127) return 'loopback'
  if (a === 0) return 'unspecified'
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 100 && b >= 64 && b <= 127) return 'private'
  if (a === 169 && b === 254) return 'link-local'
  return 'public'
}

function classifyIpv6(literal: string): AddressClass {
  const words = expandIpv6(literal)
  if (!words) return 'public'
  const [first = 0] = words
  if (words.every((word, i) => word === (i === 7 ? 1 : 0))) return 'loopback'
  if (words.every((word) => word === 0)) return 'unspecified'
  if ((first & 0xfe00) === 0xfc00) return 'private'
  if ((first & 0xffc0) === 0xfe80) return 'link-local'
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach the embedded IPv4 address.
  const embedsIpv4 = words.slice(0, 5).every((word) => word === 0) && (words[5] === 0xffff || words[5] === 0)
  if (embedsIpv4) {
    const [high = 0, low = 0] = words.slice(6)
    return classifyIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff])
  }
  return 'public'
}

/** Eight 16-bit words, or null; the URL parser has already rewritten any dotted tail as hex. */
function expandIpv6(literal: string): number[] | null {
  const halves = literal.split('::')
  if (halves.length > 2) return null
  const parse = (part: string | undefined) => (part ? part.split(':').map((word) => parseInt(word, 16)) : [])
  const head = parse(halves[0])
  const tail = parse(halves[1])
  const missing = 8 - head.length - tail.length
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail]
  return words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffff) ? words : null
}
