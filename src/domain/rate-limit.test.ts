import { describe, expect, it } from 'vitest'
import { ipBucket, retryAfterSeconds, windowStartOf } from './rate-limit'

describe('fixed-window rate limits', () => {
  it('puts every moment of a window in the same window', () => {
    const minute = 60_000
    expect(windowStartOf(120_000, minute)).toBe(120_000)
    expect(windowStartOf(179_999, minute)).toBe(120_000)
    expect(windowStartOf(180_000, minute)).toBe(180_000)
  })

  it('says how long until the window ends, in whole seconds, never 0', () => {
    expect(retryAfterSeconds(120_000, 60_000, 120_000)).toBe(60)
    expect(retryAfterSeconds(120_000, 60_000, 150_500)).toBe(30)
    expect(retryAfterSeconds(120_000, 60_000, 179_999)).toBe(1)
  })

  it('counts IPv4 addresses one by one and IPv6 clients by their /64', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7')
    expect(ipBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(ipBucket('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64')
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(ipBucket('::1')).toBe('0:0:0:0::/64')
  })
})
