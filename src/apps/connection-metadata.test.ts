import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { failureOf, onlyRequestSince, requestsSince } from '../../test/app-calls'
import { fakeCursor } from '../../test/fake-requests'
import {
  ATLASSIAN_CLIENT,
  CLOUD_IDS,
  MICROSOFT_TID,
  SHOPIFY_CLIENT,
  TENANT_IDS,
  XERO_CLIENT,
  ZOOM_S2S_CLIENT,
} from '../../test/fakes/metadata-values'
import { appContext } from './context'
import { basicAuth } from './http'
import { authenticate } from './inject'
import { jiraCloud } from './jira-cloud'
import { linkedin } from './linkedin'
import { microsoftOutlook } from './microsoft-outlook'
import { notion } from './notion'
import { authorizationUrl, exchangeCode, generateCodeVerifier, refreshOAuthTokens } from './oauth'
import { lookUpResources, withResource } from './resources'
import { cachedToken, keepToken } from './token-cache'
import type { AppDefinition, OAuthCredentials } from './types'
import { shopify } from './shopify'
import { xero } from './xero'
import { zoomServerToServer } from './zoom-server-to-server'

const REDIRECT_URI = 'http://tether.test/connect/oauth/callback'
const NOW = 1_800_000_000_000
const atlassianClient = { clientId: ATLASSIAN_CLIENT.id, clientSecret: ATLASSIAN_CLIENT.secret }
const onPath = (prefix: string) => (request: { path: string }) => request.path.startsWith(prefix)
const withEndpoints = (app: AppDefinition, endpoints: Record<string, string>) => {
  const ctx = appContext(env, app)
  return { ...ctx, endpoints: { ...ctx.endpoints, ...endpoints } }
}

describe('Jira through Atlassian sign-in: a JSON token request, then the cloud id from accessible-resources', () => {
  const ctx = appContext(env, jiraCloud)

  it('authorizes with audience and prompt and without PKCE, which Atlassian does not document', () => {
    const url = authorizationUrl(jiraCloud, ctx, atlassianClient, {
      state: 'st',
      codeVerifier: generateCodeVerifier(),
      redirectUri: REDIRECT_URI,
    })
    expect(url.origin + url.pathname).toBe(`${env.FAKES_URL}/atlassian/authorize`)
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ audience: 'api.atlassian.com', prompt: 'consent', response_type: 'code' })
    expect(url.searchParams.get('scope')).toBe('read:jira-work write:jira-work read:jira-user read:me offline_access')
    expect(url.searchParams.has('code_challenge')).toBe(false)
  })

  it('exchanges the code as JSON with the client in the body, keeps the one site’s cloud id and calls under it', async () => {
    const cursor = await fakeCursor()
    const exchange = { code: 'code-good-one-site', codeVerifier: generateCodeVerifier(), redirectUri: REDIRECT_URI }
    const tokens = await exchangeCode(jiraCloud, ctx, atlassianClient, exchange, NOW)
    const sent = await onlyRequestSince(cursor, onPath('/atlassian/oauth/token'))
    expect(sent.headers['content-type']).toBe('application/json')
    expect(JSON.parse(sent.body)).toEqual({
      grant_type: 'authorization_code',
      code: 'code-good-one-site',
      redirect_uri: REDIRECT_URI,
      client_id: ATLASSIAN_CLIENT.id,
      client_secret: ATLASSIAN_CLIENT.secret,
    })
    const choices = await lookUpResources(jiraCloud, ctx, tokens)
    expect(choices).toEqual([{ id: CLOUD_IDS[0], name: 'https://team-1.atlassian.net' }])
    const lookup = await onlyRequestSince(cursor, onPath('/atlassian/oauth/token/accessible-resources'))
    expect(lookup.headers.authorization).toBe(`Bearer ${tokens.accessToken}`)

    const credentials = withResource(jiraCloud, tokens, choices[0]!)
    expect(credentials.metadata).toEqual({ cloudId: CLOUD_IDS[0] })
    expect(await jiraCloud.verify(ctx, credentials)).toEqual({ label: 'mia@example.com', id: '5b10a2844c20165700ede21g' })
    const me = await onlyRequestSince(cursor, onPath('/atlassian/ex/jira/'))
    expect(me.path).toBe(`/atlassian/ex/jira/${CLOUD_IDS[0]}/rest/api/3/myself`)
  })

  it('offers every site when there are several, and refuses a sign-in that gives access to none', async () => {
    const two = await exchangeCode(
      jiraCloud,
      ctx,
      atlassianClient,
      { code: 'code-good-two-sites', codeVerifier: 'v', redirectUri: REDIRECT_URI },
      NOW,
    )
    expect((await lookUpResources(jiraCloud, ctx, two)).map((choice) => choice.id)).toEqual(CLOUD_IDS)
    const none = await exchangeCode(
      jiraCloud,
      ctx,
      atlassianClient,
      { code: 'code-good-no-sites', codeVerifier: 'v', redirectUri: REDIRECT_URI },
      NOW,
    )
    expect(await failureOf(lookUpResources(jiraCloud, ctx, none))).toMatchObject({ code: 'invalid_credentials' })
  })

  it('refreshes without touching the cloud id, which the token answer does not carry', async () => {
    const fresh = await refreshOAuthTokens(jiraCloud, ctx, atlassianClient, 'atl-refresh-good-1', NOW)
    expect(fresh.metadata).toBeUndefined()
    expect(fresh.refreshToken).toMatch(/^atl-refresh-good-/)
  })
})

describe('Xero: the tenant chosen after sign-in, sent as xero-tenant-id', () => {
  const ctx = appContext(env, xero)
  const client = { clientId: XERO_CLIENT.id, clientSecret: XERO_CLIENT.secret }

  it('lists the tenants with their names and calls the chosen one’s organisation with its header', async () => {
    const cursor = await fakeCursor()
    const exchange = { code: 'code-good-two-orgs', codeVerifier: generateCodeVerifier(), redirectUri: REDIRECT_URI }
    const tokens = await exchangeCode(xero, ctx, client, exchange, NOW)
    expect(new URLSearchParams((await onlyRequestSince(cursor, onPath('/xero/connect/token'))).body).get('code_verifier')).toBe(
      exchange.codeVerifier,
    )
    const choices = await lookUpResources(xero, ctx, tokens)
    expect(choices).toEqual([
      { id: TENANT_IDS[0], name: 'Maple Florists Ltd' },
      { id: TENANT_IDS[1], name: 'Demo Company (NZ)' },
    ])
    const account = await xero.verify(ctx, withResource(xero, tokens, choices[1]!))
    expect(account).toEqual({ label: 'Demo Company (NZ)', id: `org-${TENANT_IDS[1]}` })
    const sent = await onlyRequestSince(cursor, onPath('/xero/api.xro/'))
    expect(sent.headers['xero-tenant-id']).toBe(TENANT_IDS[1])
    expect(sent.headers.authorization).toBe(`Bearer ${tokens.accessToken}`)
  })

  it('puts the tenant header on proxied calls too, and asks for a reconnect without one', async () => {
    const request = { url: new URL('https://api.xero.com/api.xro/2.0/Invoices'), headers: new Headers() }
    authenticate(xero, { accessToken: 'xero-access-good', metadata: { tenantId: TENANT_IDS[0]! } }, request)
    expect(request.headers.get('xero-tenant-id')).toBe(TENANT_IDS[0])
    expect(request.headers.get('authorization')).toBe('Bearer xero-access-good')
    const error = await failureOf(xero.verify(ctx, { accessToken: 'xero-access-good' }))
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'The Xero connection is missing its Organisation. Reconnect it.' })
  })
})

describe('Zoom Server-to-Server: a client-credentials app, the token reused until it expires', () => {
  const ctx = appContext(env, zoomServerToServer)
  const credentials = (secret: string) => ({ accountId: ZOOM_S2S_CLIENT.account, clientId: ZOOM_S2S_CLIENT.id, clientSecret: secret })

  it('buys a token with account_credentials and Basic client auth, then calls with it; the next call reuses it', async () => {
    const cursor = await fakeCursor()
    const secret = `zoom-secret-good-${crypto.randomUUID()}`
    expect(await zoomServerToServer.verify(ctx, credentials(secret))).toEqual({ label: 'jchill@example.com', id: 'q6gBJVO5TzexKYTb_I2rpg' })
    const token = await onlyRequestSince(cursor, onPath('/zoom-s2s/oauth/token'))
    expect(token.headers.authorization).toBe(basicAuth(ZOOM_S2S_CLIENT.id, secret))
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({
      grant_type: 'account_credentials',
      account_id: ZOOM_S2S_CLIENT.account,
    })
    const me = await onlyRequestSince(cursor, onPath('/zoom-s2s/v2/users/me'))
    expect(me.headers.authorization).toMatch(/^Bearer zoom-s2s-good-\d+$/)

    await zoomServerToServer.verify(ctx, credentials(secret))
    expect(await requestsSince(cursor, onPath('/zoom-s2s/oauth/token'))).toHaveLength(1)
    const calls = await requestsSince(cursor, onPath('/zoom-s2s/v2/users/me'))
    expect(calls.map((call) => call.headers.authorization)).toEqual([me.headers.authorization, me.headers.authorization])
  })

  it('asks again once the token is within a minute of expiring (a 30-second token every time)', async () => {
    const cursor = await fakeCursor()
    const secret = `zoom-secret-good-short-${crypto.randomUUID()}`
    await zoomServerToServer.verify(ctx, credentials(secret))
    await zoomServerToServer.verify(ctx, credentials(secret))
    expect(await requestsSince(cursor, onPath('/zoom-s2s/oauth/token'))).toHaveLength(2)
  })

  it('keeps a token until shortly before its expiry, and never one without a lifetime', () => {
    keepToken('k-1', 'tok-1', NOW + 3_600_000)
    expect(cachedToken('k-1', NOW)).toBe('tok-1')
    expect(cachedToken('k-1', NOW + 3_540_001)).toBeUndefined()
    expect(cachedToken('k-1', NOW)).toBeUndefined()
    keepToken('k-2', 'tok-2', undefined)
    expect(cachedToken('k-2', NOW)).toBeUndefined()
  })

  it('refuses a wrong account or secret as invalid credentials', async () => {
    const wrong = { ...credentials('zoom-secret-good'), accountId: 'another-account' }
    expect(await failureOf(zoomServerToServer.verify(ctx, wrong))).toMatchObject({ code: 'invalid_credentials' })
    expect(await failureOf(zoomServerToServer.verify(ctx, credentials('zoom-secret-wrong')))).toMatchObject({ code: 'invalid_credentials' })
  })
})

describe('Microsoft: the tenant id from the id token', () => {
  const ctx = withEndpoints(microsoftOutlook, { tokenUrl: `${env.FAKES_URL}/microsoft/oauth2/v2.0/token` })
  const client = { clientId: 'microsoft-client', clientSecret: 'microsoft-secret' }

  it('asks for openid and keeps the id token’s tid; a refresh without an id token keeps it', async () => {
    const url = authorizationUrl(microsoftOutlook, ctx, client, {
      state: 's',
      codeVerifier: generateCodeVerifier(),
      redirectUri: REDIRECT_URI,
    })
    expect(url.searchParams.get('scope')?.split(' ')).toContain('openid')
    const tokens = await exchangeCode(
      microsoftOutlook,
      ctx,
      client,
      { code: 'code-good-ms', codeVerifier: 'v', redirectUri: REDIRECT_URI },
      NOW,
    )
    expect(tokens.metadata).toEqual({ tenantId: MICROSOFT_TID })
    const fresh: OAuthCredentials = await refreshOAuthTokens(microsoftOutlook, ctx, client, 'ms-refresh-good', NOW)
    expect(fresh.metadata).toBeUndefined()
  })

  it('refuses a sign-in whose answer has no id token', async () => {
    const exchange = { code: 'code-good-no-id-token', codeVerifier: 'v', redirectUri: REDIRECT_URI }
    expect(await failureOf(exchangeCode(microsoftOutlook, ctx, client, exchange, NOW))).toMatchObject({ code: 'upstream_error' })
  })
})

describe('per-provider quirks', () => {
  it('Notion: the token request is JSON with the client in a Basic header', async () => {
    const ctx = withEndpoints(notion, { tokenUrl: `${env.FAKES_URL}/notion/v1/oauth/token` })
    const cursor = await fakeCursor()
    const exchange = { code: 'code-good-notion', codeVerifier: 'verifier-notion', redirectUri: REDIRECT_URI }
    const tokens = await exchangeCode(notion, ctx, { clientId: 'notion-client', clientSecret: 'notion-secret' }, exchange, NOW)
    expect(tokens.accessToken).toMatch(/^secret_notion-good-/)
    const sent = await onlyRequestSince(cursor, onPath('/notion/v1/oauth/token'))
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.headers.authorization).toBe(basicAuth('notion-client', 'notion-secret'))
    expect(JSON.parse(sent.body)).toMatchObject({ grant_type: 'authorization_code', code: 'code-good-notion', redirect_uri: REDIRECT_URI })
  })

  it('LinkedIn: no PKCE in the authorization request (its web flow has none)', () => {
    const ctx = appContext(env, linkedin)
    const url = authorizationUrl(
      linkedin,
      ctx,
      { clientId: 'li', clientSecret: 's' },
      { state: 's', codeVerifier: 'v', redirectUri: REDIRECT_URI },
    )
    expect(url.searchParams.has('code_challenge')).toBe(false)
    expect(url.searchParams.has('code_challenge_method')).toBe(false)
  })
})

describe('Shopify: the shop typed before the sign-in builds every URL', () => {
  const ctx = appContext(env, shopify)
  const client = { clientId: SHOPIFY_CLIENT.id, clientSecret: SHOPIFY_CLIENT.secret }

  it('authorizes at the shop without PKCE, exchanges the code there, keeps the shop and calls its Admin API', async () => {
    const request = { state: 's', codeVerifier: generateCodeVerifier(), redirectUri: REDIRECT_URI, metadata: { shop: 'maple' } }
    const url = authorizationUrl(shopify, ctx, client, request)
    expect(url.origin + url.pathname).toBe(`${env.FAKES_URL}/shopify/maple/admin/oauth/authorize`)
    expect(url.searchParams.get('scope')).toBe('read_products,read_orders')
    expect(url.searchParams.has('code_challenge')).toBe(false)

    const cursor = await fakeCursor()
    const tokens = await exchangeCode(
      shopify,
      ctx,
      client,
      { code: 'code-good-shop', codeVerifier: 'v', redirectUri: REDIRECT_URI, metadata: { shop: 'maple' } },
      NOW,
    )
    expect(tokens).toMatchObject({ metadata: { shop: 'maple' } })
    expect(tokens.expiresAt).toBeUndefined()
    const sent = await onlyRequestSince(cursor, onPath('/shopify/maple/admin/oauth/access_token'))
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toMatchObject({
      client_id: SHOPIFY_CLIENT.id,
      client_secret: SHOPIFY_CLIENT.secret,
      code: 'code-good-shop',
    })
    expect(new URLSearchParams(sent.body).has('code_verifier')).toBe(false)

    expect(await shopify.verify(ctx, tokens)).toEqual({ label: 'maple store', id: '548380009' })
    const shop = await onlyRequestSince(cursor, onPath('/shopify/maple/admin/api/'))
    expect(shop.path).toBe('/shopify/maple/admin/api/2025-01/shop.json')
    expect(shop.headers['x-shopify-access-token']).toBe(tokens.accessToken)
  })

  it('builds no URL without a shop, or with one that is not a host label', async () => {
    const request = { state: 's', codeVerifier: 'v', redirectUri: REDIRECT_URI }
    expect(() => authorizationUrl(shopify, ctx, client, request)).toThrow(/missing its Shopify store/)
    for (const shop of ['evil.example', 'maple/../x', '-maple', 'a b']) {
      expect(() => authorizationUrl(shopify, ctx, client, { ...request, metadata: { shop } })).toThrow(/not a Shopify subdomain/)
    }
  })
})
