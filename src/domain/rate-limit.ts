/**
 * Fixed-window counters: a window starts at a multiple of its length, so every isolate and
 * D1 agree on which window a hit falls in without sharing a clock beyond `now`. Pure.
 */
export interface RateLimitPolicy {
  /** Prefix of the counter's key, e.g. 'login-account'. */
  name: string
  limit: number
  windowMs: number
}

export function windowStartOf(now: number, windowMs: number): number {
  return now - (now % windowMs)
}

/** Whole seconds until the window ends, at least 1 (the Retry-After header's unit). */
export function retryAfterSeconds(windowStart: number, windowMs: number, now: number): number {
  return Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000))
}

/**
 * Whom a per-IP counter counts. An IPv6 client normally holds a whole /64 and can pick any
 * address in it, so IPv6 is counted by its first four words.
 */
export function ipBucket(ip: string): string {
  const address = ip.trim().toLowerCase()
  if (!address.includes(':')) return address
  const [head = '', tail] = address.split('::')
  const headWords = head ? head.split(':') : []
  const tailWords = tail === undefined ? [] : tail ? tail.split(':') : []
  const words = [...headWords, ...new Array<string>(Math.max(0, 8 - headWords.length - tailWords.length)).fill('0'), ...tailWords]
  return `${words
    .slice(0, 4)
    .map((word) => word.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
