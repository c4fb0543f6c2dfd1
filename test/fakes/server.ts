import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { apiKeyAppRoutes } from './api-key-apps.ts'
import { authModeRoutes } from './auth-modes.ts'
import { metadataAppRoutes } from './metadata-apps.ts'
import { oauthApiRoutes } from './oauth-apis.ts'
import { oauthProviderRoutes } from './oauth-providers.ts'
import { programmableRoutes } from './programmable.ts'
import { proxyEchoRoutes } from './proxy-echo.ts'
import { type FakeRequest, HANG, json, type Reply, type Route } from './reply.ts'
import { webhookReceiverRoutes } from './webhook-receiver.ts'

/** One request as the fake received it, for tests to assert what Tether sent. */
export interface RecordedRequest {
  seq: number
  method: string
  /** Path with query string. */
  path: string
  headers: Record<string, string>
  body: string
}

const routes: Route[] = [
  ...proxyEchoRoutes,
  ...apiKeyAppRoutes,
  ...authModeRoutes,
  ...metadataAppRoutes,
  ...oauthProviderRoutes,
  ...oauthApiRoutes,
  ...webhookReceiverRoutes,
  ...programmableRoutes,
]
/** A hanging request is cut after this, so a test run can always end. */
const HANG_LIMIT_MS = 10_000

/**
 * Real HTTP servers standing in for third-party apps (started in Node by vitest.config.ts).
 * `GET /__requests?since=<seq>` lists what they received after `seq` as {requests, last};
 * `POST /__reset` forgets everything recorded so far.
 */
export async function startFakes(): Promise<{ url: string; endpoints: Record<string, Record<string, string>> }> {
  const recorded: RecordedRequest[] = []
  let seq = 0

  const server = createServer(async (incoming, response) => {
    const body = await readBody(incoming)
    const url = new URL(incoming.url ?? '/', 'http://fake')
    if (url.pathname === '/__requests' && incoming.method === 'GET') {
      const since = Number(url.searchParams.get('since') ?? 0)
      return send(response, json(200, { requests: recorded.filter((entry) => entry.seq > since), last: seq }))
    }
    if (url.pathname === '/__reset' && incoming.method === 'POST') {
      recorded.length = 0
      return send(response, { status: 204 })
    }
    const headers = headersOf(incoming)
    recorded.push({ seq: ++seq, method: incoming.method ?? 'GET', path: url.pathname + url.search, headers, body })
    const request: FakeRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body, origin }
    send(response, dispatch(request))
  })
  // Keep-alive and hanging connections must not keep the test process alive.
  server.on('connection', (socket) => socket.unref())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url: origin, endpoints: endpointsFor(origin) }
}

function dispatch(request: FakeRequest): Reply {
  for (const route of routes) {
    if (route.method !== request.method) continue
    const match = route.path.exec(request.path)
    if (match)
      return route.handle(
        request,
        match.slice(1).map((part) => part ?? ''),
      )
  }
  return json(404, { error: 'not_found', path: request.path })
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply === HANG) {
    setTimeout(() => response.destroy(), HANG_LIMIT_MS).unref()
    return
  }
  const answer = () => {
    const body = reply.body ?? ''
    // As most APIs answer a small JSON body: with its length (writeHead without one would make Node send chunks).
    const declared = Object.keys(reply.headers ?? {}).some((name) => /^(content-length|transfer-encoding)$/i.test(name))
    response.writeHead(reply.status, declared ? reply.headers : { ...reply.headers, 'content-length': String(Buffer.byteLength(body)) })
    response.end(body)
  }
  if (reply.afterMs) setTimeout(answer, reply.afterMs).unref()
  else answer()
}

function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** APP_ENDPOINTS for the tests. WordPress has none: the client types their site URL (`${url}/wp`). */
function endpointsFor(url: string): Record<string, Record<string, string>> {
  const google = {
    authorizeUrl: `${url}/google/auth`,
    tokenUrl: `${url}/google/token`,
    userinfoUrl: `${url}/google/userinfo`,
    revokeUrl: `${url}/google/revoke`,
  }
  return {
    'google-docs': { ...google, apiBaseUrl: `${url}/google-docs` },
    'google-sheets': { ...google, apiBaseUrl: `${url}/google-sheets` },
    gmail: { ...google, apiBaseUrl: `${url}/gmail` },
    slack: {
      authorizeUrl: `${url}/slack/oauth/v2/authorize`,
      tokenUrl: `${url}/slack/api/oauth.v2.access`,
      revokeUrl: `${url}/slack/api/auth.revoke`,
      apiBaseUrl: `${url}/slack/api`,
    },
    'facebook-pages': {
      authorizeUrl: `${url}/facebook/dialog/oauth`,
      tokenUrl: `${url}/facebook/v21.0/oauth/access_token`,
      apiBaseUrl: `${url}/facebook/v21.0`,
    },
    clickup: { apiBaseUrl: url },
    mailchimp: { apiBaseUrl: `${url}/3.0` },
    // Salesforce's API base comes from the token answer's instance_url; ActiveCampaign's from the client's API URL.
    salesforce: {
      authorizeUrl: `${url}/salesforce/services/oauth2/authorize`,
      tokenUrl: `${url}/salesforce/services/oauth2/token`,
      userinfoUrl: `${url}/salesforce/services/oauth2/userinfo`,
      revokeUrl: `${url}/salesforce/services/oauth2/revoke`,
    },
    jira: { apiBaseUrl: `${url}/jira/{site}` },
    freshdesk: { apiBaseUrl: `${url}/freshdesk/{domain}/api/v2` },
    trello: { apiBaseUrl: `${url}/trello/1` },
    'jira-cloud': {
      authorizeUrl: `${url}/atlassian/authorize`,
      tokenUrl: `${url}/atlassian/oauth/token`,
      resourcesUrl: `${url}/atlassian/oauth/token/accessible-resources`,
      apiBaseUrl: `${url}/atlassian/ex/jira/{cloudId}`,
    },
    xero: {
      authorizeUrl: `${url}/xero/identity/connect/authorize`,
      tokenUrl: `${url}/xero/connect/token`,
      revokeUrl: `${url}/xero/connect/revocation`,
      resourcesUrl: `${url}/xero/connections`,
      apiBaseUrl: `${url}/xero/api.xro/2.0`,
    },
    shopify: {
      authorizeUrl: `${url}/shopify/{shop}/admin/oauth/authorize`,
      tokenUrl: `${url}/shopify/{shop}/admin/oauth/access_token`,
      apiBaseUrl: `${url}/shopify/{shop}/admin/api/2025-01`,
    },
    'zoom-server-to-server': { tokenUrl: `${url}/zoom-s2s/oauth/token`, apiBaseUrl: `${url}/zoom-s2s/v2` },
    'zoho-crm': { authorizeUrl: `${url}/zoho/oauth/v2/auth`, tokenUrl: `${url}/zoho/oauth/v2/token` },
  }
}
