import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppError } from '../domain/errors'
import { type FormFlash, FORM_FLASH_LIFETIME_MS, openFlash, sealFlash } from '../services/form-flash'
import type { AppEnv } from './context'
import { depsFor } from './deps'
import { isSecureTransport } from './owner-auth'

export type { FormFlash }

/**
 * Post, then redirect, for refusals too: the refused form's state rides a sealed, HttpOnly,
 * minutes-long cookie scoped to the page that shows it, which takes it in the same answer. A reload
 * or Back then shows the plain page and never posts again.
 */
const FLASH = 'tether_form'

/** Signed-out forms (sign-up, login, reset) are bound to their page instead of an owner. */
const subjectOf = (c: Context<AppEnv>, path: string) => c.get('owner')?.userId ?? `page:${path}`

/** Browsers keep about 4 KB per cookie: past this, the typed values are dropped and only what was wrong is kept. */
const FLASH_COOKIE_MAX = 3600

const withoutValues = <S>(state: S): S => (state && typeof state === 'object' && 'values' in state ? { ...state, values: {} } : state)

export async function redirectWithFlash<S>(c: Context<AppEnv>, to: string, form: string, state: S, status: number, error?: AppError) {
  const path = new URL(to, c.req.url).pathname
  const seal = (kept: S) => {
    const flash: FormFlash<S> = {
      form,
      state: kept,
      status,
      ...(error?.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    }
    return sealFlash(depsFor(c), subjectOf(c, path), flash, Date.now())
  }
  let value = await seal(state)
  if (value.length > FLASH_COOKIE_MAX) value = await seal(withoutValues(state))
  setCookie(c, FLASH, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path,
    secure: isSecureTransport(c),
    maxAge: FORM_FLASH_LIFETIME_MS / 1000,
  })
  return c.redirect(to, 303)
}

/** The refusal this page was redirected with, if any; read once. */
export async function takeFlash<S>(c: Context<AppEnv>): Promise<FormFlash<S> | null> {
  const value = getCookie(c, FLASH)
  if (value === undefined) return null
  const path = new URL(c.req.url).pathname
  deleteCookie(c, FLASH, { path, secure: isSecureTransport(c) })
  return (await openFlash(depsFor(c), value, subjectOf(c, path), Date.now())) as FormFlash<S> | null
}

/**
 * Kept, not taken: for pages that stand for a finished post ("check your email"), so a reload or Back
 * shows them again until the cookie expires.
 */
export async function peekFlash<S>(c: Context<AppEnv>): Promise<FormFlash<S> | null> {
  const value = getCookie(c, FLASH)
  if (value === undefined) return null
  return (await openFlash(depsFor(c), value, subjectOf(c, new URL(c.req.url).pathname), Date.now())) as FormFlash<S> | null
}

/** The state of one form of the page, when the flash is for it. */
export const flashFor = <S>(flash: FormFlash<unknown> | null, form: string): S | undefined =>
  flash?.form === form ? (flash.state as S) : undefined

/** The page answers with the refusal's status (and Retry-After) while it shows it; its reload is a plain 200. */
export function flashed(response: Response, flash: FormFlash<unknown> | null): Response {
  if (flash?.retryAfterSeconds) response.headers.set('Retry-After', String(flash.retryAfterSeconds))
  return response
}
