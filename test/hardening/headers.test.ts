import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { newToken } from '../../src/domain/tokens'
import { DEMO_KEY, followLocalRedirect } from '../helpers'
import { linkIn, mailTo } from '../mail'

/** Everything here is served over https, as in production, where `__Host-` and Secure apply. */
const HTTPS = 'https://tether.test'
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' }

function get(path: string, cookie?: string): Promise<Response> {
  return exports.default.fetch(new Request(`${HTTPS}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' }))
}

/** Where a browser lands after a post on the client's pages. */
const landed = async (posted: Promise<Response>) => followLocalRedirect(await posted, (path, cookie) => get(path, cookie))

function post(path: string, body: { json?: unknown; form?: Record<string, string> }, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = { ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) }
  headers['content-type'] = body.json !== undefined ? 'application/json' : 'application/x-www-form-urlencoded'
  const payload = body.json !== undefined ? JSON.stringify(body.json) : new URLSearchParams(body.form ?? {}).toString()
  return exports.default.fetch(new Request(`${HTTPS}${path}`, { method: 'POST', headers, body: payload, redirect: 'manual' }))
}

/** Parses one Set-Cookie line into its name, value and attributes (lower-cased names). */
function parseSetCookie(line: string): { name: string; value: string; attributes: Map<string, string> } {
  const [pair = '', ...rest] = line.split(';').map((part) => part.trim())
  const separator = pair.indexOf('=')
  const attributes = new Map(
    rest.map((attribute) => {
      const at = attribute.indexOf('=')
      return at < 0 ? [attribute.toLowerCase(), ''] : [attribute.slice(0, at).toLowerCase(), attribute.slice(at + 1)]
    }),
  )
  return { name: pair.slice(0, separator), value: pair.slice(separator + 1), attributes }
}

function sessionCookieOf(response: Response) {
  const lines = response.headers.getSetCookie().filter((line) => line.includes('tether_session'))
  expect(lines).toHaveLength(1)
  return parseSetCookie(lines[0]!)
}

function expectHostSessionCookie(response: Response): string {
  const cookie = sessionCookieOf(response)
  expect(cookie.name).toBe('__Host-tether_session')
  expect(cookie.value.length).toBeGreaterThanOrEqual(32)
  expect(cookie.attributes.has('secure')).toBe(true)
  expect(cookie.attributes.has('httponly')).toBe(true)
  expect(cookie.attributes.get('samesite')).toBe('Lax')
  expect(cookie.attributes.get('path')).toBe('/')
  expect(cookie.attributes.has('domain')).toBe(false)
  return `${cookie.name}=${cookie.value}`
}

async function signUp(): Promise<{ cookie: string; email: string }> {
  const email = `https-${crypto.randomUUID()}@agency.test`
  const mail = await mailTo(email, async () => {
    const response = await post('/api/v1/auth/signup', { json: { email, password: 'correct horse battery', name: 'Hana' } })
    expect(response.status).toBe(202)
  })
  const verified = await get(linkIn(mail, '/verify-email/'))
  expect(verified.status).toBe(303)
  return { cookie: expectHostSessionCookie(verified), email }
}

describe('cookies over https', () => {
  it('the session cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain — API and form alike', async () => {
    const owner = await signUp()
    expect((await get('/api/v1/connections', owner.cookie)).status).toBe(200)
    expectHostSessionCookie(await post('/api/v1/auth/login', { json: { email: owner.email, password: 'correct horse battery' } }))
    expectHostSessionCookie(await post('/login', { form: { email: owner.email, password: 'correct horse battery' } }))
    const formEmail = `form-${crypto.randomUUID()}@agency.test`
    const mail = await mailTo(formEmail, async () => {
      const formSignup = await post('/signup', { form: { name: 'Form', email: formEmail, password: 'correct horse battery' } })
      expect(formSignup.status).toBe(303)
      // No session before the address is confirmed; only the one-view cookie the "check your email" page reads.
      const cookies = formSignup.headers.getSetCookie().map(parseSetCookie)
      expect(cookies.map((cookie) => cookie.name)).toEqual(['tether_form'])
      expect(cookies[0]!.attributes.has('httponly')).toBe(true)
      expect(cookies[0]!.attributes.has('secure')).toBe(true)
      expect(cookies[0]!.attributes.get('samesite')).toBe('Strict')
      expect(cookies[0]!.attributes.get('path')).toBe('/check-email')
    })
    expectHostSessionCookie(await get(linkIn(mail, '/verify-email/')))

    // Over https a cookie without the prefix (which a sibling subdomain could set) is not a session.
    const plain = owner.cookie.replace('__Host-tether_session', 'tether_session')
    expect((await get('/api/v1/connections', plain)).status).toBe(401)

    const logout = await post('/api/v1/auth/logout', { json: {} }, owner.cookie)
    expect(logout.status).toBe(204)
    const cleared = sessionCookieOf(logout)
    expect(cleared.name).toBe('__Host-tether_session')
    expect(cleared.attributes.get('max-age')).toBe('0')
    expect(cleared.attributes.has('secure')).toBe(true)
    expect(cleared.attributes.get('path')).toBe('/')
    expect((await get('/api/v1/connections', owner.cookie)).status).toBe(401)
  })

  it('the OAuth state cookie is HttpOnly, Secure, SameSite=Lax and lives at most 600 s', async () => {
    const owner = await signUp()
    const created = await post('/api/v1/connections', { json: { appId: 'google-docs', name: 'Docs', via: 'link' } }, owner.cookie)
    const path = new URL((await created.json<{ link: { url: string } }>()).link.url).pathname
    const accepted = await post(`${path}/accept`, { form: {} })
    expect(accepted.status).toBe(302)
    const line = accepted.headers.getSetCookie().find((value) => value.startsWith('tether_oauth_state='))!
    const cookie = parseSetCookie(line)
    expect(cookie.attributes.has('httponly')).toBe(true)
    expect(cookie.attributes.has('secure')).toBe(true)
    expect(cookie.attributes.get('samesite')).toBe('Lax')
    expect(Number(cookie.attributes.get('max-age'))).toBeGreaterThan(0)
    expect(Number(cookie.attributes.get('max-age'))).toBeLessThanOrEqual(600)
    expect(cookie.attributes.has('domain')).toBe(false)
  })
})

/** What every HTML page must carry. */
function expectHardened(path: string, response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? ''
  for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect({ path, csp: csp.includes(directive) }).toEqual({ path, csp: true })
  }
  expect({ path, unsafe: /unsafe-(inline|eval)/.test(csp) }).toEqual({ path, unsafe: false })
  expect({ path, frame: response.headers.get('x-frame-options') }).toEqual({ path, frame: 'DENY' })
  expect({ path, sniff: response.headers.get('x-content-type-options') }).toEqual({ path, sniff: 'nosniff' })
  expect({ path, referrer: ['no-referrer', 'same-origin'].includes(response.headers.get('referrer-policy') ?? '') }).toEqual({
    path,
    referrer: true,
  })
  expect({ path, hsts: /max-age=\d{8,}/.test(response.headers.get('strict-transport-security') ?? '') }).toEqual({ path, hsts: true })
}

describe('headers on every HTML page', () => {
  it('every dashboard, client and auth page: CSP, frame, nosniff, referrer, HSTS; no-store where secrets or private data are', async () => {
    const owner = await signUp()
    const json = async <T>(response: Promise<Response>) => (await response).json<T>()
    const link = await json<{ connection: { id: string }; link: { url: string } }>(
      post('/api/v1/connections', { json: { appId: 'demo-tasks', name: 'Client tasks', via: 'link' } }, owner.cookie),
    )
    const linkPath = new URL(link.link.url).pathname
    const toReject = await json<{ link: { url: string } }>(
      post('/api/v1/connections', { json: { appId: 'demo-tasks', name: 'Declined', via: 'link' } }, owner.cookie),
    )
    const active = await json<{ connection: { id: string } }>(
      post(
        '/api/v1/connections',
        { json: { appId: 'demo-tasks', name: 'Active', via: 'direct', credentials: { apiKey: DEMO_KEY } } },
        owner.cookie,
      ),
    )
    const oauth = await json<{ link: { url: string } }>(
      post('/api/v1/connections', { json: { appId: 'demo-docs', name: 'Docs', via: 'link' } }, owner.cookie),
    )
    const workflow = await json<{ workflow: { id: string } }>(
      post(
        '/api/v1/workflows',
        {
          json: {
            name: 'Flow',
            steps: [{ appId: 'demo-tasks', action: 'create-task', connectionId: active.connection.id, input: { name: 'x' } }],
          },
        },
        owner.cookie,
      ),
    )
    const id = link.connection.id
    const wf = workflow.workflow.id

    const pages: [string, () => Promise<Response>, { noStore: boolean }][] = [
      ['login', () => get('/login'), { noStore: true }],
      ['signup', () => get('/signup'), { noStore: true }],
      ['login refused', () => landed(post('/login', { form: { email: owner.email, password: 'wrong password here' } })), { noStore: true }],
      ['check email', () => landed(post('/forgot-password', { form: { email: owner.email } })), { noStore: true }],
      ['invitation', () => get(linkPath), { noStore: true }],
      ['invalid link', () => get(`/connect/${newToken()}`), { noStore: true }],
      ['credentials form', () => landed(post(`${linkPath}/accept`, { form: {} })), { noStore: true }],
      ['credentials refused', () => landed(post(linkPath, { form: { apiKey: 'wrong-key-1' } })), { noStore: true }],
      ['reject confirmation', () => get(`${new URL(toReject.link.url).pathname}/reject`), { noStore: true }],
      ['declined', () => landed(post(`${new URL(toReject.link.url).pathname}/reject`, { form: {} })), { noStore: true }],
      ['connected', () => landed(post(linkPath, { form: { apiKey: DEMO_KEY } })), { noStore: true }],
      [
        'OAuth consent (demo provider)',
        async () => {
          const accepted = await post(`${new URL(oauth.link.url).pathname}/accept`, { form: {} })
          const location = new URL(accepted.headers.get('location')!, HTTPS)
          return get(location.pathname + location.search)
        },
        { noStore: false },
      ], // the demo stands in for Google's own consent screen
      ['connections', () => get('/connections', owner.cookie), { noStore: true }],
      ['app picker', () => get('/connections/new', owner.cookie), { noStore: true }],
      ['new connection', () => get('/connections/new/demo-tasks', owner.cookie), { noStore: true }],
      ['connection', () => get(`/connections/${id}`, owner.cookie), { noStore: true }],
      ['connection link', () => get(`/connections/${id}/link`, owner.cookie), { noStore: true }],
      ['delete connection', () => get(`/connections/${id}/delete`, owner.cookie), { noStore: true }],
      ['settings', () => get('/settings', owner.cookie), { noStore: true }],
      ['workflows', () => get('/workflows', owner.cookie), { noStore: true }],
      ['new workflow', () => get('/workflows/new', owner.cookie), { noStore: true }],
      ['workflow', () => get(`/workflows/${wf}`, owner.cookie), { noStore: true }],
      ['delete workflow', () => get(`/workflows/${wf}/delete`, owner.cookie), { noStore: true }],
      ['step app picker', () => get(`/workflows/${wf}/steps/new`, owner.cookie), { noStore: true }],
      ['step form', () => get(`/workflows/${wf}/steps/new/demo-tasks?action=create-task`, owner.cookie), { noStore: true }],
      ['edit step', () => get(`/workflows/${wf}/steps/1/edit`, owner.cookie), { noStore: true }],
      ['not found', () => get('/no-such-page'), { noStore: false }],
      ["another owner's connection", () => get('/connections/not-mine', owner.cookie), { noStore: true }],
    ]
    const seen: string[] = []
    for (const [name, fetchPage, { noStore }] of pages) {
      const response = await fetchPage()
      expect({ name, type: response.headers.get('content-type') ?? '' }).toEqual({ name, type: expect.stringContaining('text/html') })
      expect({ name, status: response.status < 500 }).toEqual({ name, status: true })
      expectHardened(name, response)
      if (noStore) expect({ name, cache: response.headers.get('cache-control') }).toEqual({ name, cache: 'no-store' })
      await response.body?.cancel()
      seen.push(name)
    }
    console.log(
      `[figure] headers: ${seen.length} HTML pages walked over https, each with CSP, X-Frame-Options, nosniff, Referrer-Policy and HSTS`,
    )
  })
})
