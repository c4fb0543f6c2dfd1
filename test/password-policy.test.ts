import { env } from 'cloudflare:workers'
import { submit } from './dashboard-helpers'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../src/domain/password'
import { call, signUpOwner } from './helpers'

const signUp = (password: string) =>
  call('/api/v1/auth/signup', {
    method: 'POST',
    json: { email: `policy-${crypto.randomUUID().slice(0, 8)}@agency.test`, password, name: 'Pat' },
  })

const REFUSED: [string, RegExp][] = [
  ['aaaaaaaaaa', /at least 12 characters/],
  ['aaaaaaaaaaaa', /repeats one character or a short pattern/],
  ['123456789012', /simple run of letters, digits or keys/],
  ['abcdefghijkl', /simple run of letters, digits or keys/],
  ['qwertyuiopas', /simple run of letters, digits or keys/],
  ['QwErTy123456', /one of the 10,000 most common passwords/],
]

describe('the password policy where a password is set', () => {
  it('refuses each kind of weak password at sign-up with the reason', async () => {
    for (const [password, reason] of REFUSED) {
      const response = await signUp(password)
      expect(response.status, password).toBe(400)
      const { error } = await response.json<{ error: { issues: { path: string; message: string }[] } }>()
      expect(error.issues, password).toEqual([{ path: 'password', message: expect.stringMatching(reason) }])
    }
    expect((await signUp('correct horse battery')).status).toBe(202)
  })

  it('says the reason on the sign-up form, which shows the rule and checks the length in the browser too', async () => {
    const page = await (await call('/signup')).text()
    expect(page).toMatch(/minlength="12"/)
    expect(page).toContain('10,000 most common passwords')
    const email = `policy-form-${crypto.randomUUID().slice(0, 8)}@agency.test`
    const response = await submit('/signup', { name: 'Pat', email, password: '1qaz2wsx3edc' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('This password is one of the 10,000 most common passwords.')
  })

  it('still lets an account log in with a weaker password set before the policy', async () => {
    const owner = await signUpOwner()
    await env.DB.prepare('UPDATE users SET password_hash = ? WHERE id = ?')
      .bind(await hashPassword('aaaaaaaaaa'), owner.userId)
      .run()
    const response = await call('/api/v1/auth/login', { method: 'POST', json: { email: owner.email, password: 'aaaaaaaaaa' } })
    expect(response.status).toBe(200)
  })
})
