import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { database } from '../../src/db/client'
import { AppError } from '../../src/domain/errors'
import { windowStartOf } from '../../src/domain/rate-limit'
import { runScheduled } from '../../src/jobs/scheduled'
import { enforceRateLimits, LOGIN_PER_ACCOUNT, LOGIN_PER_IP, SIGNUP_PER_IP } from '../../src/services/rate-limits'
import { SAME_ORIGIN, submit } from '../dashboard-helpers'
import { call, signUpOwner } from '../helpers'

const WRONG = 'not the password at all'

// The windows are fixed to the wall clock, so a burst straddling a boundary would be counted in two. The clock is
// frozen just after the current hour began (D1 and the cron's clean-up stay near the real time): every window holds
// the whole file.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: windowStartOf(Date.now(), 60 * 60_000) + 1_000 })
})
afterAll(() => {
  vi.useRealTimers()
})

function logIn(email: string, password: string, ip: string): Promise<Response> {
  return call('/api/v1/auth/login', { method: 'POST', json: { email, password }, headers: { 'cf-connecting-ip': ip } })
}

let ipCounter = 0
/** A fresh address per use, so tests do not share per-IP counters. */
const freshIp = () => `198.51.100.${++ipCounter}`

async function expectRateLimited(response: Response, windowMs = LOGIN_PER_ACCOUNT.windowMs): Promise<void> {
  expect(response.status).toBe(429)
  const retryAfter = Number(response.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000)
}

describe('login attempts per account', () => {
  it(`allows ${LOGIN_PER_ACCOUNT.limit} attempts a window from anywhere, then 429 + Retry-After, even for the right password`, async () => {
    const owner = await signUpOwner()
    for (let i = 0; i < LOGIN_PER_ACCOUNT.limit; i++) expect((await logIn(owner.email, WRONG, freshIp())).status).toBe(401)
    const blocked = await logIn(owner.email, 'correct horse battery', freshIp())
    await expectRateLimited(blocked)
    expect(await blocked.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Too many attempts/) } })
    // Another account is not affected.
    const other = await signUpOwner()
    expect((await logIn(other.email, 'correct horse battery', freshIp())).status).toBe(200)
  })

  it('is exact under concurrency: of 40 simultaneous guesses exactly the limit are checked', async () => {
    const owner = await signUpOwner()
    const statuses = (await Promise.all(Array.from({ length: 40 }, () => logIn(owner.email, WRONG, freshIp())))).map((r) => r.status)
    console.log(
      `[figure] login: 40 concurrent guesses on one account → ${statuses.filter((s) => s === 401).length} checked (401), ` +
        `${statuses.filter((s) => s === 429).length} refused (429)`,
    )
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_PER_ACCOUNT.limit)
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - LOGIN_PER_ACCOUNT.limit)
  })

  it('counts the email however it is written', async () => {
    const owner = await signUpOwner()
    const spellings = [owner.email, owner.email.toUpperCase(), ` ${owner.email} `]
    for (let i = 0; i < LOGIN_PER_ACCOUNT.limit; i++) await logIn(spellings[i % 3]!, WRONG, freshIp())
    await expectRateLimited(await logIn(owner.email.toUpperCase(), WRONG, freshIp()))
  })

  it('the dashboard login form is limited by the same counters', async () => {
    const owner = await signUpOwner()
    const ip = freshIp()
    for (let i = 0; i < LOGIN_PER_ACCOUNT.limit; i++) await logIn(owner.email, WRONG, ip)
    const page = await submit('/login', { email: owner.email, password: 'correct horse battery' }, undefined, {
      ...SAME_ORIGIN,
      'cf-connecting-ip': ip,
    })
    await expectRateLimited(page)
    const html = await page.text()
    expect(html).toContain('Too many attempts')
    expect(html).toContain('name="password"')
  })
})

describe('login attempts per IP', () => {
  it(`allows ${LOGIN_PER_IP.limit} attempts per window across accounts from one address, then 429; other addresses go on`, async () => {
    const ip = freshIp()
    const statuses = await Promise.all(
      Array.from({ length: LOGIN_PER_IP.limit }, (_, i) =>
        logIn(`spray-${i}-${crypto.randomUUID()}@victims.test`, WRONG, ip).then((r) => r.status),
      ),
    )
    expect(statuses.every((status) => status === 401)).toBe(true)
    await expectRateLimited(await logIn(`spray-last-${crypto.randomUUID()}@victims.test`, WRONG, ip))
    expect((await logIn(`spray-other-${crypto.randomUUID()}@victims.test`, WRONG, freshIp())).status).toBe(401)
  })

  it('counts an IPv6 client by its /64', async () => {
    const prefix = `2001:db8:${(++ipCounter).toString(16)}:1`
    for (let i = 0; i < LOGIN_PER_IP.limit; i++)
      await logIn(`v6-${i}-${crypto.randomUUID()}@victims.test`, WRONG, `${prefix}::${(i + 1).toString(16)}`)
    await expectRateLimited(await logIn(`v6-last-${crypto.randomUUID()}@victims.test`, WRONG, `${prefix}:ffff:ffff:ffff:ffff`))
  })
})

describe('sign-ups per IP', () => {
  it(`allows ${SIGNUP_PER_IP.limit} sign-ups an hour from one address, API and form alike`, async () => {
    const ip = freshIp()
    const signUp = (i: number) =>
      call('/api/v1/auth/signup', {
        method: 'POST',
        json: { email: `bulk-${i}-${crypto.randomUUID()}@spam.test`, password: 'correct horse battery', name: 'Bulk' },
        headers: { 'cf-connecting-ip': ip },
      })
    for (let i = 0; i < SIGNUP_PER_IP.limit; i++) expect((await signUp(i)).status).toBe(202)
    await expectRateLimited(await signUp(99), SIGNUP_PER_IP.windowMs)
    const fields = { name: 'Bulk', email: `bulk-form-${crypto.randomUUID()}@spam.test`, password: 'correct horse battery' }
    const page = await submit('/signup', fields, undefined, { ...SAME_ORIGIN, 'cf-connecting-ip': ip })
    await expectRateLimited(page, SIGNUP_PER_IP.windowMs)
    expect(await page.text()).toContain('Too many attempts')
  })
})

describe('fixed windows', () => {
  it('a new window starts counting again; the cron deletes finished windows', async () => {
    const db = database(env.DB)
    const policy = { name: `test-${crypto.randomUUID()}`, limit: 2, windowMs: 60_000 }
    const hit = (now: number) => enforceRateLimits(db, [{ policy, subject: 'someone' }], now)
    const start = 1_800_000_000_000
    await hit(start)
    await hit(start + 1)
    const refused = await hit(start + 30_000).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 })
    await hit(start + 60_000)
    const count = () =>
      env.DB.prepare('SELECT count(*) AS n FROM rate_limits WHERE key LIKE ?').bind(`${policy.name}:%`).first<{ n: number }>()
    expect((await count())?.n).toBe(1)
    // Kept for the longest window (a day, the credential checks'), then gone.
    await runScheduled(env, start + 23 * 60 * 60_000)
    expect((await count())?.n).toBe(1)
    await runScheduled(env, start + 25 * 60 * 60_000)
    expect((await count())?.n).toBe(0)
  })

  it('stores who was counted only as a hash', async () => {
    const owner = await signUpOwner()
    const ip = freshIp()
    await logIn(owner.email, WRONG, ip)
    const keys = JSON.stringify((await env.DB.prepare('SELECT key FROM rate_limits').all()).results)
    expect(keys).not.toContain(owner.email)
    expect(keys).not.toContain(ip)
  })
})
