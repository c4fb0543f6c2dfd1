import { describe, expect, it } from 'vitest'
import { formatTime, resolveTimeZone } from './format-time'

describe('formatTime', () => {
  const at = Date.UTC(2026, 11, 1, 13, 5)
  it('reads the instant in the given zone and names the zone', () => {
    expect(formatTime(at, 'Europe/Berlin')).toBe('1 Dec 2026, 14:05 (Europe/Berlin)')
    expect(formatTime(at, 'America/New_York')).toBe('1 Dec 2026, 08:05 (America/New_York)')
    expect(formatTime(at, 'UTC')).toBe('1 Dec 2026, 13:05 (UTC)')
    expect(formatTime(new Date(at).toISOString(), 'Asia/Kolkata')).toBe('1 Dec 2026, 18:35 (Asia/Kolkata)')
  })
  it('moves the date across midnight and follows daylight saving time', () => {
    expect(formatTime(Date.UTC(2026, 11, 31, 23, 30), 'Pacific/Auckland')).toBe('1 Jan 2027, 12:30 (Pacific/Auckland)')
    expect(formatTime(Date.UTC(2026, 6, 1, 12, 0), 'Europe/Berlin')).toBe('1 Jul 2026, 14:00 (Europe/Berlin)')
    expect(formatTime(Date.UTC(2026, 8, 3, 0, 0), 'UTC')).toBe('3 Sep 2026, 00:00 (UTC)')
  })
  it('gives the day alone in date mode, as the zone sees it', () => {
    expect(formatTime(Date.UTC(2027, 0, 3, 23, 7), 'UTC', 'date')).toBe('3 Jan 2027')
    expect(formatTime(Date.UTC(2027, 0, 3, 23, 7), 'Europe/Berlin', 'date')).toBe('4 Jan 2027')
  })
  it('writes other languages as they write dates, in the same zone', () => {
    expect(formatTime(at, 'Europe/Berlin', 'datetime', 'de')).toBe('01.12.2026, 14:05 (Europe/Berlin)')
    expect(formatTime(at, 'Europe/Berlin', 'datetime', 'ja')).toBe('2026/12/01 14:05 (Europe/Berlin)')
    expect(formatTime(at, 'Asia/Tokyo', 'datetime', 'ja')).toBe('2026/12/01 22:05 (Asia/Tokyo)')
    expect(formatTime(Date.UTC(2027, 0, 3, 23, 7), 'Europe/Berlin', 'date', 'de')).toBe('04.01.2027')
    expect(formatTime(at, 'UTC', 'datetime', 'fr')).toMatch(/^1 déc\.? 2026.* 13:05 \(UTC\)$/)
    expect(formatTime(at, 'UTC', 'date', 'pt-BR')).toMatch(/^1 de dez\.? de 2026$/)
  })
})

describe('resolveTimeZone', () => {
  it('keeps a zone Intl knows, spelled as Intl spells it', () => {
    expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin')
    expect(resolveTimeZone('europe/berlin')).toBe('Europe/Berlin')
  })
  it('falls back to UTC for anything else', () => {
    for (const zone of [undefined, null, 42, '', 'Mars/Olympus_Mons', 'Europe/Berlin<script>', 'A'.repeat(200)]) {
      expect(resolveTimeZone(zone)).toBe('UTC')
    }
  })
})
