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
import { flashed, peekFlash, redirectWithFlash, takeFlash } from '../../http/form-flash'
import type { FormState } from '../../views/pages/dashboard/types'

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

/** A signed-out form's page, with the refusal it was redirected with (its status, its Retry-After). */
export async function formPage(c: Context<AppEnv>, page: (state: FormState | undefined) => VNode): Promise<Response> {
  const flash = await takeFlash<FormState>(c)
  return flashed(c.html(renderPage(page(flash?.state)), (flash?.status ?? 200) as 200), flash)
}

/** Back to the form's page, which shows what was wrong (a wait: in words and in Retry-After). */
export const refuseForm = (c: Context<AppEnv>, to: string, state: FormState, status: number, error?: AppError) =>
  redirectWithFlash(c, to, 'form', state, status, error)

export interface SentEmail {
  email: string
  purpose: 'verify' | 'reset'
}

/** Post, then redirect, after an email was sent: the page names the address for as long as its cookie lives. */
export const showSentEmail = (c: Context<AppEnv>, sent: SentEmail) => redirectWithFlash(c, '/check-email', 'sent', sent, 200)

export interface Unverified {
  email: string
  error?: string
}

export const showUnverified = (c: Context<AppEnv>, state: Unverified, status: number, error?: AppError) =>
  redirectWithFlash(c, '/login/unverified', 'unverified', state, status, error)

const withNext = (path: string, next: string | null) => (next ? `${path}?next=${encodeURIComponent(next)}` : path)

export const authPages = new Hono<AppEnv>()
  // Passwords are typed here: never keep a copy of these pages in a cache.
  .use('/login', privatePage)
  .use('/signup', privatePage)
  .use('/login/*', privatePage)
  .use('/check-email', privatePage)
  .get('/', async (c) => c.redirect((await optionalOwner(c)) ? HOME : '/login', 303))
  .get('/signup', async (c) => {
    const next = safeNext(c.req.query('next'))
    if (await optionalOwner(c)) return c.redirect(next ?? HOME, 303)
    return formPage(c, (state) => <SignupPage next={next} state={state} />)
  })
  .post('/signup', async (c) => {
    const next = safeNext(c.req.query('next'))
    const form = await readForm(c)
    const values = { name: form.name ?? '', email: form.email ?? '' }
    const parsed = parseForm(signupSchema, { ...values, password: form.password ?? '' }, signupMessages)
    if (!parsed.ok) return refuseForm(c, withNext('/signup', next), { values, errors: parsed.errors }, 400)
    try {
      await signUp(depsFor(c), parsed.data, { now: Date.now(), ip: clientIp(c) })
    } catch (error) {
      if (isRateLimited(error)) return refuseForm(c, withNext('/signup', next), { values, error: error.message }, 429, error)
      throw error
    }
    return showSentEmail(c, { email: normalizeEmail(parsed.data.email), purpose: 'verify' })
  })
  .get('/check-email', async (c) => {
    const flash = await peekFlash<SentEmail>(c)
    if (flash?.form !== 'sent') return c.redirect('/login', 303)
    return c.html(renderPage(<CheckEmailPage email={flash.state.email} purpose={flash.state.purpose} />))
  })
  .get('/login', async (c) => {
    const next = safeNext(c.req.query('next'))
    if (await optionalOwner(c)) return c.redirect(next ?? HOME, 303)
    return formPage(c, (state) => <LoginPage next={next} state={state} />)
  })
  .get('/login/unverified', async (c) => {
    const flash = await peekFlash<Unverified>(c)
    if (flash?.form !== 'unverified') return c.redirect('/login', 303)
    return flashed(c.html(renderPage(<UnverifiedPage {...flash.state} />), flash.status as 200), flash)
  })
  .post('/login', async (c) => {
    const next = safeNext(c.req.query('next'))
    const form = await readForm(c)
    const values = { email: form.email ?? '' }
    const parsed = parseForm(loginFormSchema, { ...values, password: form.password ?? '' }, loginMessages)
    if (!parsed.ok) return refuseForm(c, withNext('/login', next), { values, errors: parsed.errors }, 400)
    try {
      const { db, keyring } = depsFor(c)
      const now = Date.now()
      const user = await logIn(db, parsed.data, { now, ip: clientIp(c), device: await deviceOf(c, keyring, now) })
      await trustThisDevice(c, keyring, user.email, now)
      return await signIn(c, user.id, next)
    } catch (error) {
      if (isRateLimited(error)) return refuseForm(c, withNext('/login', next), { values, error: error.message }, 429, error)
      if (error instanceof AppError && error.code === 'email_unverified') {
        return showUnverified(c, { email: normalizeEmail(parsed.data.email) }, 403)
      }
      if (!(error instanceof AppError) || error.code !== 'unauthorized') throw error
      return refuseForm(c, withNext('/login', next), { values, error: error.message }, 401)
    }
  })
  .post('/logout', async (c) => {
    const token = sessionToken(c)
    if (token) await endSession(depsFor(c).db, token)
    clearSessionCookie(c)
    return c.redirect('/login', 303)
  })
