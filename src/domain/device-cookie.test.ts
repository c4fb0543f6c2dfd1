import { describe, expect, it } from 'vitest'
import { loadKeyring } from './crypto'
import { DEVICE_COOKIE_LIFETIME_MS, issueDeviceCookie, openDeviceCookie } from './device-cookie'

const K1 = 'k1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8='
const K2 = 'k2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='
const NOW = Date.UTC(2026, 11, 1)

describe('device cookies', () => {
  it('open to the account and a random device id, and are neither readable nor the same twice', async () => {
    const keyring = await loadKeyring(K1)
    const first = await issueDeviceCookie(keyring, 'olivia@agency.test', NOW)
    const second = await issueDeviceCookie(keyring, 'olivia@agency.test', NOW)
    expect(first).not.toContain('olivia')
    const a = await openDeviceCookie(keyring, first, NOW)
    const b = await openDeviceCookie(keyring, second, NOW)
    expect(a).toEqual({ email: 'olivia@agency.test', deviceId: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/) })
    expect(b?.deviceId).not.toBe(a?.deviceId)
  })

  it('expire after their lifetime', async () => {
    const keyring = await loadKeyring(K1)
    const cookie = await issueDeviceCookie(keyring, 'olivia@agency.test', NOW)
    expect(await openDeviceCookie(keyring, cookie, NOW + DEVICE_COOKIE_LIFETIME_MS - 1)).not.toBeNull()
    expect(await openDeviceCookie(keyring, cookie, NOW + DEVICE_COOKIE_LIFETIME_MS)).toBeNull()
  })

  it('refuse anything altered, malformed or sealed under a key no longer held', async () => {
    const keyring = await loadKeyring(`${K2},${K1}`)
    const cookie = await issueDeviceCookie(keyring, 'olivia@agency.test', NOW)
    const [version, blob] = cookie.split('.') as [string, string]
    const flipped = `${blob.slice(0, 20)}${blob[20] === 'A' ? 'B' : 'A'}${blob.slice(21)}`
    for (const bad of [`${version}.${flipped}`, `k1.${blob}`, `${cookie}.x`, blob, '', '.', 'k2.!!!']) {
      expect(await openDeviceCookie(keyring, bad, NOW), bad).toBeNull()
    }
    expect(await openDeviceCookie(await loadKeyring(K1), cookie, NOW)).toBeNull()
    // A key added in front still opens the cookies sealed before it.
    expect(await openDeviceCookie(await loadKeyring(`k3:${btoa('3'.repeat(32))},${K2}`), cookie, NOW)).not.toBeNull()
  })
})
