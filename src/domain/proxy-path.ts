import { AppError } from './errors'
import { PROXY_PATH_MAX } from './limits'

/**
 * The host of a proxied call comes only from the app definition; the caller picks a path under its API base.
 * Anything that could climb out of that base or change the host once joined or decoded upstream is refused
 * before a single byte leaves: dot segments, empty segments (`//host`), userinfo (`@`), backslashes, control
 * characters, and percent-encoded slashes, backslashes, dots, `@` and `%` (double encoding).
 */
const ENCODED_FORBIDDEN = /%(?:2f|5c|2e|40|25|[01][0-9a-f]|7f)/i
const MALFORMED_ESCAPE = /%(?![0-9a-f]{2})/i
// Printable ASCII only: the runtime has already percent-encoded anything else it received.
const UNSAFE_CHARACTER = /[^\x21-\x7e]|[\\@?#]/

export function checkProxyPath(path: string): string {
  const refuse = (reason: string) => new AppError('invalid_request', `The proxied path ${reason}.`, [{ path: 'path', message: reason }])
  if (path.length > PROXY_PATH_MAX) throw refuse(`is longer than ${PROXY_PATH_MAX} characters`)
  if (!path.startsWith('/')) throw refuse('must start with /')
  if (UNSAFE_CHARACTER.test(path)) throw refuse('contains a character that is not allowed (\\, @, control characters or spaces)')
  if (MALFORMED_ESCAPE.test(path) || ENCODED_FORBIDDEN.test(path)) throw refuse('contains an encoded slash, dot or other forbidden escape')
  const segments = path.slice(1).split('/')
  segments.forEach((segment, index) => {
    if (segment === '.' || segment === '..') throw refuse('contains a . or .. segment')
    if (segment === '' && index < segments.length - 1) throw refuse('contains an empty segment (//)')
  })
  return path
}

/**
 * The upstream URL: the app's API base, the checked path, the caller's query. Checked once more after parsing,
 * so a base ending oddly or a parser quirk can never move the call to another origin or outside the base path.
 */
export function proxyTargetUrl(apiBase: string, path: string, search: string): URL {
  const base = new URL(apiBase)
  const basePath = base.pathname.replace(/\/+$/, '')
  const target = new URL(`${base.origin}${basePath}${checkProxyPath(path)}`)
  if (target.origin !== base.origin || !target.pathname.startsWith(`${basePath}/`)) {
    throw new AppError('invalid_request', 'The proxied path leaves the app’s API.', [{ path: 'path', message: 'leaves the API' }])
  }
  target.search = search.startsWith('?') ? search.slice(1) : search
  return target
}

/** For the audit trail: the path and the names of the query parameters, never their values. */
export function auditedPath(path: string, search: string): string {
  const names = [...new URLSearchParams(search).keys()]
  return names.length === 0 ? path : `${path}?${[...new Set(names)].join('&')}`
}
