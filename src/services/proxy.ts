import { getApp } from '../apps'
import { forwardWithCredentials, type ProxyRequest, type ProxyResponse } from '../apps/proxy-call'
import type { AppDefinition } from '../apps/types'
import type { ConnectionRow } from '../db/connections'
import { openProxyGate } from '../db/proxy'
import { AppError, type ErrorCode } from '../domain/errors'
import { PROXY_CALLS_PER_CONNECTION_PER_MINUTE, PROXY_CALLS_PER_WORKSPACE_PER_MINUTE } from '../domain/limits'
import { auditedPath } from '../domain/proxy-path'
import { retryAfterSeconds, windowStartOf } from '../domain/rate-limit'
import { LAST_USED_EVERY_MS, lastUseIsStale, scopeAllows } from '../domain/token-scope'
import { hashToken } from '../domain/tokens'
import type { Deps } from './deps'
import { newEvent } from './events'
import { auditProxyCall } from './proxy-audit'
import { credentialsForStep } from './workflows/step-credentials'

export type { ProxyRequest, ProxyResponse }

const MINUTE = 60_000

/**
 * Why the proxy will not use this connection, or null. The one hook for connection states: a new state that
 * makes a connection unusable (the `health` checks' needs-reconnect badge) answers here with its own code.
 */
export function proxyHold(connection: ConnectionRow): { code: ErrorCode; message: string } | null {
  if (connection.status === 'pending')
    return { code: 'connection_pending', message: `The connection "${connection.name}" is waiting for the client to connect it.` }
  if (connection.status === 'rejected')
    return { code: 'connection_rejected', message: `The client rejected the connection "${connection.name}".` }
  if (connection.status === 'revoked')
    return { code: 'connection_revoked', message: `The client revoked the access of the connection "${connection.name}".` }
  if (connection.needsReconnect)
    return { code: 'needs_reconnect', message: `The connection "${connection.name}" stopped working: the client must reconnect it.` }
  return null
}

export interface ProxyCall {
  /** The caller's Tether API token, as sent. */
  token: string
  connectionId: string
  request: ProxyRequest
}

/**
 * `later` receives the audit, to run after the answer has gone (waitUntil): it enqueues the event, so the gate is the
 * call's one D1 round trip unless an OAuth token had to be refreshed first.
 */
export async function proxyWithToken(
  deps: Deps,
  call: ProxyCall,
  now: number,
  later: (work: Promise<void>) => void,
): Promise<ProxyResponse> {
  const gate = await openProxyGate(deps.db, await hashToken(call.token), call.connectionId, windowStartOf(now, MINUTE), now)
  if (!gate.caller) throw new AppError('unauthorized', 'The API token is invalid, expired or revoked.')
  const token = gate.caller
  if (!scopeAllows(token.scope, call.request.method)) {
    throw new AppError('insufficient_scope', 'This API token is read-only: through the proxy it may only GET. Use a write token.')
  }
  const connection = gate.connection
  if (!connection) throw new AppError('not_found', 'Connection not found.')
  const retryAfter = Math.max(
    overLimit(gate.connectionCount, PROXY_CALLS_PER_CONNECTION_PER_MINUTE, now),
    overLimit(gate.workspaceCount, PROXY_CALLS_PER_WORKSPACE_PER_MINUTE, now),
  )
  if (retryAfter > 0) {
    throw new AppError('rate_limited', `Too many proxied calls. Try again in ${retryAfter} seconds.`, undefined, retryAfter)
  }
  const hold = proxyHold(connection)
  if (hold) throw new AppError(hold.code, hold.message)
  const app = getApp(connection.appId)
  if (!app) throw new AppError('app_unavailable', 'This connection’s app is no longer available.')

  const touch = lastUseIsStale(token.lastUsedAt, now) ? { tokenId: token.tokenId, now, everyMs: LAST_USED_EVERY_MS } : null
  const started = deps.clock()
  const audit = (status: number | null) => {
    const { method, path, search } = call.request
    const detail = { method, path: auditedPath(path, search), status, durationMs: Math.max(0, deps.clock() - started) }
    const event = newEvent({
      workspaceId: connection.workspaceId,
      connectionId: connection.id,
      type: 'proxy_call',
      actor: 'owner',
      at: now,
      detail,
    })
    return auditProxyCall(deps, { event, touch }).catch((error) => console.error('proxy audit', String(error)))
  }
  let response: ProxyResponse
  try {
    response = await forwardThroughConnection(deps, app, connection, call.request, now)
  } catch (error) {
    later(audit(error instanceof AppError ? error.status : null))
    throw error
  }
  later(response.done.then(() => audit(response.status)))
  return response
}

/** Loads (and refreshes when about to expire) the connection's credentials, then forwards: the API-request step's path too. */
export async function forwardThroughConnection(
  deps: Deps,
  app: AppDefinition,
  connection: ConnectionRow,
  request: ProxyRequest,
  now: number,
): Promise<ProxyResponse> {
  const ctx = deps.appContext(app)
  const { credentials, secrets } = await credentialsForStep(deps, app, ctx, connection, now)
  return forwardWithCredentials(app, ctx, credentials, request, secrets)
}

function overLimit(counter: { count: number; windowStart: number } | undefined, limit: number, now: number): number {
  return counter && counter.count > limit ? retryAfterSeconds(counter.windowStart, MINUTE, now) : 0
}
