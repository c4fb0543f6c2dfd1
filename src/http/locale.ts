import type { Context, MiddlewareHandler } from 'hono'
import { setCookie } from 'hono/cookie'
import { parse } from 'hono/utils/cookie'
import { isLocale, type Locale, localeFromAcceptLanguage } from '../domain/locales'
import type { AppEnv } from './context'
import { isSecureTransport } from './owner-auth'

/** The language the client picked from the menu; only the client pages read it. */
const LANGUAGE_COOKIE = 'tether_lang'
const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600

/**
 * The client pages' language: the client's own choice from the menu, then the owner's choice for the link, then the
 * browser's Accept-Language, then English. The client's explicit choice wins: they are the one who has to read it.
 * Pages that know no link (the invalid-link page) pass no owner choice, so they never tell one link from another.
 */
export function clientLocale(c: Context<AppEnv>, ownerLocale: Locale | null = null): Locale {
  return clientLocaleOf(c.req.raw, ownerLocale)
}

export function clientLocaleOf(request: Request, ownerLocale: Locale | null = null): Locale {
  const cookie = request.headers.get('cookie')
  const chosen = cookie ? parse(cookie, LANGUAGE_COOKIE)[LANGUAGE_COOKIE] : undefined
  if (isLocale(chosen)) return chosen
  return ownerLocale ?? localeFromAcceptLanguage(request.headers.get('accept-language') ?? undefined)
}

/**
 * The language menu's links are plain `?lang=xx` GETs, so it works without JavaScript: the choice is kept in a cookie
 * and the browser is sent back to the same page without the parameter (an unknown language only drops it).
 */
export const languageChoice: MiddlewareHandler<AppEnv> = async (c, next) => {
  const lang = c.req.method === 'GET' ? c.req.query('lang') : undefined
  if (lang === undefined) return next()
  if (isLocale(lang)) {
    setCookie(c, LANGUAGE_COOKIE, lang, {
      httpOnly: true,
      sameSite: 'Lax',
      // Each kind of client page keeps its own choice: the link's pages, or the management page.
      path: new URL(c.req.url).pathname.startsWith('/manage/') ? '/manage' : '/connect',
      maxAge: LANGUAGE_COOKIE_SECONDS,
      secure: isSecureTransport(c),
    })
  }
  return c.redirect(new URL(c.req.url).pathname, 303)
}
