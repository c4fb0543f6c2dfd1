import { describe, expect, it } from 'vitest'
import { effectiveLinkStatus, isLinkOpen, kvTtlSeconds, linkExpiresAt, ownerLinkMessage } from './links'

describe('link expiry', () => {
  const expiresAt = Date.UTC(2026, 10, 27, 14, 5)
  it('is open until the instant it expires, with the clock passed in', () => {
    expect(isLinkOpen({ status: 'pending', expiresAt }, expiresAt - 1000)).toBe(true)
    expect(isLinkOpen({ status: 'pending', expiresAt }, expiresAt)).toBe(false)
    expect(effectiveLinkStatus({ status: 'pending', expiresAt }, expiresAt + 1000)).toBe('expired')
    expect(effectiveLinkStatus({ status: 'used', expiresAt }, expiresAt + 1000)).toBe('used')
  })
  it('defaults to 48 hours', () => {
    expect(linkExpiresAt(0)).toBe(48 * 3600_000)
    expect(linkExpiresAt(0, 60)).toBe(3600_000)
  })
  it('never asks KV for a TTL under 60 s', () => {
    expect(kvTtlSeconds(1000, 0)).toBe(60)
    expect(kvTtlSeconds(3600_500, 0)).toBe(3601)
  })
  it('tells the owner when the link expired', () => {
    expect(ownerLinkMessage({ status: 'pending', purpose: 'create', expiresAt }, expiresAt + 1)).toBe(
      'This connection link expired on 27 Nov 2026, 14:05 (UTC). Click Refresh credentials to generate a new link.',
    )
    expect(ownerLinkMessage({ status: 'pending', purpose: 'create', expiresAt }, expiresAt + 1, 'Asia/Tokyo')).toBe(
      'This connection link expired on 27 Nov 2026, 23:05 (Asia/Tokyo). Click Refresh credentials to generate a new link.',
    )
    expect(ownerLinkMessage({ status: 'pending', purpose: 'create', expiresAt }, expiresAt - 1)).toBeNull()
  })
})
