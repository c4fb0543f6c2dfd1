import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { SESSION_ACTIVITY_EVERY_MS, SESSION_IDLE_MS } from '../src/services/sessions'
import { call, form, sessionCookieFrom, signUpOwner } from './helpers'

const PASSWORD = 'correct horse battery'
type Owner = { cookie: string; userId: string; email: string }

async function lastSeen(userId: string): Promise<number | null> {
  return env.DB.prepare('SELECT last_seen_at AS v FROM sessions WHERE user_id = ?').bind(userId).first<number | null>('v')
}

async function setSession(userId: string, columns: { lastSeenAt?: number | null; createdAt?: number }): Promise<void> {
  if (columns.lastSeenAt !== undefined) {
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE user_id = ?').bind(columns.lastSeenAt, userId).run()
  }
  if (columns.createdAt !== undefined) {
    await env.DB.prepare('UPDATE sessions SET created_at = ? WHERE user_id = ?').bind(columns.createdAt, userId).run()
  }
}

/** The activity is written after the response (waitUntil): wait until it is what `done` expects, or give up. */
async function lastSeenOnceSettled(userId: string, done: (value: number | null) => boolean): Promise<number | null> {
  let value = await lastSeen(userId)
  for (let attempt = 0; attempt < 40 && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25))
    value = await lastSeen(userId)
  }
  return value
}

const authed = async (owner: Owner) => (await call('/api/v1/connections', { cookie: owner.cookie })).status

async function logInAgain(owner: Owner): Promise<string> {
  const response = await call('/api/v1/auth/login', { method: 'POST', json: { email: owner.email, password: PASSWORD } })
  expect(response.status).toBe(200)
  return sessionCookieFrom(response)
}

describe('the idle timeout', () => {
  it('ends a session unused for 24 hours, besides the 14-day limit', async () => {
    const owner = await signUpOwner()
    expect(SESSION_IDLE_MS).toBe(24 * 60 * 60 * 1000)
    await setSession(owner.userId, { lastSeenAt: Date.now() - SESSION_IDLE_MS + 60_000 })
    expect(await authed(owner)).toBe(200)
    await setSession(owner.userId, { lastSeenAt: Date.now() - SESSION_IDLE_MS - 1 })
    expect(await authed(owner)).toBe(401)
    const page = await call('/connections', { cookie: owner.cookie })
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/login?next=%2Fconnections')
  })

  it('records activity at most every few minutes, not on every request', async () => {
    const owner = await signUpOwner()
    const started = await lastSeen(owner.userId)
    expect(started).toEqual(expect.any(Number))
    for (let i = 0; i < 3; i++) expect(await authed(owner)).toBe(200)
    // Give a write that should not happen the time to land anyway.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await lastSeen(owner.userId)).toBe(started)

    const stale = Date.now() - SESSION_ACTIVITY_EVERY_MS - 1_000
    await setSession(owner.userId, { lastSeenAt: stale })
    const before = Date.now()
    expect(await authed(owner)).toBe(200)
    expect(await lastSeenOnceSettled(owner.userId, (value) => value !== stale)).toBeGreaterThanOrEqual(before)
  })

  it('keeps a recent activity: an active session outlives 24 hours since sign-in', async () => {
    const owner = await signUpOwner()
    await setSession(owner.userId, { createdAt: Date.now() - 3 * SESSION_IDLE_MS, lastSeenAt: Date.now() - 60_000 })
    expect(await authed(owner)).toBe(200)
  })

  it('counts a session from before the column (null) from its creation', async () => {
    const owner = await signUpOwner()
    await setSession(owner.userId, { lastSeenAt: null })
    expect(await authed(owner)).toBe(200)
    await setSession(owner.userId, { createdAt: Date.now() - SESSION_IDLE_MS - 1 })
    expect(await authed(owner)).toBe(401)
  })
})

describe('log out everywhere', () => {
  it('ends every session of the user over the API, this one included, and clears its cookie; API tokens stay', async () => {
    const owner = await signUpOwner()
    const other = { ...owner, cookie: await logInAgain(owner) }
    const stranger = await signUpOwner()
    const minted = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'CI' } })
    const { token } = await minted.json<{ token: string }>()

    const revoked = await call('/api/v1/auth/sessions/revoke', { method: 'POST', cookie: owner.cookie })
    expect(revoked.status).toBe(204)
    expect(revoked.headers.getSetCookie().join('\n')).toMatch(/tether_session=;.*Max-Age=0/i)
    expect(await authed(owner)).toBe(401)
    expect(await authed(other)).toBe(401)
    expect(await authed(stranger)).toBe(200)
    expect((await call('/api/v1/connections', { bearer: token })).status).toBe(200)
    expect((await call('/api/v1/auth/sessions/revoke', { method: 'POST' })).status).toBe(401)
  })

  it('has a Settings button that signs out every browser and lands on the login page', async () => {
    const owner = await signUpOwner()
    const other = { ...owner, cookie: await logInAgain(owner) }
    const settings = await (await call('/settings', { cookie: owner.cookie })).text()
    expect(settings).toContain('action="/settings/sessions/revoke"')
    expect(settings).toContain('Log out everywhere')
    expect(settings).toContain('API tokens are not sessions')

    const response = await call('/settings/sessions/revoke', { ...form({}), cookie: owner.cookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login')
    expect(await authed(owner)).toBe(401)
    expect(await authed(other)).toBe(401)
  })
})
