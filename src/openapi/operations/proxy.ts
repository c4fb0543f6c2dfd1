import { proxyParams } from '../../api-schemas/proxy'
import { PROXY_BODY_MAX, PROXY_CALLS_PER_CONNECTION_PER_MINUTE, PROXY_CALLS_PER_WORKSPACE_PER_MINUTE } from '../../domain/limits'
import { errorResponse, sharedErrors } from '../errors'
import type { HttpMethod, Operation, ResponseSpec } from '../types'

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete']

const description =
  'Forwards the request to the connection’s app: its API base (from the app definition, never from the request) + `path` + the ' +
  'query, with the connection’s credentials added the way the app authenticates (Bearer, Basic, a header or query key; OAuth ' +
  'tokens refreshed first when about to expire). Only an API token is accepted (`Authorization: Bearer tth_…`); a `read` token may ' +
  `only GET. The body streams through (at most ${PROXY_BODY_MAX} bytes), with only these request headers: accept, accept-language, ` +
  'content-type, content-language, if-match, if-none-match, if-modified-since, if-unmodified-since, idempotency-key, prefer, range. ' +
  'The app’s status and body come back, scrubbed of the credentials, with its headers minus cookies, auth headers and hop-by-hop ' +
  'headers. Each call is recorded in the connection’s events (method, path, query parameter names, status, duration). See docs/PROXY.md.'

const tooLarge: ResponseSpec = errorResponse(
  `\`payload_too_large\`: the body is over ${PROXY_BODY_MAX} bytes; nothing is sent.`,
  'payload_too_large',
  `The request body is larger than the proxy's limit of ${PROXY_BODY_MAX} bytes.`,
)

export const proxyOperations: Operation[] = METHODS.map((method) => proxyOperation(method))

function proxyOperation(method: HttpMethod): Operation {
  const operation: Operation = {
    operationId: `proxy${method[0]!.toUpperCase()}${method.slice(1)}`,
    method,
    path: '/api/v1/connections/:id/proxy/*',
    summary: `${method.toUpperCase()} any endpoint of the connection’s app, credentials injected`,
    description,
    tag: 'connections',
    auth: 'owner',
    params: proxyParams,
    responses: {
      200: {
        description: 'The app’s answer, passed through: any status it gives (2xx, 3xx not followed, 4xx, 5xx), its body and safe headers.',
      },
      204: { description: 'The app answered 204 No Content: passed through as it is.' },
      400: 'InvalidRequest',
      404: 'NotFound',
      409: errorResponse(
        '`connection_pending` (the client has not connected it yet), `connection_rejected` (the client rejected it), ' +
          '`needs_reconnect` (its credentials stopped working) or `connection_revoked` (the client revoked the access): nothing is sent.',
        'connection_pending',
        'The connection "Client ClickUp" is waiting for the client to connect it.',
      ),
      422: errorResponse(
        '`upstream_error` (the app could not be reached or did not answer in time), `invalid_credentials` (an expired OAuth token ' +
          'could not be refreshed), `app_unavailable` (the app cannot be proxied or is not configured).',
        'upstream_error',
        'ClickUp did not answer in time.',
      ),
      429: {
        body: sharedErrors.RateLimited.body,
        headers: sharedErrors.RateLimited.headers,
        description:
          `\`rate_limited\`: more than ${PROXY_CALLS_PER_CONNECTION_PER_MINUTE} proxied calls a minute on this connection, or ` +
          `${PROXY_CALLS_PER_WORKSPACE_PER_MINUTE} in the workspace; retry after \`Retry-After\` seconds. Nothing is sent.`,
      },
    },
  }
  if (method !== 'get') operation.responses[413] = tooLarge
  return operation
}
