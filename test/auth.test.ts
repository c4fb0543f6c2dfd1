import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, sessionCookieFrom, signUpOwner } from './helpers'
import { linkIn, mailTo } from './mail'

const PASSWORD = 'correct horse battery'

describe('owner accounts', () => {
  it('signs up with no session, confirms by the emailed link, logs in, logs out', async () => {
    const email = `ann-${crypto.randomUUID()}@agency.test`
    let signup: Response | undefined
    const mail = await mailTo(email, async () => {
      signup = await call('/api/v1/auth/signup', { method: 'POST', json: { email, password: PASSWORD, name: 'Ann' } })
    })
    expect(signup!.status).toBe(202)
    expect(await signup!.json()).toEqual({ status: 'verification_sent' })
    expect(signup!.headers.getSetCookie()).toEqual([])
    expect(mail.subject).toMatch(/confirm your email/i)

    // Until confirmed: the right password gets 403 email_unverified, a wrong one the usual 401.
    const early = await call('/api/v1/auth/login', { method: 'POST', json: { email, password: PASSWORD } })
    expect(early.status).toBe(403)
    expect((await early.json<{ error: { code: string } }>()).error.code).toBe('email_unverified')
    expect((await call('/api/v1/auth/login', { method: 'POST', json: { email, password: 'wrong password!' } })).status).toBe(401)

    const verified = await call(linkIn(mail, '/verify-email/'))
    expect(verified.status).toBe(303)
    expect(verified.headers.get('location')).toBe('/connections')
    const setCookie = verified.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//)
    expect((await call('/api/v1/connections', { cookie: sessionCookieFrom(verified) })).status).toBe(200)

    expect((await call('/api/v1/auth/login', { method: 'POST', json: { email, password: 'wrong password!' } })).status).toBe(401)
    const login = await call('/api/v1/auth/login', { method: 'POST', json: { email: email.toUpperCase(), password: PASSWORD } })
    expect(login.status).toBe(200)
    const cookie = sessionCookieFrom(login)
    expect((await call('/api/v1/connections', { cookie })).status).toBe(200)
    expect((await call('/api/v1/auth/logout', { method: 'POST', cookie })).status).toBe(204)
    expect((await call('/api/v1/connections', { cookie })).status).toBe(401)
  })

  it('stores only hashes of session and API tokens', async () => {
    const owner = await signUpOwner()
    const sessionToken = owner.cookie.split('=')[1]!
    const created = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'CI' } })
    expect(created.status).toBe(201)
    const { token } = await created.json<{ token: string }>()
    expect((await call('/api/v1/connections', { bearer: token })).status).toBe(200)
    const sessions = await env.DB.prepare('SELECT * FROM sessions').all()
    const tokens = await env.DB.prepare('SELECT * FROM api_tokens').all()
    const dump = JSON.stringify([sessions.results, tokens.results])
    expect(dump).not.toContain(sessionToken)
    expect(dump).not.toContain(token)
    expect(dump).not.toContain(token.slice(4))
  })

  it('checks session expiry on every read', async () => {
    const owner = await signUpOwner()
    expect((await call('/api/v1/connections', { cookie: owner.cookie })).status).toBe(200)
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?')
      .bind(Date.now() - 1, owner.userId)
      .run()
    expect((await call('/api/v1/connections', { cookie: owner.cookie })).status).toBe(401)
  })

  it('validates sign-up input with the 400 envelope', async () => {
    const response = await call('/api/v1/auth/signup', { method: 'POST', json: { email: 'nope', password: 'short', name: '' } })
    expect(response.status).toBe(400)
    const body = await response.json<{ error: { code: string; issues: unknown[] } }>()
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.issues.length).toBeGreaterThan(0)
    const broken = await call('/api/v1/auth/signup', { method: 'POST', body: '{"email":', headers: { 'content-type': 'application/json' } })
    expect(broken.status).toBe(400)
  })
})

describe('cross-site protection and headers', () => {
  it('refuses a cross-site POST and accepts a same-origin browser POST with Origin: null', async () => {
    const owner = await signUpOwner()
    const crossSite = await call('/api/v1/tokens', {
      method: 'POST',
      cookie: owner.cookie,
      json: { name: 'x' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    expect(crossSite.status).toBe(403)
    const crossOriginOnly = await call('/api/v1/auth/logout', {
      method: 'POST',
      cookie: owner.cookie,
      headers: { origin: 'https://evil.example' },
    })
    expect(crossOriginOnly.status).toBe(403)
    const sameOrigin = await call('/api/v1/tokens', {
      method: 'POST',
      cookie: owner.cookie,
      json: { name: 'x' },
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
    })
    expect(sameOrigin.status).toBe(201)
  })

  it('sends the security headers on every page', async () => {
    for (const path of ['/api/v1/connections', '/no-such-page', '/connect/whatever']) {
      const response = await call(path)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })
})
