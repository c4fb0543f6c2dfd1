import { Hono } from 'hono'
import { idParam } from '../../api-schemas/common'
import { PROXY_METHODS, type ProxyMethod } from '../../apps/proxy-call'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { validate } from '../../http/validate'
import { proxyWithToken } from '../../services/proxy'

/** Bodies that must not have one (the runtime refuses to build such a response). */
const NULL_BODY_STATUSES = new Set([204, 205, 304])

/**
 * `/api/v1/connections/:id/proxy/<path>` with a Tether API token: the service decides everything (docs/PROXY.md).
 * Mounted before the connections API so its session-or-token middleware and the app-wide 64 KB body limit do not
 * apply: the proxy authenticates tokens in its own single D1 batch and streams bodies under its own cap.
 */
const PROXY_PREFIX = String.raw`\/api\/v1\/connections\/[^/?#]+\/proxy`
export const PROXY_PATH = new RegExp(String.raw`^${PROXY_PREFIX}(?:\/|$)`)
/** The same URLs told from the raw request URL, before anything parses it (src/index.ts sends them to the proxy's app). */
export const PROXY_URL = new RegExp(String.raw`^https?:\/\/[^/?#]+${PROXY_PREFIX}(?:[/?#]|$)`)

export const proxyApi = new Hono<AppEnv>().on([...PROXY_METHODS], '/:id/proxy/*', validate('param', idParam), async (c) => {
  const { id } = c.req.valid('param')
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')
  if (!match) throw new AppError('unauthorized', 'The proxy takes a Tether API token: send it as Authorization: Bearer <token>.')
  const url = new URL(c.req.url)
  const prefix = `/api/v1/connections/${id}/proxy`
  const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : null
  if (path === null) throw new AppError('invalid_request', 'The proxied path is not valid.')
  const length = c.req.header('content-length')
  const upstream = await proxyWithToken(
    depsFor(c),
    {
      token: match[1]!,
      connectionId: id,
      request: {
        method: c.req.method as ProxyMethod,
        path,
        search: url.search,
        headers: c.req.raw.headers,
        body: c.req.raw.body,
        contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
      },
    },
    Date.now(),
    (work) => c.executionCtx.waitUntil(work),
  )
  if (NULL_BODY_STATUSES.has(upstream.status)) {
    await upstream.body?.cancel()
    return new Response(null, { status: upstream.status, headers: upstream.headers })
  }
  return new Response(upstream.body, { status: upstream.status, headers: upstream.headers })
})
