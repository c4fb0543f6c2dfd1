import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../src/db/client'
import { dueConnectionsQuery } from '../src/db/health'
import { DAY_MS, RETRY_FIRST_MS } from '../src/domain/health'
import { runScheduled } from '../src/jobs/scheduled'
import { runHealthSweep } from '../src/services/health/check'
import { requestsSince } from './app-calls'
import { fakeCursor, type RecordedRequest } from './fake-requests'
import {
  connectionOf,
  healthRow,
  makeDue,
  reconnectViaFakeProvider,
  revokeAtFakeGoogle,
  storeAsIs,
  sweepDeps,
  uniqueRefreshToken,
} from './health-helpers'
import { call, signUpOwner } from './helpers'
import { createWorkflow, directConnection, runWorkflow } from './workflow-helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

const refreshesOf = (refreshToken: string) => (request: RecordedRequest) =>
  request.path === '/google/token' && new URLSearchParams(request.body).get('refresh_token') === refreshToken

/** A Google Docs connection whose token expires in 5 minutes: the cron refreshes it (fewer than 10 left). */
async function googleDocs(owner: Owner, refreshToken: string, name = 'Client Docs'): Promise<string> {
  const accessToken = `access-good-${crypto.randomUUID()}`
  return directConnection(owner, 'google-docs', { accessToken, refreshToken, expiresAt: Date.now() + 5 * 60_000 }, name)
}

async function addEndpoint(owner: Owner): Promise<string> {
  const response = await call('/api/v1/webhook-endpoints', {
    method: 'POST',
    cookie: owner.cookie,
    json: { url: `${env.FAKES_URL}/webhook-receiver/fail-0/${crypto.randomUUID()}`, events: ['connection.needs_reconnect'] },
  })
  expect(response.status).toBe(201)
  return (await response.json<{ endpoint: { id: string } }>()).endpoint.id
}

describe('the health sweep', () => {
  it('a revoked refresh token → Needs reconnect (API, badge, webhook, steps fail at once) → reconnect link → Via Link', async () => {
    const owner = await signUpOwner()
    const refreshToken = uniqueRefreshToken()
    const id = await googleDocs(owner, refreshToken)
    const endpointId = await addEndpoint(owner)
    expect(await connectionOf(owner, id)).toMatchObject({ health: 'ok', badge: null, lastError: null })
    await revokeAtFakeGoogle(refreshToken)

    const now = Date.now()
    await makeDue(id, now - 1)
    await runHealthSweep(sweepDeps(), now)
    const refused = await connectionOf(owner, id)
    expect(refused).toMatchObject({ status: 'active', health: 'needs_reconnect', badge: 'needs_reconnect', needsReconnect: true })
    expect(refused.lastError).toBe('Google Docs no longer accepts this connection. Reconnect it.')
    expect(refused.lastError).not.toContain('invalid_grant')
    expect((await healthRow(id)).nextCheckAt).toBeNull()
    const deliveries = await env.DB.prepare('SELECT event_type AS type, body FROM webhook_deliveries WHERE endpoint_id = ?')
      .bind(endpointId)
      .all<{ type: string; body: string }>()
    expect(deliveries.results.map((row) => row.type)).toEqual(['connection.needs_reconnect'])
    expect(JSON.parse(deliveries.results[0]!.body).data.connection).toMatchObject({ id, badge: 'needs_reconnect' })
    const filtered = await call('/api/v1/connections?badge=needs_reconnect', { cookie: owner.cookie })
    expect((await filtered.json<{ connections: { id: string }[] }>()).connections.map((row) => row.id)).toEqual([id])
    // The owner is told in the app too, from the same announcement.
    const inbox = await call('/api/v1/notifications', { cookie: owner.cookie })
    const { notifications, unread } = await inbox.json<{ notifications: { type: string; connectionId: string }[]; unread: number }>()
    expect(notifications).toMatchObject([{ type: 'connection.needs_reconnect', connectionId: id }])
    expect(unread).toBe(1)

    // A step using it fails at once with the reason; the app is not called.
    const workflow = await createWorkflow(owner, [
      { appId: 'google-docs', action: 'create-document', connectionId: id, input: { title: '{{trigger.title}}' } },
    ])
    const cursor = await fakeCursor()
    const run = await runWorkflow(owner, workflow, { title: 'Never written' })
    expect(run.status).toBe('failed')
    expect(run.steps[0]!.error).toContain('needs reconnecting: Google Docs no longer accepts this connection.')
    expect(await requestsSince(cursor, (request) => request.path.startsWith('/google'))).toEqual([])

    // A second sweep leaves it alone: nothing is scheduled until new credentials arrive.
    await runHealthSweep(sweepDeps(), now + DAY_MS)
    expect(await requestsSince(cursor, refreshesOf(refreshToken))).toEqual([])

    await reconnectViaFakeProvider(owner, id)
    const back = await connectionOf(owner, id)
    expect(back).toMatchObject({ status: 'active', health: 'ok', badge: 'via_link', needsReconnect: false, lastError: null })
    expect((await runWorkflow(owner, workflow, { title: 'Works again' })).status).toBe('succeeded')
    // A whole journey (two sweeps, two runs, an OAuth round trip): more than the default 5 s on a loaded machine.
  }, 30_000)

  it('overlapping sweeps refresh a connection once and store the rotation under the revision guard', async () => {
    const owner = await signUpOwner()
    const refreshToken = uniqueRefreshToken()
    const id = await googleDocs(owner, refreshToken)
    const before = await healthRow(id)
    const now = Date.now()
    await makeDue(id, now - 1)
    const cursor = await fakeCursor()
    await Promise.all([runHealthSweep(sweepDeps(), now), runHealthSweep(sweepDeps(), now), runHealthSweep(sweepDeps(), now)])
    expect(await requestsSince(cursor, refreshesOf(refreshToken))).toHaveLength(1)
    const after = await healthRow(id)
    expect(after.credentialsRevision).toBe(before.credentialsRevision + 1)
    expect(after.checkClaimedUntil).toBeNull()
    // The new token lasts an hour: next refresh 10 minutes before it ends.
    expect(after.nextCheckAt).toBe(now + 3599_000 - 10 * 60_000)
    const events = await (await call(`/api/v1/connections/${id}/events`, { cookie: owner.cookie })).json<{ events: { type: string }[] }>()
    expect(events.events.filter((event) => event.type === 'tokens_refreshed')).toHaveLength(1)
    // The rotated refresh token is the one used next time.
    const next = await fakeCursor()
    await runHealthSweep(sweepDeps(), after.nextCheckAt! + 1)
    const used = await requestsSince(next, (request) => request.path === '/google/token')
    expect(used.map((request) => new URLSearchParams(request.body).get('refresh_token'))).toContain(
      `refresh-${Number(refreshToken.slice(8)) + 1}`,
    )
  })

  it.each([
    ['a provider outage (HTTP 500)', 'refresh-boom', 'Google Docs had a problem (HTTP 500). Try again later.', '5000'],
    ['a provider that does not answer', 'refresh-hang', 'Google Docs did not answer in time.', '400'],
  ])('%s is recorded and retried with backoff, never a reason to reconnect', async (_, refreshToken, sentence, timeout) => {
    const owner = await signUpOwner()
    const id = await googleDocs(owner, `${refreshToken}-${crypto.randomUUID()}`)
    const now = Date.now()
    await makeDue(id, now - 1)
    await runHealthSweep(sweepDeps(timeout), now)
    expect(await connectionOf(owner, id)).toMatchObject({ health: 'unknown', needsReconnect: false, badge: null, lastError: sentence })
    expect(await healthRow(id)).toMatchObject({ checkFailures: 1, nextCheckAt: now + RETRY_FIRST_MS, checkClaimedUntil: null })
    await runHealthSweep(sweepDeps(timeout), now + RETRY_FIRST_MS)
    expect(await healthRow(id)).toMatchObject({ checkFailures: 2, nextCheckAt: now + RETRY_FIRST_MS + 2 * RETRY_FIRST_MS })
    expect((await connectionOf(owner, id)).health).toBe('unknown')
    // Out of the later tests' sweeps, which would each wait for a hanging provider's timeout.
    await env.DB.prepare('UPDATE connections SET next_check_at = NULL WHERE id = ?').bind(id).run()
  })

  it('re-verifies API-key connections once a day at their own time, and flips only on the app’s refusal', async () => {
    const owner = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_${crypto.randomUUID()}` }, 'Client ClickUp')
    const created = (await healthRow(id)).nextCheckAt!
    const now = Date.now()
    expect(created).toBeGreaterThanOrEqual(now - 60_000 + DAY_MS / 2)
    expect(created).toBeLessThan(now + DAY_MS * 1.5)

    await storeAsIs(id, { apiToken: `pk_boom_${crypto.randomUUID()}` })
    await runHealthSweep(sweepDeps(), created)
    expect(await connectionOf(owner, id)).toMatchObject({ health: 'unknown', needsReconnect: false })

    await storeAsIs(id, { apiToken: `pk_good_${crypto.randomUUID()}` })
    await runHealthSweep(sweepDeps(), created + RETRY_FIRST_MS)
    const ok = await connectionOf(owner, id)
    expect(ok).toMatchObject({ health: 'ok', lastError: null, lastCheckedAt: new Date(created + RETRY_FIRST_MS).toISOString() })
    expect((await healthRow(id)).nextCheckAt).toBe(created + DAY_MS)

    await storeAsIs(id, { apiToken: 'pk_revoked_at_clickup' })
    await runHealthSweep(sweepDeps(), created + DAY_MS)
    expect(await connectionOf(owner, id)).toMatchObject({
      health: 'needs_reconnect',
      badge: 'needs_reconnect',
      lastError: 'ClickUp did not accept these credentials.',
    })
  })

  it('claims at most its bound per run, most overdue first, and a claim holds the connection for its lease', async () => {
    const owner = await signUpOwner()
    const ids: string[] = []
    for (let i = 0; i < 4; i++)
      ids.push(await directConnection(owner, 'clickup', { apiToken: `pk_good_${i}_${crypto.randomUUID()}` }, `C${i}`))
    const now = Date.now() + 2 * DAY_MS
    // Far in the past, so these are the most overdue rows of the whole database.
    for (const [i, id] of ids.entries()) await makeDue(id, 1_000 + i)
    const first = await runHealthSweep(sweepDeps(), now, 2)
    expect(first.checked).toBe(2)
    const due = async () => (await Promise.all(ids.map(healthRow))).map((row) => row.nextCheckAt! <= now)
    expect(await due()).toEqual([false, false, true, true])
    await runHealthSweep(sweepDeps(), now, 2)
    expect(await due()).toEqual([false, false, false, false])

    // A crashed check (claimed, never finished) comes due again once its lease runs out, not before.
    await env.DB.prepare('UPDATE connections SET check_claimed_until = ?, next_check_at = ? WHERE id = ?').bind(5_000, 5_000, ids[0]).run()
    expect((await runHealthSweep(sweepDeps(), 4_999, 1)).checked).toBe(0)
    expect((await runHealthSweep(sweepDeps(), 5_000, 1)).checked).toBe(1)
    expect((await healthRow(ids[0]!)).checkClaimedUntil).toBeNull()
  })

  it('selects due connections through connections_health_due, and runs from the cron', async () => {
    const { sql, params } = dueConnectionsQuery(database(env.DB), Date.now(), 200).toSQL()
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>()
    const plan = results.map((row) => row.detail).join(' | ')
    expect(plan).toContain('USING INDEX connections_health_due (status=? AND next_check_at<?)')
    expect(plan).not.toContain('TEMP B-TREE')
    const result = await runScheduled(env, Date.now())
    expect(result.health).toMatchObject({ checked: expect.any(Number) })
  })
})
