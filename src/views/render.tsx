import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { AppError } from '../domain/errors'
import { FALLBACK_TIME_ZONE } from '../domain/format-time'
import { DEFAULT_LOCALE, type Locale } from '../domain/locales'
import { clientErrorMessage } from '../i18n/client-errors'
import type { LinkBrand } from '../domain/brand'
import { BrandContext } from './brand'
import { TimeZoneContext } from './components/time'
import { LocaleContext } from './locale'
import { ErrorPage } from './pages/error'
import { InvalidLinkPage, LinkLockedPage } from './pages/connect/outcomes'

/**
 * `timeZone` is the viewer's and `locale` the page's language (the route resolves both), `brand` the link's owner's on a
 * client page: the page reads them from context.
 */
export function renderPage(
  page: VNode,
  timeZone = FALLBACK_TIME_ZONE,
  locale: Locale = DEFAULT_LOCALE,
  brand: LinkBrand | null = null,
): string {
  return `<!doctype html>${renderToString(
    <LocaleContext.Provider value={locale}>
      <TimeZoneContext.Provider value={timeZone}>
        <BrandContext.Provider value={brand}>{page}</BrandContext.Provider>
      </TimeZoneContext.Provider>
    </LocaleContext.Provider>,
  )}`
}

const invalidLinkHtml = new Map<Locale, string>()

/** Every unusable link gets the same page in a language, so it is rendered once per language and isolate. */
export function renderInvalidLinkPage(locale: Locale = DEFAULT_LOCALE): string {
  let html = invalidLinkHtml.get(locale)
  if (html === undefined) {
    html = renderPage(<InvalidLinkPage />, FALLBACK_TIME_ZONE, locale)
    invalidLinkHtml.set(locale, html)
  }
  return html
}

/**
 * The public flow's errors have pages of their own; everything else gets the generic one. A client page passes the
 * client's language, and the page then offers the language menu; elsewhere (the dashboard) it stays English.
 */
export function renderErrorPage(error: AppError, clientLocale?: Locale): string {
  const locale = clientLocale ?? DEFAULT_LOCALE
  if (error.code === 'link_invalid') return renderInvalidLinkPage(locale)
  const message = clientLocale ? clientErrorMessage(clientLocale, error, null) : error.message
  if (error.code === 'link_locked') return renderPage(<LinkLockedPage message={message} />, FALLBACK_TIME_ZONE, locale)
  return renderPage(<ErrorPage code={error.code} message={message} languages={clientLocale !== undefined} />, FALLBACK_TIME_ZONE, locale)
}
