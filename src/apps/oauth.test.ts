import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { failureOf, onlyRequestSince } from '../../test/app-calls'
import { fakeCursor } from '../../test/fake-requests'
import { toBase64Url, utf8 } from '../domain/encoding'
import { appContext } from './context'
import { demoDocs } from './demo-docs'
import { facebookPages } from './facebook-pages'
import { googleDocs } from './google-docs'
import { basicAuth } from './http'
import { authorizationUrl, exchangeCode, generateCodeVerifier, generateState, refreshOAuthTokens } from './oauth'
import { slack } from './slack'

const REDIRECT_URI = 'http://tether.test/connect/oauth/callback'
const NOW = 1_800_000_000_000
const googleClient = { clientId: 'google-client', clientSecret: 'google-secret' }
const slackClient = { clientId: 'slack-client', clientSecret: 'slack-secret' }
const facebookClient = { clientId: 'facebook-client', clientSecret: 'facebook-secret' }

async function s256(verifier: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(verifier))))
}

const isTokenRequestWith = (code: string) => (request: { path: string; body: string }) =>
  request.path.endsWith('/token') && new URLSearchParams(request.body).get('code') === code

describe('authorizationUrl', () => {
  it('asks Google for a code with PKCE S256, the state, the scopes and offline access', async () => {
    const state = generateState()
    const codeVerifier = generateCodeVerifier()
    const url = authorizationUrl(googleDocs, appContext(env, googleDocs), googleClient, { state, codeVerifier, redirectUri: REDIRECT_URI })
    expect(url.origin + url.pathname).toBe(`${env.FAKES_URL}/google/auth`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'google-client',
      redirect_uri: REDIRECT_URI,
      state,
      code_challenge_method: 'S256',
      code_challenge: await s256(codeVerifier),
      scope: 'openid email https://www.googleapis.com/auth/drive.file',
      access_type: 'offline',
      prompt: 'consent',
    })
    expect(url.href).not.toContain(codeVerifier)
    expect(url.href).not.toContain('google-secret')
  })

  it('joins Slack scopes with commas', () => {
    const url = authorizationUrl(slack, appContext(env, slack), slackClient, {
      state: 's',
      codeVerifier: generateCodeVerifier(),
      redirectUri: REDIRECT_URI,
    })
    expect(url.searchParams.get('scope')).toBe('chat:write,chat:write.public')
  })

  it('resolves the demo provider’s path against the public origin', () => {
    const request = { state: 's', codeVerifier: generateCodeVerifier(), redirectUri: REDIRECT_URI }
    const client = { clientId: 'tether-demo', clientSecret: 'tether-demo-secret' }
    const viaRedirect = authorizationUrl(demoDocs, appContext(env, demoDocs), client, request)
    expect(viaRedirect.origin + viaRedirect.pathname).toBe('http://tether.test/demo/oauth/authorize')
    const viaOrigin = authorizationUrl(demoDocs, appContext(env, demoDocs), client, { ...request, origin: 'https://tether.example' })
    expect(viaOrigin.origin + viaOrigin.pathname).toBe('https://tether.example/demo/oauth/authorize')
  })
})

describe('exchangeCode', () => {
  it('sends the code and the PKCE verifier with HTTP Basic client auth, and reads the tokens', async () => {
    const codeVerifier = generateCodeVerifier()
    const code = `code-good-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const credentials = await exchangeCode(
      googleDocs,
      appContext(env, googleDocs),
      googleClient,
      { code, codeVerifier, redirectUri: REDIRECT_URI },
      NOW,
    )
    const sent = await onlyRequestSince(cursor, isTokenRequestWith(code))
    expect(sent.headers.authorization).toBe(basicAuth('google-client', 'google-secret'))
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: codeVerifier,
    })
    expect(credentials).toEqual({
      accessToken: expect.stringMatching(/^access-good-/),
      refreshToken: 'refresh-1',
      expiresAt: NOW + 3_599_000,
      scope: 'openid email',
    })
  })

  it('is refused by the provider when the verifier does not match the challenge', async () => {
    const ctx = appContext(env, googleDocs)
    const codeVerifier = generateCodeVerifier()
    const authorize = authorizationUrl(googleDocs, ctx, googleClient, { state: 'st', codeVerifier, redirectUri: REDIRECT_URI })
    const codeFor = async () => new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!

    const wrong = await failureOf(
      exchangeCode(
        googleDocs,
        ctx,
        googleClient,
        { code: await codeFor(), codeVerifier: generateCodeVerifier(), redirectUri: REDIRECT_URI },
        NOW,
      ),
    )
    expect(wrong.code).toBe('invalid_credentials')
    const right = await exchangeCode(googleDocs, ctx, googleClient, { code: await codeFor(), codeVerifier, redirectUri: REDIRECT_URI }, NOW)
    expect(right.accessToken).toMatch(/^access-good-/)
  })

  it('sends Facebook’s client credentials in the body, as Facebook requires', async () => {
    const code = `code-good-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const credentials = await exchangeCode(
      facebookPages,
      appContext(env, facebookPages),
      facebookClient,
      { code, codeVerifier: 'v'.repeat(43), redirectUri: REDIRECT_URI },
      NOW,
    )
    const sent = await onlyRequestSince(cursor, (request) => request.path.endsWith('/oauth/access_token') && request.body.includes(code))
    expect(sent.headers.authorization).toBeUndefined()
    expect(new URLSearchParams(sent.body).get('client_secret')).toBe('facebook-secret')
    expect(credentials).toEqual({ accessToken: expect.stringMatching(/^fb-access-good-/), expiresAt: NOW + 5_183_944_000 })
  })

  it.each([
    { name: 'Google invalid_grant (400)', app: googleDocs, client: googleClient, code: 'code-used' },
    { name: 'Slack ok:false invalid_code (200)', app: slack, client: slackClient, code: 'code-used' },
    { name: 'Facebook OAuthException (400)', app: facebookPages, client: facebookClient, code: 'code-used' },
    { name: 'a wrong client secret (401)', app: googleDocs, client: { ...googleClient, clientSecret: 'nope' }, code: 'code-good' },
  ])('turns $name into invalid_credentials', async ({ app, client, code }) => {
    const error = await failureOf(
      exchangeCode(app, appContext(env, app), client, { code, codeVerifier: 'v'.repeat(43), redirectUri: REDIRECT_URI }, NOW),
    )
    expect(error.code).toBe('invalid_credentials')
    expect(error.message).not.toMatch(/code-|secret|nope/)
  })

  it.each([
    ['code-boom', /had a problem/],
    ['code-html', /web page/],
    ['code-garbage', /could not read/],
    ['code-hang', /did not answer in time/],
  ])('turns %s into upstream_error', async (code, message) => {
    const error = await failureOf(
      exchangeCode(
        googleDocs,
        appContext(env, googleDocs),
        googleClient,
        { code, codeVerifier: 'v'.repeat(43), redirectUri: REDIRECT_URI },
        NOW,
      ),
    )
    expect(error).toMatchObject({ code: 'upstream_error', message: expect.stringMatching(message) })
  })

  it('reads Slack’s bot token from its answer', async () => {
    const credentials = await exchangeCode(
      slack,
      appContext(env, slack),
      slackClient,
      { code: 'code-good', codeVerifier: 'v'.repeat(43), redirectUri: REDIRECT_URI },
      NOW,
    )
    expect(credentials).toMatchObject({
      accessToken: expect.stringMatching(/^xoxb-access-good-/),
      refreshToken: 'refresh-1',
      scope: 'chat:write,chat:write.public',
    })
  })
})

describe('refreshOAuthTokens', () => {
  it('rotates: the answer’s new refresh token replaces the old one', async () => {
    const cursor = await fakeCursor()
    const credentials = await refreshOAuthTokens(googleDocs, appContext(env, googleDocs), googleClient, 'refresh-41', NOW)
    expect(credentials).toMatchObject({
      accessToken: expect.stringMatching(/^access-good-/),
      refreshToken: 'refresh-42',
      expiresAt: NOW + 3_599_000,
    })
    const sent = await onlyRequestSince(cursor, (request) => request.path === '/google/token' && request.body.includes('refresh-41'))
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-41' })
  })

  it('keeps the old refresh token when the provider sends none', async () => {
    const credentials = await refreshOAuthTokens(googleDocs, appContext(env, googleDocs), googleClient, 'refresh-norotate-7', NOW)
    expect(credentials.refreshToken).toBe('refresh-norotate-7')
  })

  it.each([
    [googleDocs, googleClient],
    [slack, slackClient],
  ] as const)('turns a dead refresh token into invalid_credentials (%#)', async (app, client) => {
    const error = await failureOf(refreshOAuthTokens(app, appContext(env, app), client, 'refresh-bad', NOW))
    expect(error).toMatchObject({ code: 'invalid_credentials', message: `${app.name} no longer accepts this connection. Reconnect it.` })
  })

  it('turns a failing or silent token endpoint into upstream_error', async () => {
    expect((await failureOf(refreshOAuthTokens(googleDocs, appContext(env, googleDocs), googleClient, 'refresh-boom', NOW))).code).toBe(
      'upstream_error',
    )
    const started = Date.now()
    expect((await failureOf(refreshOAuthTokens(googleDocs, appContext(env, googleDocs), googleClient, 'refresh-hang', NOW))).code).toBe(
      'upstream_error',
    )
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
