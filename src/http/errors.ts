import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError } from '../domain/errors'
import { ConfigError } from '../config'
import { KeyringError } from '../domain/crypto'
import type { AppEnv } from './context'
import { renderErrorPage } from '../views/render'
import { clientLocale } from './locale'

/** Anything thrown that is not an AppError becomes one here, and only here. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('payload_too_large', 'The request body is too large.')
    if (error.status === 401) return new AppError('unauthorized', 'Sign in or send an API token.')
    return new AppError('invalid_request', error.message || 'The request is invalid.')
  }
  if (error instanceof ConfigError || error instanceof KeyringError) {
    console.error(`configuration error: ${error.message}`)
    return new AppError('internal_error', 'Tether is not configured correctly.')
  }
  console.error('unexpected error', error instanceof Error ? error.name : 'unknown', stackFrames(error))
  return new AppError('internal_error', 'Something went wrong on our side. Please try again.')
}

/**
 * Where it was thrown, without what it says: runtime messages quote the values they choke on (a
 * header value, a slice of unparsable JSON), and those can be credentials.
 */
function stackFrames(error: unknown): string {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : ''
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n')
}

/** Codes whose `details` name the fields at fault, sent as `issues`. */
const FIELD_ERROR_CODES: ReadonlySet<string> = new Set(['invalid_request', 'invalid_credential_value', 'app_unavailable'])

export function wantsJson(c: Context): boolean {
  const path = new URL(c.req.url).pathname
  return path.startsWith('/api/') || path.startsWith('/hooks/')
}

export function errorJson(c: Context, error: AppError): Response {
  const body: { error: { code: string; message: string; issues?: unknown } } = {
    error: { code: error.code, message: error.message },
  }
  if (FIELD_ERROR_CODES.has(error.code) && error.details !== undefined) body.error.issues = error.details
  const response = c.json(body, error.status as 400)
  if (error.retryAfterSeconds) response.headers.set('Retry-After', String(error.retryAfterSeconds))
  return response
}

/** The pages a link's recipient sees; they speak the client's language. */
const isClientPage = (c: Context) => /^\/(connect|manage)\//.test(new URL(c.req.url).pathname)

export const handleError: ErrorHandler<AppEnv> = (thrown, c) => {
  const error = toAppError(thrown)
  if (error.code === 'misconfigured') console.error(`configuration error: ${error.message}`)
  if (wantsJson(c)) return errorJson(c, error)
  const response = c.html(renderErrorPage(error, isClientPage(c) ? clientLocale(c) : undefined), error.status as 400)
  if (error.code === 'link_invalid' || error.code === 'link_locked') {
    response.headers.set('Cache-Control', 'no-store')
    response.headers.set('Referrer-Policy', 'no-referrer')
  }
  if (error.retryAfterSeconds) response.headers.set('Retry-After', String(error.retryAfterSeconds))
  return response
}

const CREDENTIAL_FORM_ERRORS: ReadonlySet<string> = new Set([
  'invalid_credentials',
  'account_mismatch',
  'invalid_credential_value',
  'invalid_request',
  'upstream_error',
])

/** Wrong, missing or unverifiable credentials re-show their form with the message (never a 5xx). */
export function isCredentialFormError(error: unknown): error is AppError {
  return error instanceof AppError && CREDENTIAL_FORM_ERRORS.has(error.code)
}

/** A workspace quota or the hourly count of new links: the form says so where it was posted (never an error page). */
export function isQuotaError(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'quota_exceeded' || error.code === 'rate_limited')
}

/** A re-shown form answers with the error's status, and its Retry-After if it has one. */
export function withErrorStatus(response: Response, error: AppError): Response {
  if (error.retryAfterSeconds) response.headers.set('Retry-After', String(error.retryAfterSeconds))
  return response
}
