import { basicOf, bearerOf, bySecret, type FakeRequest, formBody, json, jsonBody, nextNumber, type Reply, type Route } from './reply.ts'

/**
 * Providers of the declared auth modes, speaking their documented paths and answer shapes: Salesforce (OAuth,
 * `instance_url` in the token answer), Jira and Freshdesk (Basic on a subdomain), ActiveCampaign (a header on the
 * client's own API URL), Trello (key and token in the query), and `/modes`, a configurable OAuth provider for the
 * engine's variants (form answers, rotation, client credentials). Secrets choose the behaviour as in bySecret.
 */
const SALESFORCE_CLIENT = { id: 'salesforce-client', secret: 'salesforce-secret' }
export const MODES_CLIENT = { id: 'modes-client', secret: 'modes-secret' }
export const CC_CLIENT = { id: 'cc-client', secret: 'cc-secret-good' }

function form(status: number, values: Record<string, string>): Reply {
  return { status, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values).toString() }
}

/** https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm: no expires_in; instance_url and id. */
function salesforceToken(request: FakeRequest): Reply {
  const body = formBody(request)
  if (body.get('client_id') !== SALESFORCE_CLIENT.id || body.get('client_secret') !== SALESFORCE_CLIENT.secret) {
    return json(401, { error: 'invalid_client', error_description: 'invalid client credentials' })
  }
  const grant = body.get('grant_type') === 'refresh_token' ? (body.get('refresh_token') ?? '') : (body.get('code') ?? '')
  const instanceUrl = grant.includes('metadata-host') ? 'http://169.254.169.254' : `${request.origin}/salesforce-org`
  return bySecret(
    grant,
    () =>
      json(200, {
        access_token: `00Dsf!access-good-${nextNumber()}`,
        ...(body.get('grant_type') === 'authorization_code' ? { refresh_token: 'sf-refresh-good' } : {}),
        signature: 'c2lnbmF0dXJl',
        scope: 'refresh_token api',
        instance_url: instanceUrl,
        id: 'https://login.salesforce.com/id/00Dxx0000001gPL/005xx000001Svq6',
        token_type: 'Bearer',
        issued_at: '1700000000000',
      }),
    json(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' }),
  )
}

/** https://www.zoho.com/crm/developer/docs/api/v2/access-refresh.html: client in the body, api_domain, no new refresh token. */
function zohoToken(request: FakeRequest): Reply {
  const body = formBody(request)
  if (body.get('client_id') !== 'zoho-client' || body.get('client_secret') !== 'zoho-secret') return json(200, { error: 'invalid_client' })
  const refreshing = body.get('grant_type') === 'refresh_token'
  return bySecret(
    refreshing ? body.get('refresh_token') : body.get('code'),
    () =>
      json(200, {
        access_token: `1000.zoho-access-good-${nextNumber()}`,
        ...(refreshing ? {} : { refresh_token: '1000.zoho-refresh-good' }),
        api_domain: `${request.origin}/zoho-api`,
        token_type: 'Bearer',
        expires_in: 3600,
      }),
    json(200, { error: 'invalid_code' }),
  )
}

const zohoTokenOf = (request: FakeRequest) => /^Zoho-oauthtoken (\S+)$/.exec(request.headers.authorization ?? '')?.[1]

/** `/modes/token`: `form` in the code answers form-encoded; `refresh-<n>` rotates; client_credentials for CC_CLIENT. */
function modesToken(request: FakeRequest): Reply {
  const body = formBody(request)
  const grantType = body.get('grant_type')
  const client = basicOf(request) ?? { user: body.get('client_id') ?? '', password: body.get('client_secret') ?? '' }
  if (grantType === 'client_credentials') {
    if (client.user !== CC_CLIENT.id) return json(401, { error: 'invalid_client' })
    return bySecret(
      client.password,
      () => json(200, { access_token: `cc-access-good-${nextNumber()}`, token_type: 'bearer', expires_in: 3600 }),
      json(401, { error: 'invalid_client' }),
    )
  }
  if (client.user !== MODES_CLIENT.id || client.password !== MODES_CLIENT.secret) return json(401, { error: 'invalid_client' })
  const answer = (values: Record<string, string>, asForm: boolean) => (asForm ? form(200, values) : json(200, values))
  if (grantType === 'authorization_code') {
    const code = body.get('code') ?? ''
    return bySecret(
      code,
      () =>
        answer(
          { access_token: `modes-access-good-${nextNumber()}`, refresh_token: 'refresh-1', expires_in: '3600', token_type: 'bearer' },
          code.includes('form'),
        ),
      json(400, { error: 'invalid_grant' }),
    )
  }
  const generation = /^refresh-(\d+)$/.exec(body.get('refresh_token') ?? '')?.[1]
  if (grantType === 'refresh_token' && generation) {
    return json(200, {
      access_token: `modes-access-good-${nextNumber()}`,
      refresh_token: `refresh-${Number(generation) + 1}`,
      expires_in: 3600,
    })
  }
  return json(400, { error: 'invalid_grant' })
}

export const authModeRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/salesforce\/services\/oauth2\/authorize$/,
    // A consenting user, for the workspace's own client only: straight back with a fresh code.
    handle: (request) => {
      const redirectUri = request.query.get('redirect_uri')
      if (!redirectUri || request.query.get('client_id') !== SALESFORCE_CLIENT.id) return json(400, { error: 'invalid_client_id' })
      const target = new URL(redirectUri)
      target.searchParams.set('code', `code-good-sf-${nextNumber()}`)
      target.searchParams.set('state', request.query.get('state') ?? '')
      return { status: 302, headers: { location: target.href }, body: '' }
    },
  },
  { method: 'POST', path: /^\/salesforce\/services\/oauth2\/token$/, handle: salesforceToken },
  {
    method: 'GET',
    path: /^\/salesforce\/services\/oauth2\/userinfo$/,
    handle: (request) =>
      bySecret(bearerOf(request), () =>
        json(200, {
          sub: 'https://login.salesforce.com/id/00Dxx0000001gPL/005xx000001Svq6',
          user_id: '005xx000001Svq6',
          organization_id: '00Dxx0000001gPL',
          preferred_username: 'sam@acme.example',
          name: 'Sam Seller',
          email: 'sam@acme.example',
          email_verified: true,
        }),
      ),
  },
  {
    method: 'POST',
    path: /^\/salesforce-org\/services\/data\/v62\.0\/sobjects\/Lead$/,
    handle: (request) =>
      bySecret(bearerOf(request), () =>
        jsonBody(request).LastName
          ? json(201, { id: `00Q${nextNumber()}`, success: true, errors: [] })
          : json(400, [{ errorCode: 'REQUIRED_FIELD_MISSING' }]),
      ),
  },
  {
    method: 'GET',
    path: /^\/jira\/([a-z0-9-]+)\/rest\/api\/3\/myself$/,
    handle: (request, [site]) =>
      bySecret(basicOf(request)?.password, () =>
        json(200, {
          self: `https://${site}.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g`,
          accountId: '5b10a2844c20165700ede21g',
          accountType: 'atlassian',
          emailAddress: basicOf(request)?.user,
          displayName: 'Mia Krystof',
          active: true,
          timeZone: 'Australia/Sydney',
        }),
      ),
  },
  {
    method: 'GET',
    path: /^\/freshdesk\/([a-z0-9-]+)\/api\/v2\/agents\/me$/,
    handle: (request) =>
      basicOf(request)?.password === 'X'
        ? bySecret(basicOf(request)?.user, () =>
            json(200, {
              id: 19000000123,
              available: true,
              occasional: false,
              contact: { name: 'Frida Desk', email: 'frida@help.example' },
            }),
          )
        : json(401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' }),
  },
  {
    method: 'GET',
    path: /^\/active-campaign\/api\/3\/users\/me$/,
    handle: (request) =>
      bySecret(request.headers['api-token'], () =>
        json(200, { user: { username: 'admin', firstName: 'Ada', lastName: 'Campaign', email: 'ada@ac.example', id: '1' } }),
      ),
  },
  {
    method: 'GET',
    path: /^\/trello\/1\/members\/me$/,
    handle: (request) =>
      request.query.get('key')?.includes('good')
        ? bySecret(
            request.query.get('token'),
            () => json(200, { id: '5abbe4b7ddc1b351ef961414', username: 'tessatrello', fullName: 'Tessa Trello' }),
            { status: 401, headers: { 'content-type': 'text/plain' }, body: 'invalid token' },
          )
        : { status: 401, headers: { 'content-type': 'text/plain' }, body: 'invalid key' },
  },
  { method: 'POST', path: /^\/zoho\/oauth\/v2\/token$/, handle: zohoToken },
  {
    method: 'GET',
    path: /^\/zoho-api\/crm\/v2\/users$/,
    handle: (request) =>
      request.query.get('type') === 'CurrentUser'
        ? bySecret(
            zohoTokenOf(request),
            () =>
              json(200, {
                users: [{ id: '4150868000000225013', full_name: 'Zara Zoho', email: 'zara@zoho.example', role: { name: 'CEO' } }],
              }),
            json(401, { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' }),
          )
        : json(400, { code: 'INVALID_REQUEST' }),
  },
  {
    method: 'POST',
    path: /^\/zoho-api\/crm\/v2\/Leads$/,
    handle: (request) =>
      bySecret(zohoTokenOf(request), () =>
        json(201, { data: [{ code: 'SUCCESS', details: { id: '4150868000000624001' }, message: 'record added', status: 'success' }] }),
      ),
  },
  { method: 'POST', path: /^\/modes\/token$/, handle: modesToken },
  {
    method: 'GET',
    path: /^\/modes\/me$/,
    handle: (request) => bySecret(bearerOf(request), () => json(200, { id: 'm-1', name: 'Mode User' })),
  },
]
