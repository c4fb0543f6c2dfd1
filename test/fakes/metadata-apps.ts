import { basicOf, bearerOf, bySecret, type FakeRequest, formBody, json, jsonBody, nextNumber, type Reply, type Route } from './reply.ts'
import { ATLASSIAN_CLIENT, CLOUD_IDS, MICROSOFT_TID, SHOPIFY_CLIENT, TENANT_IDS, XERO_CLIENT, ZOOM_S2S_CLIENT } from './metadata-values.ts'

/**
 * Providers whose connections keep non-secret metadata or buy their token, speaking their documented shapes: Atlassian
 * (a JSON token request, then accessible-resources → cloud id), Xero (GET /connections → tenant, sent as xero-tenant-id),
 * Zoom Server-to-Server (account_credentials), Microsoft (an id_token with `tid`), Notion (a JSON token request with
 * Basic client auth). The code (or the token made from it) chooses how many sites or tenants there are.
 */
const isJson = (request: FakeRequest) => (request.headers['content-type'] ?? '').startsWith('application/json')
const tokenOf = (prefix: string, request: FakeRequest) => {
  const token = bearerOf(request)
  return token?.startsWith(prefix) ? token : null
}

/** https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/: JSON in, the client in the body, rotation. */
function atlassianToken(request: FakeRequest): Reply {
  const body = jsonBody(request)
  if (!isJson(request) || body.client_id !== ATLASSIAN_CLIENT.id || body.client_secret !== ATLASSIAN_CLIENT.secret) {
    return json(401, { error: 'access_denied', error_description: 'Unauthorized' })
  }
  const grant = String(body.grant_type === 'refresh_token' ? body.refresh_token : body.code)
  return bySecret(
    grant,
    () =>
      json(200, {
        access_token: `atl-access-${grant}-${nextNumber()}`,
        refresh_token: `atl-refresh-good-${nextNumber()}`,
        expires_in: 3600,
        scope: 'read:jira-work write:jira-work read:jira-user read:me offline_access',
        token_type: 'Bearer',
      }),
    json(403, { error: 'invalid_grant', error_description: 'Unknown or invalid authorization code' }),
  )
}

function atlassianSites(request: FakeRequest): Reply {
  const token = tokenOf('atl-access-', request)
  return bySecret(token, () => {
    const count = token!.includes('no-sites') ? 0 : token!.includes('two-sites') ? 2 : 1
    return json(
      200,
      CLOUD_IDS.slice(0, count).map((id, index) => ({
        id,
        name: `Site ${index + 1}`,
        url: `https://team-${index + 1}.atlassian.net`,
        scopes: ['write:jira-work', 'read:jira-user', 'read:jira-work'],
        avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/flag.png',
      })),
    )
  })
}

/** .../rest/v3/api-group-myself/: the user, the same on every site. */
function jiraMyself(request: FakeRequest, [cloudId]: string[]): Reply {
  if (!CLOUD_IDS.includes(cloudId ?? '')) return json(404, { errorMessages: ['Site not found'] })
  return bySecret(tokenOf('atl-access-', request), () =>
    json(200, { accountId: '5b10a2844c20165700ede21g', emailAddress: 'mia@example.com', displayName: 'Mia Krystof', active: true }),
  )
}

/** https://developer.xero.com/documentation/guides/oauth2/auth-flow/: Basic client auth, form in, PKCE verifier sent. */
function xeroToken(request: FakeRequest): Reply {
  const client = basicOf(request)
  if (client?.user !== XERO_CLIENT.id || client.password !== XERO_CLIENT.secret) return json(400, { error: 'invalid_client' })
  const body = formBody(request)
  const grant = (body.get('grant_type') === 'refresh_token' ? body.get('refresh_token') : body.get('code')) ?? ''
  return bySecret(
    grant,
    () =>
      json(200, {
        access_token: `xero-access-${grant}-${nextNumber()}`,
        refresh_token: `xero-refresh-good-${nextNumber()}`,
        expires_in: 1800,
        token_type: 'Bearer',
        scope: 'openid profile email accounting.settings.read accounting.contacts offline_access',
      }),
    json(400, { error: 'invalid_grant' }),
  )
}

/** .../guides/oauth2/tenants/: one entry per organisation the sign-in connected. */
function xeroConnections(request: FakeRequest): Reply {
  const token = tokenOf('xero-access-', request)
  return bySecret(token, () => {
    const count = token!.includes('two-orgs') ? 2 : 1
    return json(
      200,
      TENANT_IDS.slice(0, count).map((tenantId, index) => ({
        id: `e1eede29-f875-4a5d-8470-17f6a29a88b${index}`,
        authEventId: 'd99ecdfe-391d-43d2-b834-17636ba90e8d',
        tenantId,
        tenantType: 'ORGANISATION',
        tenantName: index === 0 ? 'Maple Florists Ltd' : 'Demo Company (NZ)',
        createdDateUtc: '2019-07-09T23:40:30.1833130',
        updatedDateUtc: '2020-05-15T01:35:13.8491980',
      })),
    )
  })
}

/** .../api/accounting/organisation: the organisation the xero-tenant-id header names. */
function xeroOrganisation(request: FakeRequest): Reply {
  const index = TENANT_IDS.indexOf(request.headers['xero-tenant-id'] ?? '')
  if (index < 0) return json(403, { Title: 'Forbidden', Detail: 'AuthenticationUnsuccessful' })
  return bySecret(tokenOf('xero-access-', request), () =>
    json(200, {
      Organisations: [{ OrganisationID: `org-${TENANT_IDS[index]}`, Name: index === 0 ? 'Maple Florists Ltd' : 'Demo Company (NZ)' }],
    }),
  )
}

/** https://developers.zoom.us/docs/rooms/oauth/: account_credentials with Basic client auth; `short` secrets last 30 s. */
function zoomS2sToken(request: FakeRequest): Reply {
  const client = basicOf(request)
  const body = formBody(request)
  if (body.get('grant_type') !== 'account_credentials') return json(400, { reason: 'unsupported grant type', error: 'invalid_request' })
  if (client?.user !== ZOOM_S2S_CLIENT.id || body.get('account_id') !== ZOOM_S2S_CLIENT.account) {
    return json(400, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' })
  }
  return bySecret(
    client.password,
    () =>
      json(200, {
        access_token: `zoom-s2s-good-${nextNumber()}`,
        token_type: 'bearer',
        expires_in: client.password.includes('short') ? 30 : 3600,
        scope: 'user:read:admin meeting:write:admin',
        api_url: 'https://api.zoom.us',
      }),
    json(400, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' }),
  )
}

function zoomS2sMe(request: FakeRequest): Reply {
  return bySecret(tokenOf('zoom-s2s-', request), () =>
    json(200, { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'jchill@example.com', first_name: 'Jill', account_id: 'q6gBJVO5TzexKYTb_I2rpg' }),
  )
}

const base64Url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference: `tid` among the id token's claims. */
function microsoftToken(request: FakeRequest): Reply {
  const body = formBody(request)
  if (body.get('client_id') !== 'microsoft-client' || body.get('client_secret') !== 'microsoft-secret')
    return json(401, { error: 'invalid_client' })
  const withIdToken = (body.get('scope') ?? body.get('code') ?? '').includes('no-id-token') === false
  return bySecret(body.get('code') ?? body.get('refresh_token'), () =>
    json(200, {
      token_type: 'Bearer',
      scope: 'openid offline_access User.Read Mail.Send',
      expires_in: 3599,
      access_token: `ms-access-good-${nextNumber()}`,
      refresh_token: 'ms-refresh-good',
      ...(withIdToken && body.get('grant_type') === 'authorization_code'
        ? { id_token: `${base64Url({ alg: 'RS256', typ: 'JWT' })}.${base64Url({ tid: MICROSOFT_TID, oid: 'o-1', ver: '2.0' })}.c2ln` }
        : {}),
    }),
  )
}

/** https://developers.notion.com/reference/create-a-token: Basic client auth and a JSON body. */
function notionToken(request: FakeRequest): Reply {
  const client = basicOf(request)
  if (client?.user !== 'notion-client' || client.password !== 'notion-secret' || !isJson(request)) {
    return json(401, { error: 'invalid_client' })
  }
  return bySecret(String(jsonBody(request).code ?? ''), () =>
    json(200, {
      access_token: `secret_notion-good-${nextNumber()}`,
      token_type: 'bearer',
      bot_id: 'b3414d659-1224-5ty7-6ffr-cc9d8773drt601288f',
      workspace_name: 'Ada’s Notion',
      workspace_id: 'j565j4d7x3-2882-61bs-564a-jj9d9ui-c36hxfr7x',
      owner: { type: 'user', user: { object: 'user', id: 'u-1', name: 'Ada' } },
    }),
  )
}

/** https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant: per shop. */
function shopifyToken(request: FakeRequest, [shop]: string[]): Reply {
  const body = formBody(request)
  if (body.get('client_id') !== SHOPIFY_CLIENT.id || body.get('client_secret') !== SHOPIFY_CLIENT.secret) {
    return json(400, { error: 'invalid_request', error_description: 'Client credentials are invalid' })
  }
  return bySecret(body.get('code'), () =>
    json(200, { access_token: `shpat_good_${shop}_${nextNumber()}`, scope: 'read_products,read_orders' }),
  )
}

/** https://shopify.dev/docs/api/admin-rest/latest/resources/shop: the shop of the token in X-Shopify-Access-Token. */
function shopifyShop(request: FakeRequest, [shop]: string[]): Reply {
  const token = request.headers['x-shopify-access-token'] ?? ''
  if (!token.startsWith(`shpat_good_${shop}_`))
    return json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' })
  return json(200, {
    shop: {
      id: 548380009,
      name: `${shop} store`,
      email: 'owner@example.com',
      domain: `${shop}.example`,
      myshopify_domain: `${shop}.myshopify.com`,
    },
  })
}

export const metadataAppRoutes: Route[] = [
  { method: 'POST', path: /^\/shopify\/([^/]+)\/admin\/oauth\/access_token$/, handle: shopifyToken },
  { method: 'GET', path: /^\/shopify\/([^/]+)\/admin\/api\/2025-01\/shop\.json$/, handle: shopifyShop },
  { method: 'POST', path: /^\/atlassian\/oauth\/token$/, handle: atlassianToken },
  { method: 'GET', path: /^\/atlassian\/oauth\/token\/accessible-resources$/, handle: atlassianSites },
  { method: 'GET', path: /^\/atlassian\/ex\/jira\/([^/]+)\/rest\/api\/3\/myself$/, handle: jiraMyself },
  { method: 'POST', path: /^\/xero\/connect\/token$/, handle: xeroToken },
  { method: 'GET', path: /^\/xero\/connections$/, handle: xeroConnections },
  { method: 'GET', path: /^\/xero\/api\.xro\/2\.0\/Organisation$/, handle: xeroOrganisation },
  { method: 'POST', path: /^\/zoom-s2s\/oauth\/token$/, handle: zoomS2sToken },
  { method: 'GET', path: /^\/zoom-s2s\/v2\/users\/me$/, handle: zoomS2sMe },
  { method: 'POST', path: /^\/microsoft\/oauth2\/v2\.0\/token$/, handle: microsoftToken },
  { method: 'POST', path: /^\/notion\/v1\/oauth\/token$/, handle: notionToken },
]
