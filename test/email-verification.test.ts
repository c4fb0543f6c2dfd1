import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { RESET_LINK_LIFETIME_MS, VERIFY_LINK_LIFETIME_MS } from '../src/services/email-links'
import { RESEND_PER_ADDRESS, RESET_PER_ADDRESS, SIGNUP_PER_ADDRESS } from '../src/services/rate-limits'
import { call, cookiesAfter, form, freezeAtWindowStart, OWNER_PASSWORD, requestLink, sessionCookieFrom, signUpOwner } from './helpers'
import { linkIn, mailTo, watchMail } from './mail'

const signUp = (email: string, name = 'Ann', password = OWNER_PASSWORD) =>
  call('/api/v1/auth/signup', { method: 'POST', json: { email, password, name } })
const freshEmail = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@agency.test`
const tokenOf = (path: string) => path.split('/').pop()!

describe('sign-up without enumeration', () => {
  it('answers a new and a taken address with the same status and body, and emails each what fits', async () => {
    const owner = await signUpOwner('Taken Tess')
    let fresh: Response | undefined
    let taken: Response | undefined
    const newEmail = freshEmail('new')
    const verification = await mailTo(newEmail, async () => {
      fresh = await signUp(newEmail)
    })
    const attempt = await mailTo(owner.email, async () => {
      taken = await signUp(owner.email, 'Mallory', 'another long password')
    })
    expect([fresh!.status, await fresh!.text()]).toEqual([taken!.status, await taken!.text()])
    expect(taken!.status).toBe(202)
    expect(taken!.headers.getSetCookie()).toEqual([])
    expect(verification.text).toMatch(/\/verify-email\//)
    expect(attempt.subject).toMatch(/someone tried to sign up/i)
    expect(attempt.text).not.toMatch(/\/verify-email\//)
    // The taken account is untouched: its password still works, the stranger's does not.
    const login = (password: string) => call('/api/v1/auth/login', { method: 'POST', json: { email: owner.email, password } })
    expect((await login('another long password')).status).toBe(401)
    expect((await login(OWNER_PASSWORD)).status).toBe(200)
  })

  it('the dashboard form shows "check your email", starts no session, and a taken address gets the same page', async () => {
    const owner = await signUpOwner()
    const email = freshEmail('form')
    const posted = await call('/signup', form({ name: 'Form', email, password: OWNER_PASSWORD }))
    expect([posted.status, posted.headers.get('location')]).toEqual([303, '/check-email'])
    expect(posted.headers.getSetCookie().map((cookie) => cookie.split('=')[0])).toEqual(['tether_form'])
    const page = await call('/check-email', { cookie: cookiesAfter(posted) })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Check your email')
    expect(html).toContain(email)
    // The page stands for the finished post: a reload shows it again and sends nothing more.
    const watch = watchMail()
    expect(await (await call('/check-email', { cookie: cookiesAfter(posted) })).text()).toBe(html)
    expect(watch.sent()).toEqual([])
    const again = await call('/signup', form({ name: 'Form', email: owner.email, password: OWNER_PASSWORD }))
    expect([again.status, again.headers.get('location')]).toEqual([303, '/check-email'])
    const againHtml = await (await call('/check-email', { cookie: cookiesAfter(again) })).text()
    expect(againHtml.replace(owner.email, email)).toBe(html)
    expect((await call('/check-email')).headers.get('location')).toBe('/login')
  })
})

describe('the confirmation link', () => {
  it('is stored only as a hash, works once, and a second use gets a clear page', async () => {
    const email = freshEmail('once')
    const mail = await mailTo(email, () => signUp(email))
    const path = linkIn(mail, '/verify-email/')
    const rows = await env.DB.prepare("SELECT token_hash, expires_at - created_at AS life FROM email_tokens WHERE purpose = 'verify'").all()
    expect(JSON.stringify(rows.results)).not.toContain(tokenOf(path))
    expect(rows.results.some((row) => row.life === VERIFY_LINK_LIFETIME_MS)).toBe(true)

    const first = await call(path)
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/connections')
    expect((await call('/connections', { cookie: sessionCookieFrom(first) })).status).toBe(200)
    const second = await call(path)
    expect(second.status).toBe(410)
    expect(second.headers.getSetCookie()).toEqual([])
    expect(await second.text()).toContain('already been used')
  })

  it('expires after 24 hours', async () => {
    const email = freshEmail('late')
    const mail = await mailTo(email, () => signUp(email))
    await env.DB.prepare('UPDATE email_tokens SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)')
      .bind(Date.now() - 1, email)
      .run()
    const late = await call(linkIn(mail, '/verify-email/'))
    expect(late.status).toBe(410)
    expect(await late.text()).toContain('expired')
    expect((await call('/api/v1/auth/login', { method: 'POST', json: { email, password: OWNER_PASSWORD } })).status).toBe(403)
  })

  it('login before confirming offers a resend, which sends a fresh link; any address gets the same 202', async () => {
    const email = freshEmail('resend')
    await mailTo(email, () => signUp(email))
    const posted = await call('/login', form({ email, password: OWNER_PASSWORD }))
    expect([posted.status, posted.headers.get('location')]).toEqual([303, '/login/unverified'])
    const page = await call('/login/unverified', { cookie: cookiesAfter(posted) })
    expect(page.status).toBe(403)
    expect(await page.text()).toContain('action="/verify-email/resend"')
    const resent = await mailTo(email, async () => {
      const sent = await call('/verify-email/resend', form({ email }))
      expect(sent.headers.get('location')).toBe('/check-email')
    })
    expect((await call(linkIn(resent, '/verify-email/'))).status).toBe(303)

    const mail = watchMail()
    for (const address of [email, freshEmail('nobody')]) {
      const answer = await call('/api/v1/auth/resend-verification', { method: 'POST', json: { email: address } })
      expect([answer.status, await answer.json()]).toEqual([202, { status: 'verification_sent' }])
    }
    expect(mail.sent()).toEqual([])
  })
})

describe('rate limits on the emails, per address', () => {
  it('sign-up, resend and reset each stop at their per-address limit', async () => {
    // Their windows (an hour each) are fixed to the wall clock: every send must fall in one.
    freezeAtWindowStart(Math.max(SIGNUP_PER_ADDRESS.windowMs, RESEND_PER_ADDRESS.windowMs, RESET_PER_ADDRESS.windowMs))
    const email = freshEmail('flood')
    const cases = [
      { limit: SIGNUP_PER_ADDRESS.limit, send: () => signUp(email) },
      { limit: RESEND_PER_ADDRESS.limit, send: () => call('/api/v1/auth/resend-verification', { method: 'POST', json: { email } }) },
      { limit: RESET_PER_ADDRESS.limit, send: () => call('/api/v1/auth/password-reset', { method: 'POST', json: { email } }) },
    ]
    for (const { limit, send } of cases) {
      for (let i = 0; i < limit; i++) expect((await send()).status).toBe(202)
      const refused = await send()
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })
})

describe('password reset by email', () => {
  it('single use, 1 hour, hashed; sets the password, ends every session, signs in with a redirect', async () => {
    const owner = await signUpOwner()
    const mail = await mailTo(owner.email, async () => {
      const sent = await call('/forgot-password', form({ email: owner.email }))
      expect(sent.headers.get('location')).toBe('/check-email')
    })
    const path = linkIn(mail, '/reset-password/')
    const row = await env.DB.prepare(
      "SELECT token_hash, expires_at - created_at AS life FROM email_tokens WHERE purpose = 'reset' AND user_id = ?",
    )
      .bind(owner.userId)
      .first<{ token_hash: string; life: number }>()
    expect(row!.life).toBe(RESET_LINK_LIFETIME_MS)
    expect(row!.token_hash).not.toContain(tokenOf(path))

    const shown = await call(path)
    expect(shown.status).toBe(200)
    expect(await shown.text()).toContain('Choose a new password')
    const tooShort = await call(path, form({ password: 'short' }))
    expect([tooShort.status, tooShort.headers.get('location')]).toEqual([303, path])
    const refused = await call(path, { cookie: cookiesAfter(tooShort) })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('at least 12 characters')

    const done = await call(path, form({ password: 'a brand new passphrase' }))
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/connections')
    expect((await call('/api/v1/connections', { cookie: owner.cookie })).status).toBe(401)
    expect((await call('/api/v1/connections', { cookie: sessionCookieFrom(done) })).status).toBe(200)
    const login = (password: string) => call('/api/v1/auth/login', { method: 'POST', json: { email: owner.email, password } })
    expect((await login(OWNER_PASSWORD)).status).toBe(401)
    expect((await login('a brand new passphrase')).status).toBe(200)

    const reused = await call(path, form({ password: 'yet another passphrase' }))
    expect(reused.status).toBe(410)
    expect((await call(path)).status).toBe(410)
    expect((await login('yet another passphrase')).status).toBe(401)
  })

  it('an expired link shows the form no more, and the API answers 202 for any address', async () => {
    const owner = await signUpOwner()
    const mail = await mailTo(owner.email, () => call('/api/v1/auth/password-reset', { method: 'POST', json: { email: owner.email } }))
    await env.DB.prepare("UPDATE email_tokens SET expires_at = ? WHERE purpose = 'reset' AND user_id = ?")
      .bind(Date.now() - 1, owner.userId)
      .run()
    const path = linkIn(mail, '/reset-password/')
    expect((await call(path)).status).toBe(410)
    expect((await call(path, form({ password: 'a brand new passphrase' }))).status).toBe(410)
    const unknown = await call('/api/v1/auth/password-reset', { method: 'POST', json: { email: freshEmail('nobody') } })
    expect([unknown.status, await unknown.json()]).toEqual([202, { status: 'reset_sent' }])
  })

  it('the login page links to it', async () => {
    expect(await (await call('/login')).text()).toContain('href="/forgot-password"')
  })
})

describe('what a client sees of the requester', () => {
  it('names lose bidi controls and invisible characters on every path', async () => {
    const owner = await signUpOwner('Olivia\u202E ytiruceS TI\u200B\uFEFF')
    const row = await env.DB.prepare('SELECT name FROM users WHERE id = ?').bind(owner.userId).first<{ name: string }>()
    expect(row!.name).toBe('Olivia ytiruceS TI')
    const link = await requestLink(owner, 'demo-tasks', { name: 'Client\u2066 Docs\u2069' })
    const page = await (await call(link.path)).text()
    expect(page).toContain('Client Docs')
    expect(page).not.toMatch(/[\u202E\u200B\uFEFF\u2066\u2069]/)
    const workflow = await call('/api/v1/workflows', { method: 'POST', cookie: owner.cookie, json: { name: '\u202Ewolf', steps: [] } })
    expect((await workflow.json<{ workflow: { name: string } }>()).workflow.name).toBe('wolf')
  })

  it('an invitation shows the address only once it is verified', async () => {
    const owner = await signUpOwner()
    expect(await (await call((await requestLink(owner)).path)).text()).toContain(`mailto:${owner.email}`)
    // An account from before verification existed: signed in, but its address never proved.
    await env.DB.prepare('UPDATE users SET email_verified_at = NULL WHERE id = ?').bind(owner.userId).run()
    const page = await (await call((await requestLink(owner)).path)).text()
    expect(page).toContain('Olivia Owner')
    expect(page).not.toContain(owner.email)
  })
})
