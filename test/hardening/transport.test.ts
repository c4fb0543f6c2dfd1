import { env } from 'cloudflare:workers'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../../src/http/context'
import { setSessionCookie } from '../../src/http/owner-auth'
import { call, DEMO_KEY, sessionCookieFrom } from '../helpers'
import { linkIn, mailTo } from '../mail'
import { withEnv } from './with-env'

const PRODUCTION = 'https://tether.example'
const production = () => withEnv({ PUBLIC_URL: PRODUCTION })
/** No PUBLIC_URL at all: as `npm start`, or a production deployment that forgot it. */
const unset = () => withEnv({ PUBLIC_URL: undefined })

/** Signs up at `origin` and follows the emailed confirmation link there; the sign-up's own answer comes along. */
async function signUpAndVerifyAt(app: ReturnType<typeof withEnv>, origin: string): Promise<{ cookie: string; signup: Response }> {
  const email = `t-${crypto.randomUUID()}@agency.test`
  let signup: Response | undefined
  const mail = await mailTo(email, async () => {
    signup = await app.call(`${origin}/api/v1/auth/signup`, {
      method: 'POST',
      json: { email, password: 'correct horse battery', name: 'Tess' },
    })
  })
  expect(signup!.status).toBe(202)
  const verified = await app.call(`${origin}${linkIn(mail, '/verify-email/')}`)
  expect(verified.status).toBe(303)
  return { cookie: sessionCookieFrom(verified), signup: signup! }
}

const signUpAt = async (app: ReturnType<typeof withEnv>, origin: string) => (await signUpAndVerifyAt(app, origin)).cookie

describe('https when PUBLIC_URL is https', () => {
  it('answers every plain-http request 308 to the same path and query on PUBLIC_URL, before any cookie is set', async () => {
    const app = production()
    for (const [method, path] of [
      ['GET', '/login?next=%2Fconnections'],
      ['POST', '/api/v1/auth/login'],
      ['GET', '/connect/abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
      ['POST', '/hooks/some-token'],
      ['GET', '/api/v1/openapi.json'],
    ]) {
      const response = await app.call(`http://tether.example${path}`, {
        method,
        ...(method === 'POST' ? { json: { email: 'a@b.test', password: 'x' } } : {}),
      })
      expect({ path, status: response.status }).toEqual({ path, status: 308 })
      expect(response.headers.get('location')).toBe(`${PRODUCTION}${path}`)
      expect(response.headers.getSetCookie()).toEqual([])
    }
    // The same requests over https are served, and so is a loopback origin (a local tunnel to PUBLIC_URL).
    expect((await app.call(`${PRODUCTION}/login`)).status).toBe(200)
    expect((await app.call('http://127.0.0.1:8787/login')).status).toBe(200)
  })

  it('keeps plain http working without an https PUBLIC_URL (local development)', async () => {
    expect((await unset().call('http://127.0.0.1:8787/login')).status).toBe(200)
    expect((await call('/login')).status).toBe(200)
  })

  it('HSTS with includeSubDomains over https, never over http', async () => {
    const https = await production().call(`${PRODUCTION}/login`)
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    expect((await call('/login')).headers.get('strict-transport-security')).toBeNull()
  })

  it('the session cookie is Secure and __Host- whenever PUBLIC_URL is https, whatever scheme the request came in on', async () => {
    const probe = new Hono<AppEnv>().get('/', (c) => {
      setSessionCookie(c, 'token')
      return c.body(null, 204)
    })
    const cookieOver = async (url: string, publicUrl: string | undefined) => {
      const response = await probe.fetch(new Request(url), { ...env, PUBLIC_URL: publicUrl })
      return response.headers.getSetCookie()[0] ?? ''
    }
    const plainHttp = await cookieOver('http://tether.example/', PRODUCTION)
    expect(plainHttp).toMatch(/^__Host-tether_session=token;/)
    expect(plainHttp).toMatch(/; Secure/)
    expect(await cookieOver('http://127.0.0.1:8787/', undefined)).not.toMatch(/Secure/)

    const signedIn = await signUpAt(production(), PRODUCTION)
    expect(signedIn).toMatch(/^__Host-tether_session=/)
  })
})

describe('Cache-Control: no-store on every API answer', () => {
  it('the API token, link and webhook URLs, lists, errors and the OpenAPI document', async () => {
    const app = production()
    const origin = PRODUCTION
    const { cookie, signup } = await signUpAndVerifyAt(app, origin)
    const json = (path: string, body: unknown) => app.call(`${origin}${path}`, { method: 'POST', cookie, json: body })
    const link = await json('/api/v1/connections', { appId: 'demo-tasks', name: 'Link', via: 'link' })
    const { connection } = await link.clone().json<{ connection: { id: string } }>()
    const answers: [string, Response][] = [
      ['signup', signup],
      ['API token', await json('/api/v1/tokens', { name: 'CI' })],
      ['new link', link],
      ['current link', await app.call(`${origin}/api/v1/connections/${connection.id}/link`, { cookie })],
      ['refreshed link', await json(`/api/v1/connections/${connection.id}/link`, {})],
      ['new workflow (webhook URL)', await json('/api/v1/workflows', { name: 'Flow', steps: [] })],
      ['workflows', await app.call(`${origin}/api/v1/workflows`, { cookie })],
      [
        'direct connection',
        await json('/api/v1/connections', { appId: 'demo-tasks', name: 'D', via: 'direct', credentials: { apiKey: DEMO_KEY } }),
      ],
      ['401', await app.call(`${origin}/api/v1/connections`)],
      ['404', await app.call(`${origin}/api/v1/connections/nope`, { cookie })],
      ['400', await json('/api/v1/connections', { appId: 'demo-tasks' })],
      ['unknown route', await app.call(`${origin}/api/v1/no-such-thing`)],
      ['OpenAPI document', await app.call(`${origin}/api/v1/openapi.json`)],
      ['webhook', await app.call(`${origin}/hooks/not-a-token`, { method: 'POST', json: {} })],
    ]
    for (const [name, response] of answers) {
      expect({ name, ok: response.status < 500, cache: response.headers.get('cache-control') }).toEqual({
        name,
        ok: true,
        cache: 'no-store',
      })
      await response.body?.cancel()
    }
    console.log(`[figure] transport: ${answers.length} API and webhook answers (tokens, link and webhook URLs, errors) all no-store`)
  })
})

describe('links only from PUBLIC_URL, or a loopback origin', () => {
  it('with PUBLIC_URL set, a forged Host never reaches a link', async () => {
    const app = withEnv({})
    const cookie = await signUpAt(app, 'http://evil.example')
    const created = await app.call('http://evil.example/api/v1/connections', {
      method: 'POST',
      cookie,
      json: { appId: 'demo-tasks', name: 'Client', via: 'link' },
    })
    expect(created.status).toBe(201)
    expect((await created.json<{ link: { url: string } }>()).link.url).toMatch(/^http:\/\/tether\.test\/connect\//)
  })

  it('without PUBLIC_URL, a non-loopback origin builds no link, redirect URI or webhook URL, and writes nothing', async () => {
    const app = unset()
    const evil = 'http://evil.example'
    const cookie = await signUpAt(app, 'http://127.0.0.1:8787')
    const post = (path: string, json: unknown) => app.call(`${evil}${path}`, { method: 'POST', cookie, json })
    const expectMisconfigured = async (response: Response) => {
      expect(response.status).toBe(500)
      const body = await response.json<{ error: { code: string; message: string } }>()
      expect(body).toEqual({ error: { code: 'misconfigured', message: expect.stringContaining('set PUBLIC_URL') } })
      expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+/)
    }
    // Nor an emailed confirmation or reset link: the sign-up is refused before anything is written or sent.
    const stranger = `forged-${crypto.randomUUID()}@agency.test`
    await expectMisconfigured(await post('/api/v1/auth/signup', { email: stranger, password: 'correct horse battery', name: 'F' }))
    expect(await env.DB.prepare('SELECT count(*) AS n FROM users WHERE email = ?').bind(stranger).first('n')).toBe(0)
    await expectMisconfigured(await post('/api/v1/connections', { appId: 'demo-tasks', name: 'Client', via: 'link' }))
    await expectMisconfigured(await post('/api/v1/workflows', { name: 'Flow', steps: [] }))
    const direct = await post('/api/v1/connections', { appId: 'demo-tasks', name: 'D', via: 'direct', credentials: { apiKey: DEMO_KEY } })
    expect(direct.status).toBe(201)
    const { connection } = await direct.json<{ connection: { id: string } }>()
    await expectMisconfigured(await post(`/api/v1/connections/${connection.id}/link`, {}))

    const page = await app.call(`${evil}/connections/new/demo-docs/oauth`, {
      cookie,
      form: { connectionName: 'Docs' },
      headers: { 'sec-fetch-site': 'same-origin' },
    })
    expect(page.status).toBe(500)
    expect(await page.text()).toContain('set PUBLIC_URL')

    const listed = await app.call(`${evil}/api/v1/connections`, { cookie })
    expect((await listed.json<{ connections: unknown[] }>()).connections).toHaveLength(1)
    const workflows = await app.call(`${evil}/api/v1/workflows`, { cookie })
    expect((await workflows.json<{ workflows: unknown[] }>()).workflows).toEqual([])
    const rows = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM links WHERE connection_id = ?1) AS links,
              (SELECT count(*) FROM oauth_states WHERE connection_name = 'Docs' AND workspace_id =
                 (SELECT workspace_id FROM connections WHERE id = ?1)) AS states`,
    )
      .bind(connection.id)
      .first()
    expect(rows).toEqual({ links: 0, states: 0 })
  })

  it('without PUBLIC_URL, loopback origins (npm start) build links from themselves', async () => {
    const app = unset()
    for (const origin of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787']) {
      const cookie = await signUpAt(app, origin)
      const created = await app.call(`${origin}/api/v1/connections`, {
        method: 'POST',
        cookie,
        json: { appId: 'demo-tasks', name: 'Local', via: 'link' },
      })
      expect(created.status).toBe(201)
      expect((await created.json<{ link: { url: string } }>()).link.url.startsWith(`${origin}/connect/`)).toBe(true)
    }
  })
})
