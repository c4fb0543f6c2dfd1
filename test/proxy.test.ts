import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { PROXY_CALLS_PER_CONNECTION_PER_MINUTE, PROXY_CALLS_PER_WORKSPACE_PER_MINUTE, PROXY_BODY_MAX } from '../src/domain/limits'
import { call, freezeAtWindowStart, rejectViaLink, requestLink, signUpOwner } from './helpers'
import { fakeWordPressSite, directConnection, wordpressViaLink } from './workflow-helpers'
import { mintToken, outboundDuring, proxy, proxyAudits, setProxyCounter, waitFor } from './proxy-helpers'

const toFake = (request: { path: string }) => request.path.includes('/__echo') || request.path.includes('/__status')

interface Echo {
  method: string
  path: string
  query: Record<string, string>
  authorization: string | null
  forwarded: { cookie: string | null; accept: string | null; other: string | null }
  body: string
}

describe('the credential proxy: injection per auth mode, never echoed back', () => {
  it('a raw header key (ClickUp): path, query and allowed headers pass; the key and unsafe headers do not come back', async () => {
    const owner = await signUpOwner()
    const apiToken = `pk_good_proxy_${crypto.randomUUID()}`
    const id = await directConnection(owner, 'clickup', { apiToken }, 'Client ClickUp')
    const token = await mintToken(owner)
    const { result, requests } = await outboundDuring(
      () =>
        proxy(token, id, '/__echo/api/v2/team?archived=false&page=2', {
          headers: { accept: 'application/json', cookie: 'a=b', 'x-other': '1' },
        }),
      toFake,
    )
    const response = result as Response
    expect(requests).toHaveLength(1)
    expect(requests[0]!.headers.authorization).toBe(apiToken)
    expect(requests[0]!.path).toBe('/__echo/api/v2/team?archived=false&page=2')
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).not.toContain(apiToken)
    expect(text).not.toContain(token)
    const echo = JSON.parse(text) as Echo
    expect(echo.authorization).toBe('[redacted]')
    expect(echo.forwarded).toEqual({ cookie: null, accept: 'application/json', other: null })
    for (const header of ['set-cookie', 'www-authenticate', 'x-api-token', 'x-hop-secret', 'connection']) {
      expect(response.headers.get(header), header).toBeNull()
    }
    expect(response.headers.get('x-request-id')).toBe('req-123')
    expect(response.headers.get('etag')).toBe('"v1"')
  })

  it('Basic with the site as base (WordPress): a POST body streams through, the password never comes back', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const id = await wordpressViaLink(owner, site, 'good-proxy-app-password')
    const token = await mintToken(owner)
    const { result, requests } = await outboundDuring(
      () => proxy(token, id, '/__echo/wp/v2/posts', { method: 'POST', json: { title: 'Hi' } }),
      toFake,
    )
    const response = result as Response
    expect(response.status, await response.clone().text()).toBe(200)
    expect(requests).toHaveLength(1)
    expect(requests[0]!.path).toBe(`${new URL(site).pathname}/wp-json/__echo/wp/v2/posts`)
    expect(requests[0]!.headers.authorization).toBe(`Basic ${btoa('wendy:good-proxy-app-password')}`)
    expect(requests[0]!.headers['content-type']).toBe('application/json')
    const text = await response.text()
    expect(text).not.toContain('good-proxy-app-password')
    expect(text).not.toContain(btoa('wendy:good-proxy-app-password'))
    expect((JSON.parse(text) as Echo).body).toBe('{"title":"Hi"}')
  })

  it('Basic with a fixed user name and the key (Mailchimp)', async () => {
    const owner = await signUpOwner()
    const apiKey = `goodproxy${crypto.randomUUID().replaceAll('-', '')}-us21`
    const id = await directConnection(owner, 'mailchimp', { apiKey }, 'Client Mailchimp')
    const token = await mintToken(owner)
    const { result, requests } = await outboundDuring(() => proxy(token, id, '/__echo/lists'), toFake)
    expect(requests.map((request) => request.path)).toEqual(['/3.0/__echo/lists'])
    expect(requests[0]!.headers.authorization).toBe(`Basic ${btoa(`tether:${apiKey}`)}`)
    expect(await (result as Response).text()).not.toContain(apiKey)
  })

  it('an OAuth bearer token, refreshed first when about to expire', async () => {
    const owner = await signUpOwner()
    const stale = `access-good-proxy-${crypto.randomUUID()}`
    const id = await directConnection(owner, 'google-docs', {
      accessToken: stale,
      refreshToken: 'refresh-70',
      expiresAt: Date.now() - 60_000,
    })
    const token = await mintToken(owner)
    const { result, requests } = await outboundDuring(
      () => proxy(token, id, '/__echo/v1/documents/abc'),
      (request) => toFake(request) || (request.path === '/google/token' && request.body.includes('refresh-70')),
    )
    expect(requests.map((request) => request.path)).toEqual(['/google/token', '/google-docs/__echo/v1/documents/abc'])
    const sent = requests[1]!.headers.authorization!
    expect(sent).toMatch(/^Bearer /)
    expect(sent).not.toBe(`Bearer ${stale}`)
    const text = await (result as Response).text()
    expect(text).not.toContain(sent.slice('Bearer '.length))
  })
})

describe('the credential proxy refuses before anything leaves', () => {
  const TRICKS = [
    '/..%2f..%2fadmin',
    '/%2e%2e/%2e%2e/admin',
    '//evil.example/steal',
    '/a//b',
    '/@evil.example/x',
    '/a@evil.example',
    '/a%5c..%5cb',
    '/a%2fb',
    '/a%252fb',
    '/a%00b',
    '/a%0d%0aX-Injected:%201',
    '/a%zz',
    '/../../../admin',
  ]

  it.each(TRICKS)('%s: refused, 0 outbound requests', async (trick) => {
    const owner = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_trick_${crypto.randomUUID()}` })
    const token = await mintToken(owner)
    const { result, requests } = await outboundDuring(() => proxy(token, id, trick))
    expect([400, 404]).toContain((result as Response).status)
    expect(requests).toEqual([])
  })

  it('a read token may GET but not POST, PUT, PATCH or DELETE', async () => {
    const owner = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_read_${crypto.randomUUID()}` })
    const read = await mintToken(owner, 'read')
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const { result, requests } = await outboundDuring(() => proxy(read, id, '/__echo/x', { method, json: {} }), toFake)
      const response = result as Response
      expect(response.status, method).toBe(403)
      expect((await response.json<{ error: { code: string } }>()).error.code).toBe('insufficient_scope')
      expect(requests).toEqual([])
    }
    expect((await proxy(read, id, '/__echo/x')).status).toBe(200)
  })

  it('no token, a session, an unknown token, another workspace’s connection: 401 / 404, nothing sent', async () => {
    const owner = await signUpOwner()
    const other = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_iso_${crypto.randomUUID()}` })
    const theirs = await mintToken(other)
    const { result, requests } = await outboundDuring(async () => [
      (await call(`/api/v1/connections/${id}/proxy/__echo/x`)).status,
      (await call(`/api/v1/connections/${id}/proxy/__echo/x`, { cookie: owner.cookie })).status,
      (await proxy('tth_never_issued_token_0000000000', id, '/__echo/x')).status,
      (await proxy(theirs, id, '/__echo/x')).status,
    ])
    expect(result).toEqual([401, 401, 401, 404])
    expect(requests.filter(toFake)).toEqual([])
  })

  it('pending, rejected and needs-reconnect connections answer 409 with their code', async () => {
    const owner = await signUpOwner()
    const token = await mintToken(owner)
    const pending = await requestLink(owner, 'clickup')
    const rejected = await requestLink(owner, 'clickup')
    await rejectViaLink(rejected)
    const broken = await directConnection(owner, 'clickup', { apiToken: `pk_good_broken_${crypto.randomUUID()}` })
    await env.DB.prepare('UPDATE connections SET needs_reconnect = 1 WHERE id = ?').bind(broken).run()
    const { result, requests } = await outboundDuring(async () => {
      const codes: [number, string][] = []
      for (const id of [pending.connectionId, rejected.connectionId, broken]) {
        const response = await proxy(token, id, '/__echo/x')
        codes.push([response.status, (await response.json<{ error: { code: string } }>()).error.code])
      }
      return codes
    }, toFake)
    expect(result).toEqual([
      [409, 'connection_pending'],
      [409, 'connection_rejected'],
      [409, 'needs_reconnect'],
    ])
    expect(requests).toEqual([])
  })

  it('over the per-connection or per-workspace limit: 429 with Retry-After', async () => {
    // The minute's window is fixed to the wall clock: the counters set here and the calls must fall in one.
    freezeAtWindowStart(60_000)
    const owner = await signUpOwner()
    const token = await mintToken(owner)
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_limit_${crypto.randomUUID()}` })
    const second = await directConnection(owner, 'clickup', { apiToken: `pk_good_limit2_${crypto.randomUUID()}` })
    await setProxyCounter(`proxy-connection:${id}`, PROXY_CALLS_PER_CONNECTION_PER_MINUTE)
    const { result, requests } = await outboundDuring(() => proxy(token, id, '/__echo/x'), toFake)
    const response = result as Response
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(requests).toEqual([])
    expect((await proxy(token, second, '/__echo/x')).status).toBe(200)

    const { workspace_id } = (await env.DB.prepare('SELECT workspace_id FROM connections WHERE id = ?')
      .bind(id)
      .first<{ workspace_id: string }>())!
    await setProxyCounter(`proxy-workspace:${workspace_id}`, PROXY_CALLS_PER_WORKSPACE_PER_MINUTE)
    expect((await proxy(token, second, '/__echo/x')).status).toBe(429)
  })

  it('counts each call it lets through: the last slot passes, the call after it is refused', async () => {
    // The minute's window is fixed to the wall clock: the counters set here and the calls must fall in one.
    freezeAtWindowStart(60_000)
    const owner = await signUpOwner()
    const token = await mintToken(owner)
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_count_${crypto.randomUUID()}` })
    const counted = async () =>
      (await env.DB.prepare('SELECT count FROM rate_limits WHERE key = ?').bind(`proxy-connection:${id}`).first<{ count: number }>())?.count
    for (let i = 1; i <= 3; i++) {
      expect((await proxy(token, id, '/__echo/x')).status).toBe(200)
      await waitFor(async () => (await counted()) === i)
    }
    await setProxyCounter(`proxy-connection:${id}`, PROXY_CALLS_PER_CONNECTION_PER_MINUTE - 1)
    expect((await proxy(token, id, '/__echo/x')).status).toBe(200)
    await waitFor(async () => (await counted()) === PROXY_CALLS_PER_CONNECTION_PER_MINUTE)
    expect((await proxy(token, id, '/__echo/x')).status).toBe(429)
  })

  it('a body over the cap: 413, nothing sent', async () => {
    const owner = await signUpOwner()
    const token = await mintToken(owner)
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_big_${crypto.randomUUID()}` })
    const { result, requests } = await outboundDuring(
      () =>
        proxy(token, id, '/__echo/x', { method: 'POST', body: 'x'.repeat(PROXY_BODY_MAX + 1), headers: { 'content-type': 'text/plain' } }),
      toFake,
    )
    expect((result as Response).status, await (result as Response).clone().text()).toBe(413)
    expect(requests).toEqual([])
    // Under the cap, far over the app-wide 64 KB limit of other routes.
    const big = await proxy(token, id, '/__echo/x', { method: 'PUT', body: 'y'.repeat(200_000), headers: { 'content-type': 'text/plain' } })
    expect(big.status).toBe(200)
    expect((await big.json<Echo>()).body).toHaveLength(200_000)
  })
})

describe('the credential proxy’s audit trail', () => {
  it('records method, path (query names only), status and duration; never bodies or headers', async () => {
    const owner = await signUpOwner()
    const token = await mintToken(owner)
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_audit_${crypto.randomUUID()}` })
    expect(
      (await proxy(token, id, '/__echo/search?email=secret%40client.test', { method: 'POST', json: { note: 'body-text' } })).status,
    ).toBe(200)
    expect((await proxy(token, id, '/__status/404')).status).toBe(404)
    const audits = await proxyAudits(owner, id, 2)
    expect(audits.map((event) => [event.actor, event.detail.method, event.detail.path, event.detail.status])).toEqual([
      ['owner', 'GET', '/__status/404', 404],
      ['owner', 'POST', '/__echo/search?email', 200],
    ])
    expect(audits.every((event) => typeof event.detail.durationMs === 'number')).toBe(true)
    const stored = JSON.stringify(audits)
    expect(stored).not.toContain('secret%40client.test')
    expect(stored).not.toContain('body-text')
    expect(stored).not.toContain(token)
  })
})
