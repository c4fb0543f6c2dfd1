import { Hono } from 'hono'
import * as z from 'zod'
import { emailRequestSchema } from '../../api-schemas/auth'
import { newPassword } from '../../api-schemas/password'
import { AppError } from '../../domain/errors'
import { clientIp } from '../../http/client-ip'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { privatePage } from '../../http/security-headers'
import { normalizeEmail } from '../../services/accounts'
import { checkResetLink, completePasswordReset, requestPasswordReset, resendVerification, verifyEmail } from '../../services/email-links'
import { EmailLinkProblemPage, ForgotPasswordPage, NewPasswordPage } from '../../views/pages/dashboard/account-email'
import { renderPage } from '../../views/render'
import { PASSWORD_RULE } from '../../domain/password-policy'
import { formPage, HOME, isRateLimited, refuseForm, showSentEmail, showUnverified, signIn } from './auth'
import { parseForm, readForm } from './forms'

const emailMessages = { email: 'Enter your email.' }
const newPasswordSchema = z.object({ password: newPassword })

/** A link that no longer works gets a page saying why (410), never an error page. */
function linkProblem(error: unknown, title: string) {
  if (!(error instanceof AppError) || error.code !== 'link_invalid') throw error
  return renderPage(<EmailLinkProblemPage title={title} message={error.message} />)
}

/** The emailed links and the forms that send them. Their tokens travel in the path: never cached, never in a Referer. */
export const accountEmailPages = new Hono<AppEnv>()
  .use('/verify-email/*', privatePage)
  .use('/forgot-password', privatePage)
  .use('/reset-password/*', privatePage)
  .get('/verify-email/:token', async (c) => {
    try {
      const user = await verifyEmail(depsFor(c), c.req.param('token'), Date.now())
      return await signIn(c, user.id, HOME)
    } catch (error) {
      return c.html(linkProblem(error, 'This link no longer works'), 410)
    }
  })
  .post('/verify-email/resend', async (c) => {
    const form = await readForm(c)
    const parsed = parseForm(emailRequestSchema, { email: form.email ?? '' }, emailMessages)
    if (!parsed.ok) return c.redirect('/login', 303)
    const email = normalizeEmail(parsed.data.email)
    try {
      await resendVerification(depsFor(c), email, { now: Date.now(), ip: clientIp(c) })
    } catch (error) {
      if (isRateLimited(error)) return showUnverified(c, { email, error: error.message }, 429, error)
      throw error
    }
    return showSentEmail(c, { email, purpose: 'verify' })
  })
  .get('/forgot-password', (c) => formPage(c, (state) => <ForgotPasswordPage state={state} />))
  .post('/forgot-password', async (c) => {
    const form = await readForm(c)
    const values = { email: form.email ?? '' }
    const parsed = parseForm(emailRequestSchema, values, emailMessages)
    if (!parsed.ok) return refuseForm(c, '/forgot-password', { values, errors: parsed.errors }, 400)
    try {
      await requestPasswordReset(depsFor(c), parsed.data.email, { now: Date.now(), ip: clientIp(c) })
    } catch (error) {
      if (isRateLimited(error)) return refuseForm(c, '/forgot-password', { values, error: error.message }, 429, error)
      throw error
    }
    return showSentEmail(c, { email: normalizeEmail(parsed.data.email), purpose: 'reset' })
  })
  .get('/reset-password/:token', async (c) => {
    const token = c.req.param('token')
    try {
      await checkResetLink(depsFor(c), token, Date.now())
    } catch (error) {
      return c.html(linkProblem(error, 'This reset link no longer works'), 410)
    }
    return formPage(c, (state) => <NewPasswordPage token={token} passwordHelp={PASSWORD_RULE} state={state} />)
  })
  .post('/reset-password/:token', async (c) => {
    const token = c.req.param('token')
    const form = await readForm(c)
    const parsed = parseForm(newPasswordSchema, { password: form.password ?? '' })
    if (!parsed.ok) return refuseForm(c, `/reset-password/${encodeURIComponent(token)}`, { errors: parsed.errors }, 400)
    try {
      const user = await completePasswordReset(depsFor(c), token, parsed.data.password, Date.now())
      return await signIn(c, user.id, HOME)
    } catch (error) {
      return c.html(linkProblem(error, 'This reset link no longer works'), 410)
    }
  })
