import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { requestsSince } from '../app-calls'
import { fakeCursor } from '../fake-requests'
import { signUpOwner } from '../helpers'
import {
  createWorkflow,
  deliverRun,
  fakeWordPressSite,
  postStep,
  runWorkflow,
  storeCredentials,
  wordpressViaLink,
} from '../workflow-helpers'
import { withEnv } from './with-env'

/**
 * Addresses a client or owner types (a WordPress site) are the only app URLs users control.
 * With production settings (ALLOW_LOOPBACK_APPS off) every non-public one is refused before
 * any request leaves the worker, through the API, the link form, the dashboard and a run.
 */
const production = withEnv({ ALLOW_LOOPBACK_APPS: '0' })

const REFUSED_SITES = [
  ['the test fakes (http, loopback)', `${env.FAKES_URL}/wp/ssrf`],
  ['http', 'http://example.com'],
  ['localhost', 'https://localhost/wp'],
  ['loopback', 'https://127.0.0.1'],
  ['loopback, decimal', 'https://2130706433'],
  ['loopback, hex', 'https://0x7f000001'],
  ['IPv6 loopback', 'https://[::1]'],
  ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]'],
  ['private 10/8', 'https://10.0.0.5/wp'],
  ['private 172.16/12', 'https://172.16.0.1'],
  ['private 192.168/16', 'https://192.168.1.1'],
  ['carrier-grade NAT', 'https://100.64.0.1'],
  ['cloud metadata (link-local)', 'https://169.254.169.254/latest/meta-data'],
  ['IPv6 unique local', 'https://[fd00::1]'],
  ['IPv6 link-local', 'https://[fe80::1]'],
  ['unspecified', 'https://0.0.0.0'],
  ['public IP literal', 'https://8.8.8.8'],
  ['internal name', 'https://metadata.google.internal'],
  ['mDNS name', 'https://printer.local'],
  ['single label', 'https://intranet'],
  ['credentials in the URL', 'https://admin:pw@example.com'],
  ['not http at all', 'file:///etc/passwd'],
] as const

const outbound: string[] = []
beforeEach(() => {
  outbound.length = 0
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    outbound.push(input instanceof Request ? input.url : String(input))
    return realFetch(input, init)
  })
})
afterEach(() => vi.restoreAllMocks())

/** Outbound requests the app made, not the test's own calls to the fakes' recorder. */
const appRequests = () => outbound.filter((url) => !url.includes('/__requests'))

describe('SSRF: user-supplied app URLs with production settings', () => {
  it.each(REFUSED_SITES)('refuses %s (%s) through the API, the link form and the dashboard, sending nothing', async (_kind, siteUrl) => {
    const owner = await signUpOwner()
    const credentials = { siteUrl, username: 'wendy', applicationPassword: 'good-password' }

    const direct = await production.call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'wordpress', name: 'Site', via: 'direct', credentials },
    })
    expect(direct.status).toBe(400)
    expect((await direct.json<{ error: { code: string } }>()).error.code).toBe('invalid_request')

    const link = await production.call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'wordpress', name: 'Site', via: 'link' },
    })
    const { connection, link: issued } = await link.json<{ connection: { id: string }; link: { url: string } }>()
    const submitted = await production.call(new URL(issued.url).pathname, { form: credentials, follow: true })
    expect(submitted.status).toBe(422)
    const failed = await env.DB.prepare('SELECT status, failed_attempts AS n FROM links WHERE connection_id = ?')
      .bind(connection.id)
      .first()
    expect(failed).toEqual({ status: 'pending', n: 0 })

    const dashboard = await production.call('/connections/new/wordpress/direct', {
      cookie: owner.cookie,
      form: { connectionName: 'Site', ...credentials },
      follow: true,
    })
    expect(dashboard.status).toBeGreaterThanOrEqual(400)
    expect(dashboard.status).toBeLessThan(500)

    expect(appRequests()).toEqual([])
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM connections WHERE workspace_id = ? AND status = 'active'")
      .bind(owner.workspaceId)
      .first<{ n: number }>()
    expect(stored?.n).toBe(0)
  })

  it('a run refuses a stored site that is no longer allowed, and sends nothing', async () => {
    const owner = await signUpOwner()
    // Stored while loopback apps were allowed (development), then run with production settings.
    const site = fakeWordPressSite()
    const connectionId = await wordpressViaLink(owner, site, 'good-password')
    const workflow = await createWorkflow(owner, [postStep(connectionId)])
    const cursor = await fakeCursor()
    outbound.length = 0
    const fired = await production.call(new URL(workflow.webhookUrl).pathname, { method: 'POST', json: { title: 'x', body: 'y' } })
    expect(fired.status).toBe(202)
    await deliverRun((await fired.json<{ runId: string }>()).runId, 1, production.env)
    const runs = await (await production.call(`/api/v1/workflows/${workflow.id}/runs`, { cookie: owner.cookie })).json<{
      runs: { status: string; steps: { error: string }[] }[]
    }>()
    expect(runs.runs[0]).toMatchObject({ status: 'failed', steps: [{ error: expect.stringMatching(/https:\/\//) }] })
    expect(appRequests()).toEqual([])
    expect(await requestsSince(cursor, (request) => request.path.startsWith(new URL(site).pathname))).toEqual([])
  })
})

describe('SSRF: redirects are never followed', () => {
  it('a site that answers with a redirect to the metadata address is refused, in the link form and in a run', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const cursor = await fakeCursor()
    const { call } = withEnv({})
    const link = await call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'wordpress', name: 'Site', via: 'link' },
    })
    const path = new URL((await link.json<{ link: { url: string } }>()).link.url).pathname
    const submitted = await call(path, {
      form: { siteUrl: site, username: 'wendy', applicationPassword: 'redirect-password' },
      follow: true,
    })
    expect(submitted.status).toBe(422)
    expect(await submitted.text()).toMatch(/redirect, which Tether does not follow/)
    expect(await requestsSince(cursor, (request) => request.path.startsWith(new URL(site).pathname))).toHaveLength(1)
    expect(appRequests().filter((url) => url.includes('169.254.169.254'))).toEqual([])

    // A stored connection whose site starts redirecting: the step fails, the redirect is not followed.
    const connectionId = await wordpressViaLink(owner, site, 'good-password')
    await storeCredentials(connectionId, { siteUrl: site, username: 'wendy', applicationPassword: 'redirect-now' })
    const workflow = await createWorkflow(owner, [postStep(connectionId)])
    const stepCursor = await fakeCursor()
    outbound.length = 0
    const run = await runWorkflow(owner, workflow)
    expect(run).toMatchObject({
      status: 'failed',
      steps: [{ status: 'failed', upstreamStatus: 302, error: expect.stringMatching(/redirect, which Tether does not follow/) }],
    })
    expect(await requestsSince(stepCursor, (request) => request.path.startsWith(new URL(site).pathname))).toHaveLength(1)
    // The spy sees the app's requests (so its silence above means something), and no second one.
    expect(appRequests().filter((url) => url.startsWith(site))).toHaveLength(1)
    expect(appRequests().filter((url) => url.includes('169.254.169.254'))).toEqual([])
  })
})
