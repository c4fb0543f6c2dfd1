import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { failureOf } from '../../test/app-calls'
import { appContext } from '../apps/context'
import { demoDocs } from '../apps/demo-docs'
import { demoTasks } from '../apps/demo-tasks'
import { authorizationUrl, exchangeCode, generateCodeVerifier, generateState, refreshOAuthTokens } from '../apps/oauth'
import { oauthClientFor } from '../config'
import { sha256Hex } from '../domain/encoding'
import { demoServer } from './index'

const ORIGIN = 'http://tether.test'
const REDIRECT_URI = `${ORIGIN}/connect/oauth/callback`
const client = oauthClientFor(env, 'DEMO')!
const docs = appContext(env, demoDocs, (request) => demoServer.fetch(request, env))
const tasks = appContext(env, demoTasks, (request) => demoServer.fetch(request, env))
/** Secrets handed out during this file's tests, for the KV scan at the end. */
const issued: string[] = []

/** What a browser does on Tether's public origin, where the worker mounts demoServer at /demo. */
function browse(path: string, init?: RequestInit): Promise<Response> {
  return Promise.resolve(demoServer.fetch(new Request(new URL(path, ORIGIN), { redirect: 'manual', ...init }), env))
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return browse(path, { method: 'POST', body: new URLSearchParams(fields), headers })
}

function startSignIn(scope?: string) {
  const state = generateState()
  const codeVerifier = generateCodeVerifier()
  const url = authorizationUrl(demoDocs, docs, client, { state, codeVerifier, redirectUri: REDIRECT_URI })
  if (scope) url.searchParams.set('scope', scope)
  return { url, state, codeVerifier }
}

/** The consent form's decision, as the page's hidden fields carry the request. */
async function decide(url: URL, decision: 'allow' | 'deny', email = 'client@example.com'): Promise<URL> {
  const response = await post('/demo/oauth/decision', { ...Object.fromEntries(url.searchParams), email, decision })
  expect(response.status).toBe(303)
  return new URL(response.headers.get('location')!)
}

async function signIn(scope?: string) {
  const start = startSignIn(scope)
  const code = (await decide(start.url, 'allow')).searchParams.get('code')!
  issued.push(code, start.codeVerifier)
  return { ...start, code }
}

async function connect(scope?: string) {
  const { code, codeVerifier } = await signIn(scope)
  const credentials = await exchangeCode(demoDocs, docs, client, { code, codeVerifier, redirectUri: REDIRECT_URI }, Date.now())
  issued.push(credentials.accessToken, credentials.refreshToken!)
  return credentials
}

describe('demo OAuth provider', () => {
  it('renders a labelled consent page that carries the request to the decision', async () => {
    const { url, state } = startSignIn()
    const response = await browse(url.pathname + url.search)
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('Demo Docs wants to:')
    for (const description of demoDocs.oauth!.scopeDescriptions) expect(page).toContain(description)
    expect(page).toMatch(/<label for="field-email">Demo account<\/label>/)
    expect(page).toMatch(/<input id="field-email" name="email"[^>]*type="email"[^>]*value="client@example.com"/)
    expect(page).toContain('action="/demo/oauth/decision"')
    expect(page).toMatch(/<button type="submit" name="decision" value="allow"[^>]*>Allow<\/button>/)
    expect(page).toMatch(/<button type="submit" name="decision" value="deny"[^>]*>Deny<\/button>/)
    expect(page).toContain(`name="state" value="${state}"`)
    expect(page).toContain(`name="code_challenge" value="${url.searchParams.get('code_challenge')}"`)
  })

  it.each([
    ['an unknown client', { client_id: 'someone-else' }],
    ['an unregistered redirect URI', { redirect_uri: 'https://evil.example/callback' }],
  ])('shows an error page, never a redirect, for %s', async (_case, override) => {
    const { url } = startSignIn()
    for (const [name, value] of Object.entries(override)) url.searchParams.set(name, value)
    const response = await browse(url.pathname + url.search)
    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
  })

  it.each([
    ['code_challenge', null, 'invalid_request'],
    ['code_challenge_method', 'plain', 'invalid_request'],
    ['response_type', 'token', 'unsupported_response_type'],
    ['scope', 'profile admin', 'invalid_scope'],
  ])('sends %s=%s back to the client as %s', async (name, value, error) => {
    const { url, state } = startSignIn()
    if (value === null) url.searchParams.delete(name)
    else url.searchParams.set(name, value)
    const response = await browse(url.pathname + url.search)
    const back = new URL(response.headers.get('location')!)
    expect(back.origin + back.pathname).toBe(REDIRECT_URI)
    expect(back.searchParams.get('error')).toBe(error)
    expect(back.searchParams.get('state')).toBe(state)
  })

  it('Deny returns access_denied with the state', async () => {
    const { url, state } = startSignIn()
    const back = await decide(url, 'deny')
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', state })
  })

  it('runs the whole dance: code, PKCE exchange, userinfo, an API call', async () => {
    const before = Date.now()
    const { url, state, code, codeVerifier } = await signIn()
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect((await decide(url, 'allow')).searchParams.get('state')).toBe(state)

    const credentials = await exchangeCode(demoDocs, docs, client, { code, codeVerifier, redirectUri: REDIRECT_URI }, before)
    issued.push(credentials.accessToken, credentials.refreshToken!)
    expect(credentials).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: before + 3_600_000,
      scope: 'profile docs.write',
    })
    expect(await demoDocs.verify(docs, credentials)).toEqual({
      label: 'client@example.com',
      id: `demo-${(await sha256Hex('client@example.com')).slice(0, 16)}`,
    })

    const result = await demoDocs.actions[0]!.run(docs, credentials, { title: 'Kick-off notes', content: 'Agenda' })
    expect(result.upstreamStatus).toBe(201)
    const page = await browse(result.output.url as string)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Kick-off notes')
  })

  it('refuses a wrong verifier, and the code is spent by that attempt', async () => {
    const { code, codeVerifier } = await signIn()
    const exchange = (verifier: string) =>
      exchangeCode(demoDocs, docs, client, { code, codeVerifier: verifier, redirectUri: REDIRECT_URI }, Date.now())
    expect((await failureOf(exchange(generateCodeVerifier()))).code).toBe('invalid_credentials')
    expect((await failureOf(exchange(codeVerifier))).code).toBe('invalid_credentials')
  })

  it('accepts a code once', async () => {
    const { code, codeVerifier } = await signIn()
    const exchange = () => exchangeCode(demoDocs, docs, client, { code, codeVerifier, redirectUri: REDIRECT_URI }, Date.now())
    issued.push((await exchange()).accessToken)
    expect((await failureOf(exchange())).code).toBe('invalid_credentials')
  })

  it('refuses a code after 60 seconds, or for another redirect URI', async () => {
    const late = await signIn()
    const key = `demo:code:${await sha256Hex(late.code)}`
    const record = await env.LINKS.get<{ expiresAt: number }>(key, 'json')
    await env.LINKS.put(key, JSON.stringify({ ...record, expiresAt: Date.now() - 1 }))
    expect(
      (
        await failureOf(
          exchangeCode(demoDocs, docs, client, { code: late.code, codeVerifier: late.codeVerifier, redirectUri: REDIRECT_URI }, Date.now()),
        )
      ).code,
    ).toBe('invalid_credentials')

    const moved = await signIn()
    const elsewhere = { code: moved.code, codeVerifier: moved.codeVerifier, redirectUri: 'http://tether.test/other' }
    expect((await failureOf(exchangeCode(demoDocs, docs, client, elsewhere, Date.now()))).code).toBe('invalid_credentials')
  })

  it('authenticates the client by Basic or by posted secret, and refuses a wrong one', async () => {
    const { code, codeVerifier } = await signIn()
    const fields = { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: REDIRECT_URI }
    const wrong = await post('/demo/oauth/token', { ...fields, client_id: client.clientId, client_secret: 'guess' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ error: 'invalid_client' })
    const posted = await post('/demo/oauth/token', { ...fields, client_id: client.clientId, client_secret: client.clientSecret })
    expect(posted.status).toBe(200)
    expect(posted.headers.get('cache-control')).toBe('no-store')
    const tokens = await posted.json<{ access_token: string; refresh_token: string; expires_in: number }>()
    issued.push(tokens.access_token, tokens.refresh_token)
    expect(tokens.expires_in).toBe(3600)
  })

  it('rotates refresh tokens: the old one stops working', async () => {
    const first = await connect()
    const second = await refreshOAuthTokens(demoDocs, docs, client, first.refreshToken!, Date.now())
    issued.push(second.accessToken, second.refreshToken!)
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.accessToken).not.toBe(first.accessToken)
    expect((await failureOf(refreshOAuthTokens(demoDocs, docs, client, first.refreshToken!, Date.now()))).code).toBe('invalid_credentials')
    expect(await demoDocs.verify(docs, second)).toMatchObject({ label: 'client@example.com' })
  })

  it('refuses unknown, expired and under-scoped access tokens', async () => {
    const userinfo = (token: string) => browse('/demo/oauth/userinfo', { headers: { authorization: `Bearer ${token}` } })
    const unknown = await userinfo('not-a-token')
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token')

    const expiring = await connect()
    const key = `demo:access:${await sha256Hex(expiring.accessToken)}`
    await env.LINKS.put(key, JSON.stringify({ ...(await env.LINKS.get<object>(key, 'json')), expiresAt: Date.now() - 1 }))
    expect((await userinfo(expiring.accessToken)).status).toBe(401)

    const profileOnly = await connect('profile')
    const error = await failureOf(demoDocs.actions[0]!.run(docs, profileOnly, { title: 'x' }))
    expect(error.code).toBe('invalid_credentials')
  })
})

describe('demo tasks', () => {
  it.each(['demo_12345678', 'demo_correct_key_123'])('accepts the key %s and creates tasks with it', async (apiKey) => {
    issued.push(apiKey)
    const account = await demoTasks.verify(tasks, { apiKey })
    expect(account).toEqual({ label: expect.stringMatching(/^Demo Tasks workspace [0-9a-f]{6}$/), id: expect.stringMatching(/^ws-/) })
    const result = await demoTasks.actions[0]!.run(tasks, { apiKey }, { name: 'Write the brief' })
    expect(result).toEqual({ upstreamStatus: 201, output: { taskId: expect.any(String), name: 'Write the brief' } })
  })

  it.each(['demo_short', 'live_1234567890', 'DEMO_1234567890', 'demo_12345 678'])('refuses the key %j', async (apiKey) => {
    const error = await failureOf(demoTasks.verify(tasks, { apiKey }))
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'Demo Tasks did not accept these credentials.' })
  })

  it('names different keys as different workspaces', async () => {
    const [a, b] = await Promise.all(['demo_aaaaaaaa', 'demo_bbbbbbbb'].map((apiKey) => demoTasks.verify(tasks, { apiKey })))
    expect(a!.id).not.toBe(b!.id)
  })
})

describe('demo state in KV', () => {
  it('holds hashes, never a raw code, token, verifier or key', async () => {
    await connect()
    const { keys } = await env.LINKS.list({ prefix: 'demo:' })
    const stored = await Promise.all(keys.map(async ({ name }) => `${name} ${await env.LINKS.get(name)}`))
    expect(stored.some((entry) => entry.startsWith('demo:access:'))).toBe(true)
    expect(stored.some((entry) => entry.startsWith('demo:refresh:'))).toBe(true)
    expect(issued.length).toBeGreaterThan(10)
    for (const secret of issued) {
      expect(stored.filter((entry) => entry.includes(secret))).toEqual([])
    }
  })
})
