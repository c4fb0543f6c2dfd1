import type { Reply, Route } from './reply.ts'

/**
 * Any app's API, as the credential proxy sees it: `<base>/__echo…` answers with what it received, the
 * Authorization header and the query included (an upstream that echoes credentials), and with headers
 * the proxy must never pass on. `<base>/__status/<n>` answers status n.
 */
function echo(request: Parameters<Route['handle']>[0]): Reply {
  const status = /\/__status\/(\d{3})$/.exec(request.path)?.[1]
  if (status) return { status: Number(status), headers: { 'content-type': 'application/json' }, body: Number(status) === 204 ? '' : '{}' }
  return {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'set-cookie': 'session=upstream-session; Path=/',
      'www-authenticate': 'Bearer realm="fake"',
      'x-api-token': 'upstream-token-header',
      connection: 'x-hop-secret',
      'x-hop-secret': 'hop',
      'x-request-id': 'req-123',
      etag: '"v1"',
    },
    body: JSON.stringify({
      method: request.method,
      path: request.path,
      query: Object.fromEntries(request.query),
      authorization: request.headers.authorization ?? null,
      forwarded: {
        cookie: request.headers.cookie ?? null,
        accept: request.headers.accept ?? null,
        other: request.headers['x-other'] ?? null,
      },
      body: request.body,
    }),
  }
}

export const proxyEchoRoutes: Route[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].flatMap((method) => [
  { method, path: /^(.*)\/__status\/\d{3}$/, handle: echo },
  { method, path: /^(.*)\/__echo(\/.*)?$/, handle: echo },
])
