import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { AppError } from '../domain/errors'
import { ErrorPage } from './pages/error'
import { InvalidLinkPage, LinkLockedPage } from './pages/connect/outcomes'

export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`
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
