import { exports } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { windowStartOf } from '../../src/domain/rate-limit'
import { LOGIN_PER_ACCOUNT, LOGIN_PER_DEVICE } from '../../src/services/rate-limits'
import { call, form, signUpOwner } from '../helpers'

const PASSWORD = 'correct horse battery'
const WRONG = 'not the password at all'

// As in rate-limits.test.ts: the clock is frozen just after an hour began, so every window holds the whole file.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: windowStartOf(Date.now(), 60 * 60_000) + 1_000 })
})
afterAll(() => {
  vi.useRealTimers()
})

let ipCounter = 0
const freshIp = () => `203.0.113.${++ipCounter}`

function logIn(email: string, password: string, ip: string, cookie?: string): Promise<Response> {
  return call('/api/v1/auth/login', { method: 'POST', json: { email, password }, cookie, headers: { 'cf-connecting-ip': ip } })
}

function deviceCookieOf(response: Response): string {
  const line = response.headers.getSetCookie().find((value) => value.startsWith('tether_device='))
  if (!line) throw new Error('no device cookie set')
  return line.split(';')[0]!
}

/** The owner signs in once from their own browser, which keeps the device cookie. */
async function ownerWithDevice(): Promise<{ email: string; device: string }> {
  const owner = await signUpOwner()
  const first = await logIn(owner.email, PASSWORD, freshIp())
  expect(first.status).toBe(200)
  return { email: owner.email, device: deviceCookieOf(first) }
}

/** Wrong passwords for the account from `count` other addresses, without the device cookie. */
async function flood(email: string, count: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) statuses.push((await logIn(email, WRONG, freshIp())).status)
  return statuses
}

describe('the device cookie against lockout (OWASP "device cookies")', () => {
  it('11 wrong passwords from 11 addresses: the right password with the device cookie → 200, without → 429', async () => {
    const owner = await ownerWithDevice()
    const statuses = await flood(owner.email, 11)
    expect(statuses).toContain(429)
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true)
    const withDevice = await logIn(owner.email, PASSWORD, freshIp(), owner.device)
    expect(withDevice.status).toBe(200)
    expect((await logIn(owner.email, PASSWORD, freshIp())).status).toBe(429)
    console.log(`[figure] lockout: 11 wrong passwords from 11 addresses → owner with device cookie ${withDevice.status}, without 429`)
  })

  it('works for the dashboard login form too, and every login renews the cookie', async () => {
    const owner = await ownerWithDevice()
    await flood(owner.email, LOGIN_PER_ACCOUNT.limit + 1)
    const page = await call('/login', {
      ...form({ email: owner.email, password: PASSWORD }),
      cookie: owner.device,
      headers: { 'cf-connecting-ip': freshIp() },
    })
    expect(page.status).toBe(303)
    const renewed = deviceCookieOf(page)
    expect(renewed).not.toBe(owner.device)
    const line = page.headers.getSetCookie().find((value) => value.startsWith('tether_device='))!
    expect(line).toMatch(/HttpOnly/i)
    expect(line).toMatch(/SameSite=Strict/i)
    expect(line).toMatch(/Max-Age=31536000/)
  })

  it('a forged, altered or another account’s device cookie counts as none', async () => {
    const owner = await ownerWithDevice()
    const stranger = await ownerWithDevice()
    await flood(owner.email, LOGIN_PER_ACCOUNT.limit + 1)
    const value = owner.device.slice('tether_device='.length)
    const altered = `tether_device=${value.slice(0, -6)}${value.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`
    for (const cookie of [stranger.device, altered, 'tether_device=k2.bm90IHNlYWxlZA%3D%3D', 'tether_device=garbage']) {
      expect((await logIn(owner.email, PASSWORD, freshIp(), cookie)).status, cookie).toBe(429)
    }
    expect((await logIn(owner.email, PASSWORD, freshIp(), owner.device)).status).toBe(200)
  })

  it(`a device is limited on its own: ${LOGIN_PER_DEVICE.limit} attempts a window, then 429 even with the right password`, async () => {
    const owner = await ownerWithDevice()
    for (let i = 0; i < LOGIN_PER_DEVICE.limit; i++) {
      expect((await logIn(owner.email, WRONG, freshIp(), owner.device)).status).toBe(401)
    }
    expect((await logIn(owner.email, PASSWORD, freshIp(), owner.device)).status).toBe(429)
    // Its guesses did not fill the account's bucket: a login from elsewhere still gets through.
    expect((await logIn(owner.email, PASSWORD, freshIp())).status).toBe(200)
  })

  it('over https the cookie is __Host- prefixed and Secure', async () => {
    const owner = await signUpOwner()
    const response = await exports.default.fetch(
      new Request('https://tether.test/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ email: owner.email, password: PASSWORD }),
      }),
    )
    expect(response.status).toBe(200)
    const line = response.headers.getSetCookie().find((value) => value.includes('tether_device='))
    expect(line).toMatch(/^__Host-tether_device=[^;]+;.*Path=\/.*Secure/i)
  })
})
