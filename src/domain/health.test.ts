import { describe, expect, it } from 'vitest'
import { checkKind, DAY_MS, dailySlot, healthOf, MIN_CHECK_GAP_MS, nextCheckAt, REFRESH_AHEAD_MS, RETRY_MAX_MS, retryAt } from './health'

const NOW = Date.UTC(2026, 11, 2, 3, 0, 0)

describe('healthOf', () => {
  it.each([
    [{ status: 'active', needsReconnect: true, lastCheckedAt: NOW, lastError: 'refused' }, 'needs_reconnect'],
    [{ status: 'active', needsReconnect: false, lastCheckedAt: NOW, lastError: null }, 'ok'],
    [{ status: 'active', needsReconnect: false, lastCheckedAt: NOW, lastError: 'X did not answer in time.' }, 'unknown'],
    [{ status: 'active', needsReconnect: false, lastCheckedAt: null, lastError: null }, 'unknown'],
    [{ status: 'pending', needsReconnect: false, lastCheckedAt: null, lastError: null }, 'unknown'],
    [{ status: 'rejected', needsReconnect: true, lastCheckedAt: NOW, lastError: null }, 'unknown'],
  ] as const)('%o → %s', (facts, health) => {
    expect(healthOf(facts)).toBe(health)
  })
})

describe('scheduling', () => {
  it('refreshes OAuth grants that can be refreshed and verifies everything else', () => {
    expect(checkKind({ oauth: true, hasRefreshToken: true })).toBe('refresh')
    expect(checkKind({ oauth: true, hasRefreshToken: false })).toBe('verify')
    expect(checkKind({ oauth: false })).toBe('verify')
  })

  it('gives each connection its own time of day, 12 to 36 hours ahead, spread over the whole day', () => {
    const ids = Array.from({ length: 2400 }, (_, i) => `conn-${i}`)
    const slots = ids.map((id) => dailySlot(id, NOW))
    for (const slot of slots) {
      expect(slot).toBeGreaterThanOrEqual(NOW + DAY_MS / 2)
      expect(slot).toBeLessThan(NOW + DAY_MS * 1.5)
    }
    // 24 hours, 100 connections each on average: none gets more than twice its share.
    const perHour = new Array(24).fill(0)
    for (const slot of slots) perHour[Math.floor((slot % DAY_MS) / 3_600_000)]++
    expect(Math.max(...perHour)).toBeLessThan(200)
    expect(Math.min(...perHour)).toBeGreaterThan(50)
    // Stable: the next day's check is exactly a day later.
    expect(dailySlot('conn-7', slots[7]!)).toBe(slots[7]! + DAY_MS)
  })

  it('refreshes ahead of an OAuth expiry, at least daily, never sooner than the next cron run', () => {
    const daily = dailySlot('c1', NOW)
    expect(nextCheckAt('c1', { oauth: false }, NOW)).toBe(daily)
    expect(nextCheckAt('c1', { oauth: true, hasRefreshToken: true }, NOW)).toBe(daily)
    const inAnHour = NOW + 3_600_000
    expect(nextCheckAt('c1', { oauth: true, hasRefreshToken: true, expiresAt: inAnHour }, NOW)).toBe(inAnHour - REFRESH_AHEAD_MS)
    expect(nextCheckAt('c1', { oauth: true, expiresAt: NOW + 30 * DAY_MS }, NOW)).toBe(daily)
    expect(nextCheckAt('c1', { oauth: true, expiresAt: NOW + 60_000 }, NOW)).toBe(NOW + MIN_CHECK_GAP_MS)
  })

  it('backs off after transient failures, doubling up to a ceiling', () => {
    const gaps = [1, 2, 3, 4, 10, 50].map((failures) => retryAt(failures, NOW) - NOW)
    expect(gaps.slice(0, 4)).toEqual([5, 10, 20, 40].map((minutes) => minutes * 60_000))
    expect(gaps.slice(4)).toEqual([RETRY_MAX_MS, RETRY_MAX_MS])
  })
})
