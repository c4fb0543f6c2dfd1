import { env } from 'cloudflare:workers'
import { submit } from './dashboard-helpers'
import { describe, expect, it } from 'vitest'
import { PASSWORD_CHANGE_PER_USER } from '../src/services/rate-limits'
import { call, form, freezeAtWindowStart, sessionCookieFrom, signUpOwner } from './helpers'

const PASSWORD = 'correct horse battery'
const NEW_PASSWORD = 'purple elephant on a unicycle'
type Owner = { cookie: string; email: string }

const authed = async (cookie: string) => (await call('/api/v1/connections', { cookie })).status
const logIn = (email: string, password: string) => call('/api/v1/auth/login', { method: 'POST', json: { email, password } })
const change = (owner: Owner, body: unknown) => call('/api/v1/auth/password', { method: 'POST', cookie: owner.cookie, json: body })

async function secondSession(owner: Owner): Promise<string> {
  const response = await logIn(owner.email, PASSWORD)
  expect(response.status).toBe(200)
  return sessionCookieFrom(response)
}

async function issues(response: Response): Promise<{ path: string; message: string }[]> {
  return (await response.json<{ error: { issues: { path: string; message: string }[] } }>()).error.issues
}

describe('password change', () => {
  it('needs the current password, keeps this session, ends the others; the new password works, the old one no longer', async () => {
    const owner = await signUpOwner()
    const other = await secondSession(owner)
    const minted = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'CI' } })
    const { token } = await minted.json<{ token: string }>()

    const wrong = await change(owner, { currentPassword: 'not my password', newPassword: NEW_PASSWORD })
    expect(wrong.status).toBe(400)
    expect(await issues(wrong)).toEqual([{ path: 'currentPassword', message: 'The current password is not right.' }])
    expect(await authed(other)).toBe(200)

    expect((await change(owner, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204)
    expect(await authed(owner.cookie)).toBe(200)
    expect(await authed(other)).toBe(401)
    expect((await call('/api/v1/connections', { bearer: token })).status).toBe(200)
    expect((await logIn(owner.email, PASSWORD)).status).toBe(401)
    expect((await logIn(owner.email, NEW_PASSWORD)).status).toBe(200)
  })

  it('applies the password policy to the new password, with the reason, and refuses the current one again', async () => {
    const owner = await signUpOwner()
    const cases: [string, RegExp][] = [
      ['short pass', /at least 12 characters/],
      ['aaaaaaaaaaaa', /repeats one character/],
      ['123456789012', /simple run/],
      ['qwertyuiopas', /simple run/],
      ['1qaz2wsx3edc', /10,000 most common/],
      [PASSWORD, /not the current one/],
    ]
    for (const [newPassword, reason] of cases) {
      const response = await change(owner, { currentPassword: PASSWORD, newPassword })
      expect(response.status, newPassword).toBe(400)
      const [issue] = await issues(response)
      expect(issue?.path, newPassword).toBe('newPassword')
      expect(issue?.message, newPassword).toMatch(reason)
    }
    expect((await logIn(owner.email, PASSWORD)).status).toBe(200)
  })

  it('is refused to an API token, and limited per user', async () => {
    const owner = await signUpOwner()
    const minted = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'CI' } })
    const { token } = await minted.json<{ token: string }>()
    const withToken = await call('/api/v1/auth/password', {
      method: 'POST',
      bearer: token,
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    })
    expect(withToken.status).toBe(403)
    // The window is fixed to the wall clock: all the guesses must fall in one.
    freezeAtWindowStart(PASSWORD_CHANGE_PER_USER.windowMs)
    for (let i = 0; i < PASSWORD_CHANGE_PER_USER.limit; i++) {
      expect((await change(owner, { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD })).status).toBe(400)
    }
    const limited = await change(owner, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('works from the Settings form: post, redirect, a fixed notice; errors come back on the form, never the values', async () => {
    const owner = await signUpOwner()
    const other = await secondSession(owner)
    const settings = await (await call('/settings', { cookie: owner.cookie })).text()
    expect(settings).toContain('action="/settings/password"')
    expect(settings).toMatch(/name="newPassword"[^>]*minlength="12"|minlength="12"[^>]*name="newPassword"/)
    expect(settings).toContain('10,000 most common passwords')

    const post = (fields: Record<string, string>) => call('/settings/password', { ...form(fields), cookie: owner.cookie })
    // Refusals redirect too: the Settings page shows the reason once, and its reload posts nothing.
    const refused = (fields: Record<string, string>) => submit('/settings/password', fields, owner.cookie)
    const mismatch = await refused({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: 'something else entirely' })
    expect(mismatch.status).toBe(400)
    const mismatchHtml = await mismatch.text()
    expect(mismatchHtml).toContain('The two new passwords differ.')
    expect(mismatchHtml).not.toContain(NEW_PASSWORD)
    expect(mismatchHtml).not.toContain(PASSWORD)

    const common = await refused({ currentPassword: PASSWORD, newPassword: 'qwerty123456', confirmPassword: 'qwerty123456' })
    expect(common.status).toBe(400)
    expect(await common.text()).toContain('one of the 10,000 most common passwords')

    const wrong = await refused({ currentPassword: 'not my password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('The current password is not right.')

    const done = await post({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/settings?notice=password-changed')
    expect(await (await call('/settings?notice=password-changed', { cookie: owner.cookie })).text()).toContain('Password changed.')
    expect(await (await call('/settings?notice=%3Cscript%3E', { cookie: owner.cookie })).text()).not.toContain('Password changed.')
    expect(await authed(other)).toBe(401)
    expect(await authed(owner.cookie)).toBe(200)
  })

  it('stores the new password hashed, never as typed', async () => {
    const owner = await signUpOwner()
    expect((await change(owner, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204)
    const row = await env.DB.prepare('SELECT password_hash AS v FROM users WHERE email = ?').bind(owner.email).first<string>('v')
    expect(row).toMatch(/^pbkdf2-sha256\$/)
    expect(row).not.toContain(NEW_PASSWORD)
  })
})
