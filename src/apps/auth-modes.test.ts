import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { failureOf, onlyRequestSince } from '../../test/app-calls'
import { fakeCursor } from '../../test/fake-requests'
import { activeCampaign } from './active-campaign'
import { callApp } from './call'
import { appContext } from './context'
import { freshdesk } from './freshdesk'
import { basicAuth } from './http'
import { jira } from './jira'
import { authorizationUrl, exchangeCode, generateCodeVerifier, refreshOAuthTokens } from './oauth'
import { salesforce } from './salesforce'
import { trello } from './trello'
import type { AppDefinition, OAuthCredentials } from './types'
import { zohoCrm } from './zoho-crm'

const REDIRECT_URI = 'http://tether.test/connect/oauth/callback'
const NOW = 1_800_000_000_000
const salesforceClient = { clientId: 'salesforce-client', clientSecret: 'salesforce-secret' }
const modesClient = { clientId: 'modes-client', clientSecret: 'modes-secret' }

/** Engine variants no shipped app combines; `/modes` in test/fakes/auth-modes.ts speaks them. */
function modesApp(overrides: Partial<AppDefinition>): AppDefinition {
  return {
    id: 'modes',
    name: 'Modes',
    iconUrl: '/icons/modes.svg',
    category: 'developer',
    authType: 'oauth2',
    fields: [],
    oauth: { provider: 'MODES', providerName: 'Modes', scopes: ['read', 'write'], scopeDescriptions: ['Read', 'Write'] },
    defaultEndpoints: {
      authorizeUrl: `${env.FAKES_URL}/modes/authorize`,
      tokenUrl: `${env.FAKES_URL}/modes/token`,
      apiBaseUrl: `${env.FAKES_URL}/modes`,
    },
    verify: async () => ({ label: 'unused' }),
    actions: [],
    ...overrides,
  }
}
const contextOf = (app: AppDefinition) => ({ ...appContext(env, app), endpoints: app.defaultEndpoints })
const fakePath = (prefix: string) => (request: { path: string }) => request.path.startsWith(prefix)

describe('OAuth 2.0 code flow, Salesforce: token metadata and a non-expiring token', () => {
  it('authorizes with PKCE, exchanges with the client in the body, keeps instance_url and calls the API there', async () => {
    const ctx = appContext(env, salesforce)
    const codeVerifier = generateCodeVerifier()
    const url = authorizationUrl(salesforce, ctx, salesforceClient, { state: 'st', codeVerifier, redirectUri: REDIRECT_URI })
    expect(url.origin + url.pathname).toBe(`${env.FAKES_URL}/salesforce/services/oauth2/authorize`)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('scope')).toBe('api refresh_token')

    const cursor = await fakeCursor()
    const credentials = await exchangeCode(
      salesforce,
      ctx,
      salesforceClient,
      { code: 'code-good-sf', codeVerifier, redirectUri: REDIRECT_URI },
      NOW,
    )
    const sent = await onlyRequestSince(cursor, fakePath('/salesforce/services/oauth2/token'))
    expect(sent.headers.authorization).toBeUndefined()
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toMatchObject({
      client_id: 'salesforce-client',
      code_verifier: codeVerifier,
    })
    // No expires_in in Salesforce's answer: the token never counts as expiring.
    expect(credentials).toEqual({
      accessToken: expect.stringMatching(/^00Dsf!access-good-/),
      refreshToken: 'sf-refresh-good',
      scope: 'refresh_token api',
      metadata: { instanceUrl: `${env.FAKES_URL}/salesforce-org` },
    })

    expect(await salesforce.verify(ctx, credentials)).toEqual({ label: 'sam@acme.example', id: '005xx000001Svq6' })
    const result = await salesforce.actions[0]!.run(ctx, credentials, { lastName: 'Lee', company: 'Acme' })
    expect(result).toMatchObject({ upstreamStatus: 201, output: { leadId: expect.stringMatching(/^00Q/) } })
    const lead = await onlyRequestSince(cursor, fakePath('/salesforce-org/'))
    expect(lead).toMatchObject({ method: 'POST', path: '/salesforce-org/services/data/v62.0/sobjects/Lead' })
    expect(lead.headers.authorization).toBe(`Bearer ${credentials.accessToken}`)
  })

  it('refuses a sign-in whose instance_url fails the URL policy, before anything is stored', async () => {
    const ctx = appContext(env, salesforce)
    const exchange = { code: 'code-good-metadata-host', codeVerifier: generateCodeVerifier(), redirectUri: REDIRECT_URI }
    expect((await failureOf(exchangeCode(salesforce, ctx, salesforceClient, exchange, NOW))).code).toBe('invalid_request')
  })

  it('refreshes without a new refresh token: the old one stays, the metadata is read again', async () => {
    const fresh = await refreshOAuthTokens(salesforce, appContext(env, salesforce), salesforceClient, 'sf-refresh-good', NOW)
    expect(fresh).toMatchObject({ refreshToken: 'sf-refresh-good', metadata: { instanceUrl: `${env.FAKES_URL}/salesforce-org` } })
  })
})

describe('OAuth 2.0 code flow, Zoho CRM: no PKCE, its own header scheme, api_domain', () => {
  const zohoClient = { clientId: 'zoho-client', clientSecret: 'zoho-secret' }

  it('authorizes offline without PKCE, keeps api_domain and sends the token as Zoho-oauthtoken there', async () => {
    const ctx = appContext(env, zohoCrm)
    const codeVerifier = generateCodeVerifier()
    const url = authorizationUrl(zohoCrm, ctx, zohoClient, { state: 'st', codeVerifier, redirectUri: REDIRECT_URI })
    expect(url.searchParams.has('code_challenge')).toBe(false)
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      scope: 'ZohoCRM.users.READ,ZohoCRM.modules.leads.CREATE',
      access_type: 'offline',
      prompt: 'consent',
    })
    const cursor = await fakeCursor()
    const credentials = await exchangeCode(
      zohoCrm,
      ctx,
      zohoClient,
      { code: 'code-good-zoho', codeVerifier, redirectUri: REDIRECT_URI },
      NOW,
    )
    expect(new URLSearchParams((await onlyRequestSince(cursor, fakePath('/zoho/oauth'))).body).has('code_verifier')).toBe(false)
    expect(credentials).toMatchObject({ refreshToken: '1000.zoho-refresh-good', metadata: { apiDomain: `${env.FAKES_URL}/zoho-api` } })

    expect(await zohoCrm.verify(ctx, credentials)).toEqual({ label: 'zara@zoho.example', id: '4150868000000225013' })
    const sent = await onlyRequestSince(cursor, fakePath('/zoho-api/'))
    expect(sent.path).toBe('/zoho-api/crm/v2/users?type=CurrentUser')
    expect(sent.headers.authorization).toBe(`Zoho-oauthtoken ${credentials.accessToken}`)
    const lead = await zohoCrm.actions[0]!.run(ctx, credentials, { lastName: 'Lee', company: 'Acme' })
    expect(lead.output).toEqual({ leadId: '4150868000000624001' })
  })

  it('turns Zoho’s HTTP 200 invalid_code into invalid_credentials', async () => {
    const exchange = { code: 'code-used', codeVerifier: generateCodeVerifier(), redirectUri: REDIRECT_URI }
    expect((await failureOf(exchangeCode(zohoCrm, appContext(env, zohoCrm), zohoClient, exchange, NOW))).code).toBe('invalid_credentials')
  })
})

describe('OAuth 2.0 code flow variants', () => {
  it('leaves PKCE out when the app turns it off, and reads a form-encoded token answer', async () => {
    const app = modesApp({ oauth: { ...modesApp({}).oauth!, pkce: false, scopeSeparator: ',', authorizeParams: { audience: 'api' } } })
    const codeVerifier = generateCodeVerifier()
    const url = authorizationUrl(app, contextOf(app), modesClient, { state: 'st', codeVerifier, redirectUri: REDIRECT_URI })
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'modes-client',
      redirect_uri: REDIRECT_URI,
      state: 'st',
      scope: 'read,write',
      audience: 'api',
    })
    const cursor = await fakeCursor()
    const credentials = await exchangeCode(
      app,
      contextOf(app),
      modesClient,
      { code: 'code-good-form', codeVerifier, redirectUri: REDIRECT_URI },
      NOW,
    )
    const sent = await onlyRequestSince(cursor, fakePath('/modes/token'))
    expect(new URLSearchParams(sent.body).has('code_verifier')).toBe(false)
    expect(sent.headers.authorization).toBe(basicAuth('modes-client', 'modes-secret'))
    expect(credentials).toEqual({
      accessToken: expect.stringMatching(/^modes-access-good-/),
      refreshToken: 'refresh-1',
      expiresAt: NOW + 3_600_000,
    })
  })

  it('stores the rotated refresh token the provider sends back', async () => {
    const app = modesApp({})
    const fresh = await refreshOAuthTokens(app, contextOf(app), modesClient, 'refresh-8', NOW)
    expect(fresh).toMatchObject({ refreshToken: 'refresh-9', expiresAt: NOW + 3_600_000 })
  })
})

describe('OAuth 2.0 client credentials', () => {
  const app = modesApp({
    authType: 'client_credentials',
    oauth: undefined,
    fields: [
      { key: 'clientId', label: 'Client ID', secret: false },
      { key: 'clientSecret', label: 'Client secret', secret: true },
    ],
    clientCredentials: { clientIdField: 'clientId', clientSecretField: 'clientSecret', scopes: ['read'] },
  })

  it('buys a token with the client’s own id and secret, then calls with it as a Bearer token', async () => {
    const cursor = await fakeCursor()
    const { body } = await callApp(app, contextOf(app), { clientId: 'cc-client', clientSecret: 'cc-secret-good' }, '/me')
    expect(body).toEqual({ id: 'm-1', name: 'Mode User' })
    const token = await onlyRequestSince(cursor, fakePath('/modes/token'))
    expect(token.headers.authorization).toBe(basicAuth('cc-client', 'cc-secret-good'))
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({ grant_type: 'client_credentials', scope: 'read' })
    const call = await onlyRequestSince(cursor, fakePath('/modes/me'))
    expect(call.headers.authorization).toMatch(/^Bearer cc-access-good-/)
  })

  it('turns a refused client secret into invalid_credentials', async () => {
    const error = await failureOf(callApp(app, contextOf(app), { clientId: 'cc-client', clientSecret: 'cc-secret-wrong' }, '/me'))
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'Modes did not accept this client ID and secret.' })
  })
})

describe('API keys and Basic, declared', () => {
  it('ActiveCampaign: the key in its header, on the API URL the client typed', async () => {
    const cursor = await fakeCursor()
    const credentials = { accountUrl: `${env.FAKES_URL}/active-campaign/`, apiKey: 'ac-good' }
    expect(await activeCampaign.verify(appContext(env, activeCampaign), credentials)).toEqual({ label: 'ada@ac.example', id: '1' })
    const sent = await onlyRequestSince(cursor, fakePath('/active-campaign/'))
    expect(sent).toMatchObject({ method: 'GET', path: '/active-campaign/api/3/users/me' })
    expect(sent.headers['api-token']).toBe('ac-good')
    expect(sent.headers.authorization).toBeUndefined()
  })

  it('ActiveCampaign: an API URL on a private network is refused before any call', async () => {
    const credentials = { accountUrl: 'https://10.0.0.8', apiKey: 'ac-good' }
    expect((await failureOf(activeCampaign.verify(appContext(env, activeCampaign), credentials))).code).toBe('invalid_request')
  })

  it('Trello: key and token in the query', async () => {
    const cursor = await fakeCursor()
    const account = await trello.verify(appContext(env, trello), { apiKey: 'key-good', token: 'token-good' })
    expect(account).toEqual({ label: 'Tessa Trello', id: '5abbe4b7ddc1b351ef961414' })
    const sent = await onlyRequestSince(cursor, fakePath('/trello/'))
    expect(sent.path).toBe('/trello/1/members/me?key=key-good&token=token-good')
    expect((await failureOf(trello.verify(appContext(env, trello), { apiKey: 'key-good', token: 'token-expired' }))).code).toBe(
      'invalid_credentials',
    )
  })

  it('Jira: Basic with email and API token, on the site subdomain', async () => {
    const cursor = await fakeCursor()
    const credentials = { site: 'acme', email: 'mia@acme.example', apiToken: 'token-good' }
    expect(await jira.verify(appContext(env, jira), credentials)).toEqual({ label: 'mia@acme.example', id: '5b10a2844c20165700ede21g' })
    const sent = await onlyRequestSince(cursor, fakePath('/jira/'))
    expect(sent.path).toBe('/jira/acme/rest/api/3/myself')
    expect(sent.headers.authorization).toBe(basicAuth('mia@acme.example', 'token-good'))
  })

  it.each(['acme.evil.example', 'acme/../x', '-acme', 'a b'])('Jira: refuses the site %j, which is not one host label', async (site) => {
    const error = await failureOf(jira.verify(appContext(env, jira), { site, email: 'mia@acme.example', apiToken: 'token-good' }))
    expect(error.code).toBe('invalid_credentials')
  })

  it('Freshdesk: the key as the Basic user name and X as the password', async () => {
    const cursor = await fakeCursor()
    const account = await freshdesk.verify(appContext(env, freshdesk), { domain: 'help', apiKey: 'fd-good' })
    expect(account).toEqual({ label: 'frida@help.example', id: '19000000123' })
    const sent = await onlyRequestSince(cursor, fakePath('/freshdesk/'))
    expect(sent.path).toBe('/freshdesk/help/api/v2/agents/me')
    expect(sent.headers.authorization).toBe(basicAuth('fd-good', 'X'))
  })
})

describe('a connection whose token metadata is missing', () => {
  it('asks for a reconnect instead of calling a half-built URL', async () => {
    const credentials: OAuthCredentials = { accessToken: 'access-good' }
    const error = await failureOf(salesforce.actions[0]!.run(appContext(env, salesforce), credentials, { lastName: 'L', company: 'C' }))
    expect(error).toMatchObject({ code: 'invalid_credentials', message: expect.stringMatching(/Reconnect it/) })
  })
})
