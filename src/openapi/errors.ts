import * as z from 'zod'
import { errorEnvelope } from '../api-schemas/common'
import type { ErrorCode } from '../domain/errors'
import type { NamedBody, Operation, ResponseSpec, SharedErrorName } from './types'

const errorExample = (code: ErrorCode, message: string, issues?: { path: string; message: string }[]) => ({
  error: { code, message, ...(issues ? { issues } : {}) },
})

const TOO_SHORT = 'Too small: expected string to have >=1 characters'

export const errorBody = (example: unknown): NamedBody => ({ name: 'Error', schema: errorEnvelope, example })

/** A 4xx answer of one operation: the error envelope with an example of its code. */
export function errorResponse(description: string, code: ErrorCode, message: string): ResponseSpec {
  return { description, body: errorBody(errorExample(code, message)) }
}

export const sharedErrors: Record<SharedErrorName, { status: number } & ResponseSpec> = {
  InvalidRequest: {
    status: 400,
    description: '`invalid_request`: the body or a parameter does not match the schema; `issues` names each field.',
    body: errorBody(errorExample('invalid_request', `Invalid name: ${TOO_SHORT}`, [{ path: 'name', message: TOO_SHORT }])),
  },
  Unauthorized: {
    status: 401,
    description: '`unauthorized`: no session cookie or API token, or the token is invalid.',
    body: errorBody(errorExample('unauthorized', 'Sign in or send an API token.')),
  },
  CrossSite: {
    status: 403,
    description: '`forbidden`: a browser sent this request from another site (CSRF check on every unsafe method).',
    body: errorBody(errorExample('forbidden', 'Cross-site request refused.')),
  },
  CrossSiteOrScope: {
    status: 403,
    description:
      '`insufficient_scope`: a read-only API token on anything but GET; `forbidden`: a browser sent this request from another site.',
    body: errorBody(errorExample('insufficient_scope', 'This API token is read-only: it may only GET. Create a write token for changes.')),
  },
  NotFound: {
    status: 404,
    description: '`not_found`: nothing with this id in the caller’s workspace.',
    body: errorBody(errorExample('not_found', 'Connection not found.')),
  },
  PayloadTooLarge: {
    status: 413,
    description: '`payload_too_large`: the body is over 64 KiB.',
    body: errorBody(errorExample('payload_too_large', 'The request body is too large.')),
  },
  RateLimited: {
    status: 429,
    description:
      '`rate_limited`: too many attempts (for new links, 100 an hour per workspace; for credential checks with an app, ' +
      '20 refused an hour and 200 in all a day per workspace, counted before the app is asked, so the right key is refused too); ' +
      'retry after the number of seconds in `Retry-After`.',
    body: errorBody(errorExample('rate_limited', 'Too many attempts. Try again in 15 minutes.')),
    headers: { 'Retry-After': { description: 'Seconds until the next attempt is counted.', schema: z.int().min(1) } },
  },
}

/** A workspace quota (src/domain/limits.ts) refused the new row; `message` names it. */
export function quotaResponse(what: string, message: string): ResponseSpec {
  return errorResponse(`\`quota_exceeded\`: ${what}; nothing was created.`, 'quota_exceeded', message)
}

const UNSAFE_METHODS: ReadonlySet<Operation['method']> = new Set(['post', 'put', 'patch', 'delete'])

/**
 * Answers app-wide middleware gives on top of what an operation declares: the owner check (401),
 * the CSRF check and a read-only token's scope (403), and the body limit (413), on every unsafe method.
 */
export function responsesOf(operation: Operation): Record<number, ResponseSpec | SharedErrorName> {
  const implied: Record<number, SharedErrorName> = {}
  if (operation.auth === 'owner') implied[401] = 'Unauthorized'
  if (UNSAFE_METHODS.has(operation.method)) {
    Object.assign(implied, { 403: operation.auth === 'owner' ? 'CrossSiteOrScope' : 'CrossSite', 413: 'PayloadTooLarge' })
  }
  return { ...implied, ...operation.responses }
}

export function resolveResponse(response: ResponseSpec | SharedErrorName): ResponseSpec {
  return typeof response === 'string' ? sharedErrors[response] : response
}
