import { Hono, type Context } from 'hono'
import type { VNode } from 'preact'
import * as z from 'zod'
import { EMAIL_MAX, PASSWORD_MAX } from '../../domain/limits'
import { depsFor } from '../../http/deps'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { clientIp } from '../../http/client-ip'
import { deviceOf, trustThisDevice } from '../../http/device-cookie'
import { clearSessionCookie, optionalOwner, sessionToken, setSessionCookie } from '../../http/owner-auth'
import { privatePage } from '../../http/security-headers'
import { logIn, normalizeEmail, signUp } from '../../services/accounts'
import { endSession, startSession } from '../../services/sessions'
import { CheckEmailPage, UnverifiedPage } from '../../views/pages/dashboard/account-email'
import { renderPage } from '../../views/render'
import { LoginPage, SignupPage } from '../../views/pages/dashboard/auth'
import { loginSchema, signupSchema } from '../../api-schemas/auth'
import { parseForm, readForm, safeNext } from './forms'

export const HOME = '/connections'

/** The password's own messages say which rule it broke (src/api-schemas/password.ts). */
const signupMessages = {
  name: 'Enter your name.',
  email: 'Enter a valid email address, like you@agency.com.',
}

const loginFormSchema = loginSchema.extend({
  email: z.string().trim().min(1).max(EMAIL_MAX),
  password: z.string().min(1).max(PASSWORD_MAX),
})
const loginMessages = { email: 'Enter your email.', password: 'Enter your password.' }

export async function signIn(c: Context<AppEnv>, userId: string, next: string | null): Promise<Response> {
  setSessionCookie(c, (await startSession(depsFor(c).db, userId, Date.now())).token)
  return c.redirect(next ?? HOME, 303)
}

export const isRateLimited = (error: unknown): error is AppError => error instanceof AppError && error.code === 'rate_limited'

/** The form again, with the wait in words and in Retry-After. */
export function tooManyAttempts(c: Context<AppEnv>, error: AppError, page: VNode): Response {
  c.header('Retry-After', String(error.retryAfterSeconds ?? 60))
  return c.html(renderPage(page), 429)
}

export const authPages = new Hono<AppEnv>()
  // Passwords are typed here: never keep a copy of these pages in a cache.
  .use('/login', privatePage)
  .use('/signup', privatePage)
  .get('/', async (c) => c.redirect((await optionalOwner(c)) ? HOME : '/login', 303))
  .get('/signup', async (c) => {
    const next = safeNext(c.req.query('next'))
    if (await optionalOwner(c)) return c.redirect(next ?? HOME, 303)
    return c.html(renderPage(<SignupPage next={next} />))
  })
  .post('/signup', async (c) => {
    const next = safeNext(c.req.query('next'))
    const form = await readForm(c)
    const values = { name: form.name ?? '', email: form.email ?? '' }
    const parsed = parseForm(signupSchema, { ...values, password: form.password ?? '' }, signupMessages)
    if (!parsed.ok) return c.html(renderPage(<SignupPage next={next} state={{ values, errors: parsed.errors }} />), 400)
    try {
      await signUp(depsFor(c), parsed.data, { now: Date.now(), ip: clientIp(c) })
    } catch (error) {
      if (isRateLimited(error)) return tooManyAttempts(c, error, <SignupPage next={next} state={{ values, error: error.message }} />)
      throw error
    }
    return c.html(renderPage(<CheckEmailPage email={normalizeEmail(parsed.data.email)} purpose="verify" />))
  })
  .get('/login', async (c) => {
    const next = safeNext(c.req.query('next'))
    if (await optionalOwner(c)) return c.redirect(next ?? HOME, 303)
    return c.html(renderPage(<LoginPage next={next} />))
  })
  .post('/login', async (c) => {
    const next = safeNext(c.req.query('next'))
    const form = await readForm(c)
    const values = { email: form.email ?? '' }
    const parsed = parseForm(loginFormSchema, { ...values, password: form.password ?? '' }, loginMessages)
    if (!parsed.ok) return c.html(renderPage(<LoginPage next={next} state={{ values, errors: parsed.errors }} />), 400)
    try {
      const { db, keyring } = depsFor(c)
      const now = Date.now()
      const user = await logIn(db, parsed.data, { now, ip: clientIp(c), device: await deviceOf(c, keyring, now) })
      await trustThisDevice(c, keyring, user.email, now)
      return await signIn(c, user.id, next)
    } catch (error) {
      if (isRateLimited(error)) return tooManyAttempts(c, error, <LoginPage next={next} state={{ values, error: error.message }} />)
      if (error instanceof AppError && error.code === 'email_unverified') {
        return c.html(renderPage(<UnverifiedPage email={normalizeEmail(parsed.data.email)} />), 403)
      }
      if (!(error instanceof AppError) || error.code !== 'unauthorized') throw error
      return c.html(renderPage(<LoginPage next={next} state={{ values, error: error.message }} />), 401)
    }
  })
  .post('/logout', async (c) => {
    const token = sessionToken(c)
    if (token) await endSession(depsFor(c).db, token)
    clearSessionCookie(c)
    return c.redirect('/login', 303)
  })
