import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import worker from '../src/index'
import { runScheduled } from '../src/jobs/scheduled'
import { WEBHOOK_MAX_RETRIES } from '../src/domain/webhook-events'
import { fakeCursor, fakeRequests } from './fake-requests'
import { seedConnections } from './table-seed'
import { backdateLink, call, DEMO_KEY, rejectViaLink, requestLink, signUpOwner, submitViaLink } from './helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

interface Delivery {
  id: string
  eventType: string
  status: string
  attempts: number
  lastStatus: number | null
  nextRetryAt: string | null
}

async function addEndpoint(owner: Owner, failures: number, events?: string[]): Promise<{ id: string; secret: string; path: string }> {
  const path = `/webhook-receiver/fail-${failures}/${crypto.randomUUID()}`
  const response = await call('/api/v1/webhook-endpoints', {
    method: 'POST',
    cookie: owner.cookie,
    json: { url: `${env.FAKES_URL}${path}`, events },
  })
  expect(response.status).toBe(201)
  const { endpoint } = await response.json<{ endpoint: { id: string; secret: string } }>()
  return { id: endpoint.id, secret: endpoint.secret, path }
}

async function deliveries(owner: Owner, endpointId: string): Promise<Delivery[]> {
  const response = await call(`/api/v1/webhook-endpoints/${endpointId}/deliveries`, { cookie: owner.cookie })
  expect(response.status).toBe(200)
  return (await response.json<{ deliveries: Delivery[] }>()).deliveries
}

/** One attempt, as the queue would make it: the message's `attempts` says which one. */
async function runQueue(deliveryId: string, attempts: number) {
  const batch = createMessageBatch('tether-webhooks', [{ id: `m-${attempts}`, timestamp: Date.now(), attempts, body: { deliveryId } }])
  const ctx = createExecutionContext()
  await worker.queue(batch, env)
  return getQueueResult(batch, ctx)
}

async function retryDelayLogged(deliveryId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT next_retry_at - updated_at AS delay FROM webhook_deliveries WHERE id = ?')
    .bind(deliveryId)
    .first<{ delay: number }>()
  return row!.delay
}

async function received(path: string, since: number) {
  return (await fakeRequests(since)).requests.filter((request) => request.path === path)
}

describe('lifecycle webhooks through the queue', () => {
  it('retries a receiver that answers 500 twice: three signed deliveries with one webhook-id, and the log says so', async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, 2, ['link.rejected'])
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    const link = await requestLink(owner)
    const cursor = await fakeCursor()
    await rejectViaLink(link, { reason: 'We use another tool' })

    const [pending, ...others] = await deliveries(owner, endpoint.id)
    expect(others).toEqual([])
    expect(pending).toMatchObject({ eventType: 'link.rejected', status: 'pending', attempts: 0 })

    // The test runtime's QueueResult leaves the delay out; the log row keeps when the next try is due.
    expect((await runQueue(pending!.id, 1)).retryMessages).toEqual([{ msgId: 'm-1' }])
    expect(await retryDelayLogged(pending!.id)).toBe(60_000)
    expect((await runQueue(pending!.id, 2)).retryMessages).toEqual([{ msgId: 'm-2' }])
    expect(await retryDelayLogged(pending!.id)).toBe(120_000)
    const last = await runQueue(pending!.id, 3)
    expect(last.retryMessages).toEqual([])
    expect(last.explicitAcks).toEqual(['m-3'])

    const requests = await received(endpoint.path, cursor)
    expect(requests).toHaveLength(3)
    expect(new Set(requests.map((request) => request.headers['webhook-id']))).toEqual(new Set([pending!.id]))
    const verifier = new Webhook(endpoint.secret)
    for (const request of requests) expect(() => verifier.verify(request.body, request.headers)).not.toThrow()
    const payload = JSON.parse(requests[0]!.body)
    expect(payload).toMatchObject({
      type: 'link.rejected',
      data: {
        connection: {
          id: link.connectionId,
          appId: 'demo-tasks',
          name: 'Client Tasks',
          status: 'rejected',
          badge: 'rejected',
          accountLabel: null,
        },
        link: { status: 'rejected', purpose: 'create', reason: 'We use another tool' },
      },
    })
    expect(Object.keys(payload.data.connection).sort()).toEqual(['accountLabel', 'appId', 'badge', 'id', 'name', 'status'])

    const [logged] = await deliveries(owner, endpoint.id)
    expect(logged).toMatchObject({ id: pending!.id, status: 'delivered', attempts: 3, lastStatus: 200, nextRetryAt: null })
  })

  it('announces an accepted link as link.accepted and connection.created, never with credentials', async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, 0)
    const link = await requestLink(owner)
    await submitViaLink(link, { apiKey: DEMO_KEY })
    const logged = await deliveries(owner, endpoint.id)
    expect(logged.map((delivery) => delivery.eventType).sort()).toEqual(['connection.created', 'link.accepted', 'link.created'])
    const cursor = await fakeCursor()
    for (const delivery of logged) expect((await runQueue(delivery.id, 1)).explicitAcks).toEqual(['m-1'])
    const bodies = (await received(endpoint.path, cursor)).map((request) => request.body)
    expect(bodies).toHaveLength(3)
    for (const body of bodies) expect(body).not.toContain(DEMO_KEY)
  })

  it('marks a delivery failed when the last retry fails (the queue dead-letters it), and Resend sends the same id again', async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, WEBHOOK_MAX_RETRIES + 1, ['link.created'])
    await requestLink(owner)
    const [delivery] = await deliveries(owner, endpoint.id)
    for (let attempt = 1; attempt <= WEBHOOK_MAX_RETRIES + 1; attempt++) await runQueue(delivery!.id, attempt)
    const [failed] = await deliveries(owner, endpoint.id)
    expect(failed).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_RETRIES + 1, lastStatus: 500, nextRetryAt: null })

    const resent = await call(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery!.id}/resend`, {
      method: 'POST',
      cookie: owner.cookie,
    })
    expect(resent.status).toBe(202)
    expect((await resent.json<{ delivery: Delivery }>()).delivery.status).toBe('pending')
    const cursor = await fakeCursor()
    expect((await runQueue(delivery!.id, 1)).explicitAcks).toEqual(['m-1'])
    const [again] = await received(endpoint.path, cursor)
    expect(again?.headers['webhook-id']).toBe(delivery!.id)
    expect((await deliveries(owner, endpoint.id))[0]).toMatchObject({
      status: 'delivered',
      attempts: WEBHOOK_MAX_RETRIES + 2,
      lastStatus: 200,
    })
  })

  it('signs with the rotated secret from then on', async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, 0, ['link.created'])
    const rotated = await call(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { method: 'POST', cookie: owner.cookie })
    expect(rotated.status).toBe(200)
    const { secret } = (await rotated.json<{ endpoint: { secret: string } }>()).endpoint
    expect(secret).not.toBe(endpoint.secret)
    await requestLink(owner)
    const [delivery] = await deliveries(owner, endpoint.id)
    const cursor = await fakeCursor()
    await runQueue(delivery!.id, 1)
    const [request] = await received(endpoint.path, cursor)
    expect(() => new Webhook(secret).verify(request!.body, request!.headers)).not.toThrow()
    expect(() => new Webhook(endpoint.secret).verify(request!.body, request!.headers)).toThrow()
  })
})

describe('what is announced', () => {
  it('an expired link (from the cron) and a deleted connection, described as it was', async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, 0, ['link.expired', 'connection.deleted'])
    const link = await requestLink(owner)
    await backdateLink(link.connectionId)
    await runScheduled(env, Date.now())
    expect((await call(`/api/v1/connections/${link.connectionId}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    const logged = await deliveries(owner, endpoint.id)
    expect(logged.map((delivery) => delivery.eventType).sort()).toEqual(['connection.deleted', 'link.expired'])
    const cursor = await fakeCursor()
    for (const delivery of logged) await runQueue(delivery.id, 1)
    const bodies = (await received(endpoint.path, cursor)).map((request) => JSON.parse(request.body))
    const deleted = bodies.find((body) => body.type === 'connection.deleted')
    expect(deleted.data.connection).toMatchObject({ id: link.connectionId, name: 'Client Tasks', appId: 'demo-tasks' })
    expect(bodies.find((body) => body.type === 'link.expired').data.link).toMatchObject({ status: 'expired', purpose: 'create' })
  })

  it("a cron batch past D1's 100 bound parameters: every expired link is announced", async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, 0, ['link.expired'])
    const seeded = await seedConnections(owner.workspaceId, 130, { kinds: ['expired_unswept'] })
    const swept = await runScheduled(env, Date.now())
    expect(swept.expiredLinks).toBeGreaterThanOrEqual(130)
    const logged = await env.DB.prepare("SELECT body FROM webhook_deliveries WHERE endpoint_id = ? AND event_type = 'link.expired'")
      .bind(endpoint.id)
      .all<{ body: string }>()
    const announced = new Set(logged.results.map((row) => JSON.parse(row.body).data.connection.id))
    expect(announced).toEqual(new Set(seeded.map((row) => row.id)))
  })
})

describe('webhook endpoints', () => {
  it('refuses addresses the app URL policy refuses', async () => {
    const owner = await signUpOwner()
    for (const url of ['https://10.0.0.8/hook', 'https://192.168.1.2/hook', 'ftp://example.com/hook', 'https://intranet.internal/hook']) {
      const response = await call('/api/v1/webhook-endpoints', { method: 'POST', cookie: owner.cookie, json: { url } })
      expect(response.status, url).toBe(400)
    }
    const listed = await call('/api/v1/webhook-endpoints', { cookie: owner.cookie })
    expect((await listed.json<{ endpoints: unknown[] }>()).endpoints).toEqual([])
  })

  it('stores the secret sealed, never as given', async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, 0)
    const row = await env.DB.prepare('SELECT * FROM webhook_endpoints WHERE id = ?').bind(endpoint.id).first<Record<string, unknown>>()
    expect(JSON.stringify(row)).not.toContain(endpoint.secret.slice('whsec_'.length))
    const got = await call(`/api/v1/webhook-endpoints/${endpoint.id}`, { cookie: owner.cookie })
    expect(await got.text()).not.toContain(endpoint.secret)
  })

  it('another owner gets 404 for every operation on an endpoint they do not own, and changes nothing', async () => {
    const [owner, stranger] = [await signUpOwner(), await signUpOwner('Sam Stranger')]
    const endpoint = await addEndpoint(owner, 0, ['link.created'])
    await requestLink(owner)
    const [delivery] = await deliveries(owner, endpoint.id)
    const base = `/api/v1/webhook-endpoints/${endpoint.id}`
    for (const [method, path] of [
      ['GET', base],
      ['DELETE', base],
      ['POST', `${base}/rotate-secret`],
      ['GET', `${base}/deliveries`],
      ['POST', `${base}/deliveries/${delivery!.id}/resend`],
    ] as const) {
      expect((await call(path, { method, cookie: stranger.cookie })).status, `${method} ${path}`).toBe(404)
    }
    expect(
      (await call('/api/v1/webhook-endpoints', { cookie: stranger.cookie }).then((r) => r.json<{ endpoints: unknown[] }>())).endpoints,
    ).toEqual([])
    expect((await call(base, { cookie: owner.cookie })).status).toBe(200)
    expect(await deliveries(owner, endpoint.id)).toHaveLength(1)
  })

  it('deleting an endpoint drops its log; a queued message for it is acknowledged without a request', async () => {
    const owner = await signUpOwner()
    const endpoint = await addEndpoint(owner, 0, ['link.created'])
    await requestLink(owner)
    const [delivery] = await deliveries(owner, endpoint.id)
    expect((await call(`/api/v1/webhook-endpoints/${endpoint.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    const cursor = await fakeCursor()
    expect((await runQueue(delivery!.id, 1)).explicitAcks).toEqual(['m-1'])
    expect(await received(endpoint.path, cursor)).toEqual([])
  })
})
