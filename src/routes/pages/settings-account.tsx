import { Hono } from 'hono'
import * as z from 'zod'
import { passwordChangeSchema } from '../../api-schemas/password'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { clearSessionCookie, sessionToken } from '../../http/owner-auth'
import { redirectWithFlash } from '../../http/form-flash'
import { changePassword } from '../../services/passwords'
import { endEverySession } from '../../services/sessions'
import { fieldErrorsOf, parseForm, readForm } from './forms'

const passwordForm = passwordChangeSchema
  .extend({ confirmPassword: z.string().min(1, 'Type the new password again.') })
  .refine((form) => form.confirmPassword === form.newPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })

const passwordMessages = { currentPassword: 'Enter your current password.' }

/** Settings › Change password and Log out everywhere; mounted at /settings behind requireOwnerPage. */
export const accountSettingsPages = new Hono<AppEnv>()
  .post('/password', async (c) => {
    const form = await readForm(c)
    const fields = {
      currentPassword: form.currentPassword ?? '',
      newPassword: form.newPassword ?? '',
      confirmPassword: form.confirmPassword ?? '',
    }
    const parsed = parseForm(passwordForm, fields, passwordMessages)
    // Password fields are never echoed back: the form comes back empty, with what was wrong.
    if (!parsed.ok) return redirectWithFlash(c, '/settings', 'password', { errors: parsed.errors }, 400)
    try {
      await changePassword(depsFor(c).db, c.get('owner'), parsed.data, sessionToken(c), Date.now())
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid_request', 'rate_limited', 'conflict'].includes(error.code)) throw error
      const passwordState = error.code === 'invalid_request' ? { errors: fieldErrorsOf(error) } : { error: error.message }
      return redirectWithFlash(c, '/settings', 'password', passwordState, error.status, error)
    }
    // Post, then redirect: a reload changes nothing, and the notice is a fixed name, not text.
    return c.redirect('/settings?notice=password-changed', 303)
  })
  .post('/sessions/revoke', async (c) => {
    await endEverySession(depsFor(c).db, c.get('owner').userId)
    clearSessionCookie(c)
    return c.redirect('/login', 303)
  })
