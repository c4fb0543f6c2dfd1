import { AppError } from '../domain/errors'
import { accessTokenOf } from './fields'
import { bearer, type CallInit, type CallOptions, callJson } from './http'
import type { AppContext, Credentials } from './types'

/** A call to `path` under the app's API base, with the headers that authenticate the connection. */
export function callApi(ctx: AppContext, auth: Record<string, string>, path: string, init: CallInit = {}, options?: CallOptions) {
  const headers = { ...(init.headers as Record<string, string> | undefined), ...auth }
  return callJson(ctx, `${ctx.endpoints.apiBaseUrl}${path}`, { ...init, headers }, options)
}

/** An OAuth connection's access token as a Bearer header. */
export function tokenAuth(credentials: Credentials): Record<string, string> {
  return { authorization: bearer(accessTokenOf(credentials)) }
}

/** A workflow input placed in a URL path: encoded, and never `.` or `..`, which would climb to another endpoint. */
export function pathSegment(value: string, label: string): string {
  if (/^\.+$/.test(value)) throw new AppError('invalid_request', `${label} is not valid.`)
  return encodeURIComponent(value)
}
