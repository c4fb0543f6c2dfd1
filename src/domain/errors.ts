/** Every failure the app reports carries one of these codes; HTTP mapping lives in one place. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  /** An API token whose scope does not cover the request (a read token on a write). */
  insufficient_scope: 403,
  /** Right password, but the address was never confirmed: the answer offers to send the link again. */
  email_unverified: 403,
  not_found: 404,
  conflict: 409,
  quota_exceeded: 409,
  /** A refresh verified another upstream account than the connection's, and no change was allowed. */
  account_mismatch: 409,
  /** The credential proxy refuses connections it cannot use: waiting for the client, rejected by them, or broken. */
  connection_pending: 409,
  connection_rejected: 409,
  needs_reconnect: 409,
  /** The client revoked the access from their management page: the credentials are deleted until they connect again. */
  connection_revoked: 409,
  link_invalid: 410,
  payload_too_large: 413,
  invalid_credentials: 422,
  invalid_credential_value: 422,
  connection_not_ready: 422,
  app_unavailable: 422,
  upstream_error: 422,
  link_locked: 423,
  rate_limited: 429,
  internal_error: 500,
  misconfigured: 500,
  /** The run queue would not take the run: nothing was left half-started, the caller may send it again. */
  queue_unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}
