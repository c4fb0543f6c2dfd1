import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { AppError } from '../domain/errors'
import { ErrorPage } from './pages/error'

export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`
}

export function renderErrorPage(error: AppError): string {
  return renderPage(<ErrorPage code={error.code} message={error.message} />)
}
