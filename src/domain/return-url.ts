import { AppError } from './errors'
import { RETURN_URL_MAX } from './limits'
import { checkAppUrl } from './url-policy'

/**
 * Where the outcome page sends the client back to the owner. The client follows it in their own browser, so the
 * owner's site must be public https: the same URL policy as app URLs, never loopback, no credentials in it.
 */
export function checkReturnUrl(raw: string): string {
  if (raw.length > RETURN_URL_MAX) throw new AppError('invalid_request', `The return address is longer than ${RETURN_URL_MAX} characters.`)
  const url = checkAppUrl(raw, { allowLoopback: false })
  if (url.href.length > RETURN_URL_MAX)
    throw new AppError('invalid_request', `The return address is longer than ${RETURN_URL_MAX} characters.`)
  return url.href
}

export type ReturnStatus = 'connected' | 'rejected'

/** The return URL with `connection` and `status` set (any of the owner's own query parameters kept, these replaced). */
export function backUrl(returnUrl: string, connectionId: string, status: ReturnStatus): string {
  const url = new URL(returnUrl)
  url.searchParams.set('connection', connectionId)
  url.searchParams.set('status', status)
  return url.href
}
