import { preAuthorizeFieldsOf } from '../apps/metadata'
import { appEndpoints } from '../apps/context'
import type { Config } from '../config'
import type { Context } from 'hono'
import type { VNode } from 'preact'
import type { AppDefinition } from '../apps/types'
import type { AppError } from '../domain/errors'
import { FALLBACK_TIME_ZONE } from '../domain/format-time'
import { NOTICE_VALUES_MAX } from '../domain/limits'
import type { Locale } from '../domain/locales'
import { setNoticeCookie } from '../http/client-note-cookies'
import type { AppEnv } from '../http/context'
import { clientLocale } from '../http/locale'
import { clientErrorMessage, clientFieldErrors } from '../i18n/client-errors'
import { type FormNotice, sealNotice } from '../services/client-notes'
import type { Deps } from '../services/deps'
import { type OpenLink, requireOpenLink } from '../services/open-link'
import { appWording } from '../views/pages/connect/access'
import { renderPage } from '../views/render'
import { fieldErrorsOf } from './pages/forms'

/** An open link's pages in the client's language, and the refusals shown on its key form. */

/** The language of an open link's pages: the client's choice, else the owner's for the link, else the browser's. */
export const linkLocale = (c: Context<AppEnv>, open: OpenLink): Locale => clientLocale(c, open.link.locale)

/** How a finished link's outcome page keeps the owner's choices: language, brand, and where the client goes back to. */
export const ownerChoice = (open: OpenLink) => ({
  ...(open.link.locale ? { locale: open.link.locale } : {}),
  ...(open.link.brand ? { brand: open.link.brand } : {}),
  ...(open.link.returnUrl ? { returnTo: { url: open.link.returnUrl, connectionId: open.connection.id } } : {}),
})

/** A client page of an open link, in its language and its owner's brand. */
export const renderLinkPage = (c: Context<AppEnv>, open: OpenLink, page: VNode) =>
  renderPage(page, FALLBACK_TIME_ZONE, linkLocale(c, open), open.link.brand)

/** OAuth apps' accept form redirects to the provider, which CSP form-action must allow (each app's, on a list of several). */
export function allowProviderRedirect(c: Context<AppEnv>, deps: Deps, app: AppDefinition): void {
  const allowed = providerFormAction(deps.config, app, c.req.url)
  if (allowed) c.set('formActionOrigins', [...(c.get('formActionOrigins') ?? []), allowed])
}

/** The CSP source an OAuth app's authorize URL needs; a typed host part (https://{shop}.myshopify.com) becomes a wildcard. */
export function providerFormAction(config: Config, app: AppDefinition, requestUrl: string): string | null {
  const authorizeUrl = app.authType === 'oauth2' ? appEndpoints(config, app).authorizeUrl : undefined
  if (!authorizeUrl) return null
  // A relative URL (the demo provider) is sent from PUBLIC_URL, or else from this page's own origin.
  const base = config.publicUrl ?? new URL(requestUrl).origin
  const origin = new URL(authorizeUrl.replace(/\{[A-Za-z0-9_]+\}/g, 'x'), base).origin
  return authorizeUrl.includes('{') ? origin.replace('://x.', '://*.') : origin
}

/** What the client typed that may be shown again: never a secret field, and only while it fits in a cookie. */
function keptValues(app: AppDefinition, values: Record<string, unknown>): Record<string, string> {
  const fields = [...app.fields, ...preAuthorizeFieldsOf(app)]
  const kept = Object.fromEntries(fields.filter((f) => !f.secret).map((f) => [f.key, String(values[f.key] ?? '')]))
  return JSON.stringify(kept).length <= NOTICE_VALUES_MAX ? kept : {}
}

/** The refusal (or the wait) to show once on the form the browser is sent back to; secrets are never kept. */
export async function refusalNotice(
  c: Context<AppEnv>,
  deps: Deps,
  token: string,
  values: Record<string, unknown>,
  error: AppError,
  wait: boolean,
) {
  const open = await requireOpenLink(deps, token, Date.now())
  const locale = linkLocale(c, open)
  const wording = appWording(open.app, locale)
  const message = clientErrorMessage(locale, error, wording)
  const kept = keptValues(open.app, values)
  const notice: FormNotice = wait
    ? { kind: 'too_many', message, values: kept, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) }
    : { kind: 'refused', message, errors: clientFieldErrors(locale, error, wording, fieldErrorsOf(error)), values: kept }
  setNoticeCookie(c, await sealNotice(deps, open.link.tokenHash, notice, Date.now()))
}

/** The status the form answers with while it shows the post's refusal (a wait: 429 and Retry-After); its reload is a plain 200. */
export function noticeStatus(response: Response, notice: FormNotice | null): Response {
  if (notice?.kind !== 'too_many') return response
  if (notice.retryAfterSeconds) response.headers.set('Retry-After', String(notice.retryAfterSeconds))
  return response
}
