import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MAX_CONNECTIONS, MAX_EVENTS_PER_LINK, MAX_OPEN_LINKS, MAX_WORKFLOWS, NEW_LINKS_PER_HOUR } from '../../src/domain/limits'
import { MAX_FAILED_ATTEMPTS } from '../../src/domain/links'
import { windowStartOf } from '../../src/domain/rate-limit'
import { hashToken } from '../../src/domain/tokens'
import { NEW_LINKS_PER_WORKSPACE } from '../../src/services/quotas'
import { submit } from '../dashboard-helpers'
import { call, DEMO_KEY, form, rejectViaLink, requestLink, signUpOwner, submitViaLink } from '../helpers'
import { documentedCall } from '../openapi-calls'

type Owner = Awaited<ReturnType<typeof signUpOwner>>
const HOUR = 60 * 60_000
const CONCURRENT = 20

// The hourly count of new links is a fixed window on the wall clock: freeze the clock just after an hour began, so
// every test's links fall in one window (D1 and KV keep the real time; nothing here depends on it).
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: windowStartOf(Date.now(), HOUR) + 1_000 })
})
afterAll(() => {
  vi.useRealTimers()
})

/** `n` rows made by one SQL statement (a recursive count), far faster than `n` requests. */
const numbers = (n: number) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`

async function seedConnections(owner: Owner, n: number): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO connections (id, workspace_id, app_id, name, status, via, created_at, updated_at)
     ${numbers(n)} SELECT ?1 || '-' || i, ?2, 'demo-tasks', 'Seeded ' || i, 'pending', 'link', 0, 0 FROM n`,
  )
    .bind(`seed-${crypto.randomUUID()}`, owner.workspaceId)
    .run()
}

/** `n` open links of the workspace, on one seeded connection. */
async function seedOpenLinks(owner: Owner, n: number): Promise<void> {
  const connectionId = `seed-${crypto.randomUUID()}`
  await env.DB.prepare(
    `INSERT INTO connections (id, workspace_id, app_id, name, status, via, created_at, updated_at)
     VALUES (?1, ?2, 'demo-tasks', 'Seeded', 'pending', 'link', 0, 0)`,
  )
    .bind(connectionId, owner.workspaceId)
    .run()
  await env.DB.prepare(
    `INSERT INTO links (id, connection_id, workspace_id, token_hash, token_blob, token_key_version, purpose, status, expires_at, created_at)
     ${numbers(n)} SELECT ?1 || '-' || i, ?1, ?2, ?1 || '-hash-' || i, 'x', 'k2', 'create', 'pending', ?3, 0 FROM n`,
  )
    .bind(connectionId, owner.workspaceId, Date.now() + HOUR)
    .run()
}

async function seedWorkflows(owner: Owner, n: number): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO workflows
       (id, workspace_id, name, webhook_token_hash, webhook_token_blob, webhook_token_key_version, created_at, updated_at)
     ${numbers(n)} SELECT ?1 || '-' || i, ?2, 'Seeded ' || i, ?1 || '-hash-' || i, 'x', 'k2', 0, 0 FROM n`,
  )
    .bind(`seed-${crypto.randomUUID()}`, owner.workspaceId)
    .run()
}

const countOf = async (sql: string, ...values: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...values)
    .first<{ n: number }>())!.n

const connectionsOf = (owner: Owner) => countOf('SELECT count(*) AS n FROM connections WHERE workspace_id = ?', owner.workspaceId)
const openLinksOf = (owner: Owner) =>
  countOf("SELECT count(*) AS n FROM links WHERE workspace_id = ? AND status = 'pending'", owner.workspaceId)

function linkRequest(owner: Owner, name = 'Client tasks') {
  return call('/api/v1/connections', { method: 'POST', cookie: owner.cookie, json: { appId: 'demo-tasks', name, via: 'link' } })
}

function directRequest(owner: Owner, name = 'My tasks') {
  return call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId: 'demo-tasks', name, via: 'direct', credentials: { apiKey: DEMO_KEY } },
  })
}

async function statusesOf(responses: Promise<Response>[]): Promise<Record<number, number>> {
  const counts: Record<number, number> = {}
  for (const response of await Promise.all(responses)) {
    counts[response.status] = (counts[response.status] ?? 0) + 1
    await response.body?.cancel()
  }
  return counts
}

async function expectQuotaRefusal(response: Response, message: RegExp): Promise<void> {
  expect(response.status).toBe(409)
  expect(await response.json()).toEqual({ error: { code: 'quota_exceeded', message: expect.stringMatching(message) } })
}

describe('connections per workspace', () => {
  it(`never exceed ${MAX_CONNECTIONS}: of ${CONCURRENT} concurrent creations at ${MAX_CONNECTIONS - 5} exactly 5 land`, async () => {
    const owner = await signUpOwner()
    await seedConnections(owner, MAX_CONNECTIONS - 5)
    const statuses = await statusesOf(Array.from({ length: CONCURRENT }, (_, i) => directRequest(owner, `Direct ${i}`)))
    console.log(`[figure] quotas: ${CONCURRENT} concurrent connections at ${MAX_CONNECTIONS - 5} → ${JSON.stringify(statuses)}`)
    expect(statuses).toEqual({ 201: 5, 409: CONCURRENT - 5 })
    expect(await connectionsOf(owner)).toBe(MAX_CONNECTIONS)

    await expectQuotaRefusal(await directRequest(owner), /limit of 5,000 connections/)
    await expectQuotaRefusal(await linkRequest(owner), /limit of 5,000 connections/)
    const { body } = await documentedCall<unknown>('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'demo-tasks', name: 'One more', via: 'link' },
    })
    expect(body).toMatchObject({ error: { code: 'quota_exceeded' } })
    expect(await connectionsOf(owner)).toBe(MAX_CONNECTIONS)
    expect(await openLinksOf(owner)).toBe(0)

    // The dashboard shows it on the form that was posted, keeping what was typed.
    for (const kind of ['link', 'direct'] as const) {
      const fields = { connectionName: 'Typed name', expiresInMinutes: '2880', apiKey: DEMO_KEY }
      const page = await submit(`/connections/new/demo-tasks/${kind}`, fields, owner.cookie)
      expect(page.status).toBe(409)
      const html = await page.text()
      expect(html).toMatch(/role="alert">.*limit of 5,000 connections/s)
      expect(html).toContain('value="Typed name"')
    }

    // An OAuth app's "Connect now" says so before sending the owner to sign in; the callback's insert is the exact check.
    const oauth = await submit('/connections/new/demo-docs/oauth', { connectionName: 'Docs' }, owner.cookie)
    expect(oauth.status).toBe(409)
    expect(await oauth.text()).toMatch(/role="alert">.*limit of 5,000 connections/s)

    // Another workspace is not affected.
    expect((await directRequest(await signUpOwner())).status).toBe(201)
  })
})

describe('open links per workspace', () => {
  it(`never exceed ${MAX_OPEN_LINKS}: of ${CONCURRENT} concurrent link requests at ${MAX_OPEN_LINKS - 3} exactly 3 land`, async () => {
    const owner = await signUpOwner()
    await seedOpenLinks(owner, MAX_OPEN_LINKS - 3)
    const statuses = await statusesOf(Array.from({ length: CONCURRENT }, (_, i) => linkRequest(owner, `Link ${i}`)))
    console.log(`[figure] quotas: ${CONCURRENT} concurrent link requests at ${MAX_OPEN_LINKS - 3} open links → ${JSON.stringify(statuses)}`)
    expect(statuses).toEqual({ 201: 3, 409: CONCURRENT - 3 })
    expect(await openLinksOf(owner)).toBe(MAX_OPEN_LINKS)
    // A refused request leaves no connection behind either: the batch follows the connection's conditional insert.
    expect(await connectionsOf(owner)).toBe(1 + 3)
    await expectQuotaRefusal(await linkRequest(owner), /1,000 open links/)
  })

  it('a several-apps link needs room for every item: one short, it is refused whole and nothing lands', async () => {
    const owner = await signUpOwner()
    await seedOpenLinks(owner, MAX_OPEN_LINKS - 2)
    const items = (names: string[]) => ({ items: names.map((name) => ({ appId: 'demo-tasks', name })) })
    const refused = await call('/api/v1/link-requests', { method: 'POST', cookie: owner.cookie, json: items(['A', 'B', 'C']) })
    await expectQuotaRefusal(refused, /1,000 open links/)
    expect(await connectionsOf(owner)).toBe(1)
    expect(await openLinksOf(owner)).toBe(MAX_OPEN_LINKS - 2)
    const fits = await call('/api/v1/link-requests', { method: 'POST', cookie: owner.cookie, json: items(['A', 'B']) })
    expect(fits.status).toBe(201)
    expect(await openLinksOf(owner)).toBe(MAX_OPEN_LINKS)
  })

  it('a refresh replacing an open link still works at the limit; one adding a link is refused and changes nothing', async () => {
    const owner = await signUpOwner()
    const open = await requestLink(owner)
    const direct = (await (await directRequest(owner)).json<{ connection: { id: string } }>()).connection.id
    await seedOpenLinks(owner, MAX_OPEN_LINKS - 1)
    expect(await openLinksOf(owner)).toBe(MAX_OPEN_LINKS)

    const replaced = await call(`/api/v1/connections/${open.connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    expect(replaced.status).toBe(201)
    expect((await call(open.path)).status).toBe(410)

    const refused = await call(`/api/v1/connections/${direct}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    await expectQuotaRefusal(refused, /1,000 open links/)
    const connection = await call(`/api/v1/connections/${direct}`, { cookie: owner.cookie })
    expect((await connection.json<{ connection: { status: string; link: unknown } }>()).connection).toMatchObject({
      status: 'active',
      link: null,
    })
    expect(await openLinksOf(owner)).toBe(MAX_OPEN_LINKS)

    const page = await submit(`/connections/${direct}/link`, { expiresInMinutes: '2880' }, owner.cookie)
    expect(page.status).toBe(409)
    expect(await page.text()).toMatch(/role="alert">.*1,000 open links/s)

    // Links past their expiry no longer count, even before the cron marks them expired.
    await env.DB.prepare('UPDATE links SET expires_at = ? WHERE workspace_id = ? AND id LIKE ?')
      .bind(Date.now() - 1, owner.workspaceId, 'seed-%')
      .run()
    expect((await call(`/api/v1/connections/${direct}/link`, { method: 'POST', cookie: owner.cookie, json: {} })).status).toBe(201)
  })
})

describe('new links per workspace per hour', () => {
  it(`allows ${NEW_LINKS_PER_HOUR} an hour, requests and refreshes alike, exactly under concurrency; then 429`, async () => {
    const owner = await signUpOwner()
    const key = `${NEW_LINKS_PER_WORKSPACE.name}:${await hashToken(owner.workspaceId)}`
    const existing = await requestLink(owner)
    // As if this hour had already seen the rest of the allowance but 10.
    await env.DB.prepare('UPDATE rate_limits SET count = ? WHERE key = ?')
      .bind(NEW_LINKS_PER_HOUR - 10, key)
      .run()
    const statuses = await statusesOf(Array.from({ length: CONCURRENT }, (_, i) => linkRequest(owner, `Hourly ${i}`)))
    console.log(`[figure] quotas: ${CONCURRENT} concurrent link requests with 10 left this hour → ${JSON.stringify(statuses)}`)
    expect(statuses).toEqual({ 201: 10, 429: CONCURRENT - 10 })

    const refresh = await documentedCall<unknown>(`/api/v1/connections/${existing.connectionId}/link`, {
      method: 'POST',
      cookie: owner.cookie,
      json: {},
    })
    expect(refresh.response.status).toBe(429)
    const retryAfter = Number(refresh.response.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(HOUR / 1000)
    expect(refresh.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/created 100 links this hour/) } })
    expect((await call(existing.path)).status).toBe(200)

    const page = await submit('/connections/new/demo-tasks/link', { connectionName: 'Typed', expiresInMinutes: '2880' }, owner.cookie)
    expect(page.status).toBe(429)
    expect(page.headers.get('retry-after')).toBeTruthy()
    expect(await page.text()).toMatch(/role="alert">.*created 100 links this hour/s)

    // Direct connections are not links, and another workspace has its own hour.
    expect((await directRequest(owner)).status).toBe(201)
    expect((await linkRequest(await signUpOwner())).status).toBe(201)
  })
})

describe('workflows per workspace', () => {
  it(`never exceed ${MAX_WORKFLOWS}: of ${CONCURRENT} concurrent creations at ${MAX_WORKFLOWS - 2} exactly 2 land`, async () => {
    const owner = await signUpOwner()
    await seedWorkflows(owner, MAX_WORKFLOWS - 2)
    const create = (i: number) =>
      call('/api/v1/workflows', { method: 'POST', cookie: owner.cookie, json: { name: `Flow ${i}`, steps: [] } })
    const statuses = await statusesOf(Array.from({ length: CONCURRENT }, (_, i) => create(i)))
    console.log(`[figure] quotas: ${CONCURRENT} concurrent workflows at ${MAX_WORKFLOWS - 2} → ${JSON.stringify(statuses)}`)
    expect(statuses).toEqual({ 201: 2, 409: CONCURRENT - 2 })
    expect(await countOf('SELECT count(*) AS n FROM workflows WHERE workspace_id = ?', owner.workspaceId)).toBe(MAX_WORKFLOWS)

    const { body } = await documentedCall<unknown>('/api/v1/workflows', {
      method: 'POST',
      cookie: owner.cookie,
      json: { name: 'One more', steps: [] },
    })
    expect(body).toEqual({ error: { code: 'quota_exceeded', message: expect.stringMatching(/limit of 500 workflows/) } })
    const page = await submit('/workflows', { name: 'Typed flow' }, owner.cookie)
    expect(page.status).toBe(409)
    const html = await page.text()
    expect(html).toMatch(/role="alert">.*limit of 500 workflows/s)
    expect(html).toContain('value="Typed flow"')
  })

  it('a workflow created with steps lands whole', async () => {
    const owner = await signUpOwner()
    const connection = (await (await directRequest(owner)).json<{ connection: { id: string } }>()).connection.id
    const step = { appId: 'demo-tasks', action: 'create-task', connectionId: connection, input: { name: 'x' } }
    const created = await call('/api/v1/workflows', {
      method: 'POST',
      cookie: owner.cookie,
      json: { name: 'Two steps', steps: [step, step] },
    })
    expect(created.status).toBe(201)
    const { workflow } = await created.json<{ workflow: { id: string } }>()
    expect(await countOf('SELECT count(*) AS n FROM workflow_steps WHERE workflow_id = ?', workflow.id)).toBe(2)
  })
})

describe('the counts are indexed', () => {
  it.each([
    ['events of a link', 'SELECT count(*) FROM events WHERE link_id = ?', 'events_link'],
    [
      'open links of a workspace',
      "SELECT count(*) FROM links WHERE workspace_id = ? AND status = 'pending' AND expires_at > ?",
      'links_workspace_open',
    ],
    ['connections of a workspace', 'SELECT count(*) FROM connections WHERE workspace_id = ?', 'connections_workspace_(app_)?updated'],
    ['workflows of a workspace', 'SELECT count(*) FROM workflows WHERE workspace_id = ?', 'workflows_workspace'],
  ])('%s', async (_name, query, index) => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`)
      .bind('x', ...(query.includes('expires_at') ? [0] : []))
      .all<{ detail: string }>()
    expect(results.map((row) => row.detail).join(' | ')).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}`))
  })
})

const eventsOfLink = (linkId: string, type?: string) =>
  countOf(`SELECT count(*) AS n FROM events WHERE link_id = ?${type ? ' AND type = ?' : ''}`, linkId, ...(type ? [type] : []))

async function linkIdOf(connectionId: string): Promise<string> {
  return (await env.DB.prepare('SELECT id FROM links WHERE connection_id = ?').bind(connectionId).first<{ id: string }>())!.id
}

describe('audit events per link', () => {
  it(`300 anonymous accepts write at most ${MAX_EVENTS_PER_LINK} events; the link still works, its state change recorded`, async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const linkId = await linkIdOf(link.connectionId)
    for (let round = 0; round < 300 / CONCURRENT; round++) {
      const statuses = await statusesOf(Array.from({ length: CONCURRENT }, () => call(`${link.path}/accept`, form({}))))
      expect(statuses).toEqual({ 303: CONCURRENT })
    }
    const written = await eventsOfLink(linkId)
    console.log(`[figure] quotas: 300 anonymous /accept POSTs on one link → ${written} events for it`)
    expect(written).toBeLessThanOrEqual(MAX_EVENTS_PER_LINK)
    expect(written).toBe(MAX_EVENTS_PER_LINK)

    expect((await submitViaLink(link, { apiKey: 'wrong_key_0000000' })).status).toBe(422)
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
    expect(await eventsOfLink(linkId, 'credentials_submitted')).toBe(1)
    const connection = await call(`/api/v1/connections/${link.connectionId}`, { cookie: owner.cookie })
    expect((await connection.json<{ connection: { status: string } }>()).connection.status).toBe('active')
  })

  it('at the cap a lock, a rejection and a revocation are still recorded; a refused key still counts', async () => {
    const owner = await signUpOwner()
    const fill = async (linkId: string, connectionId: string) =>
      env.DB.prepare(
        `INSERT INTO events (id, workspace_id, connection_id, link_id, type, actor, at)
         ${numbers(MAX_EVENTS_PER_LINK)} SELECT ?1 || '-' || i, ?2, ?3, ?1, 'opened', 'client', 0 FROM n`,
      )
        .bind(linkId, owner.workspaceId, connectionId)
        .run()

    const toLock = await requestLink(owner)
    const lockId = await linkIdOf(toLock.connectionId)
    await fill(lockId, toLock.connectionId)
    for (let n = 1; n <= MAX_FAILED_ATTEMPTS; n++) await call(toLock.path, form({ apiKey: `wrong_key_${n}_000000` }))
    const locked = await env.DB.prepare('SELECT status, failed_attempts AS failed FROM links WHERE id = ?').bind(lockId).first()
    expect(locked).toEqual({ status: 'locked', failed: MAX_FAILED_ATTEMPTS })
    expect(await eventsOfLink(lockId, 'locked')).toBe(1)
    expect(await eventsOfLink(lockId, 'credentials_failed')).toBe(0)

    const toReject = await requestLink(owner)
    const rejectId = await linkIdOf(toReject.connectionId)
    await fill(rejectId, toReject.connectionId)
    expect((await rejectViaLink(toReject)).status).toBe(200)
    expect(await eventsOfLink(rejectId, 'rejected')).toBe(1)

    const toRevoke = await requestLink(owner)
    const revokeId = await linkIdOf(toRevoke.connectionId)
    await fill(revokeId, toRevoke.connectionId)
    expect((await call(`/api/v1/connections/${toRevoke.connectionId}/link`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    expect(await eventsOfLink(revokeId, 'revoked')).toBe(1)
  })
})
