import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { AppError } from '../domain/errors'
import { FALLBACK_TIME_ZONE } from '../domain/format-time'
import { TimeZoneContext } from './components/time'
import { ErrorPage } from './pages/error'
import { InvalidLinkPage, LinkLockedPage } from './pages/connect/outcomes'

/** `timeZone` is the viewer's (the route resolves it): every time on the page is shown in it. */
export function renderPage(page: VNode, timeZone = FALLBACK_TIME_ZONE): string {
  return `<!doctype html>${renderToString(<TimeZoneContext.Provider value={timeZone}>{page}</TimeZoneContext.Provider>)}`
}

let invalidLinkHtml: string | undefined

/** Every unusable link gets the same page, so it is rendered once per isolate. */
export function renderInvalidLinkPage(): string {
  invalidLinkHtml ??= renderPage(<InvalidLinkPage />)
  return invalidLinkHtml
}

/** The public flow's errors have pages of their own; everything else gets the generic one. */
export function renderErrorPage(error: AppError): string {
  if (error.code === 'link_invalid') return renderInvalidLinkPage()
  if (error.code === 'link_locked') return renderPage(<LinkLockedPage message={error.message} />)
  return renderPage(<ErrorPage code={error.code} message={error.message} />)
}
