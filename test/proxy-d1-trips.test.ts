import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { hashToken } from '../src/domain/tokens'
import worker from '../src/index'
import { AUDIT_GATHER_MS, PROXY_AUDIT_QUEUE } from '../src/services/proxy-audit'
import { ORIGIN, signUpOwner } from './helpers'
import { mintToken, proxyAudits } from './proxy-helpers'
import { directConnection } from './workflow-helpers'

/** The D1 binding, counting round trips: each batch, and each statement run on its own. */
function countingD1(real: D1Database): { db: D1Database; trips: string[] } {
  const trips: string[] = []
  const realOf = new WeakMap<object, D1PreparedStatement>()
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const wrapped = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), sql)
        const value = Reflect.get(target, prop) as unknown
        if (typeof value !== 'function') return value
        if (['first', 'all', 'run', 'raw'].includes(String(prop))) {
          return (...args: unknown[]) => {
            trips.push(sql)
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        }
        return (value as (...a: unknown[]) => unknown).bind(target)
      },
    })
    realOf.set(wrapped, statement)
    return wrapped
  }
  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql)
      if (prop === 'batch')
        return (statements: D1PreparedStatement[]) => {
          trips.push(`batch of ${statements.length}`)
          return target.batch(statements.map((statement) => realOf.get(statement) ?? statement))
        }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
  return { db, trips }
}

/** The audit queue's producer, recording what is sent (each `sendBatch` as one entry) before passing it on to the real queue. */
function recordingQueue(real: Queue, refuse = false): { queue: Queue; sent: unknown[][] } {
  const sent: unknown[][] = []
  const queue = {
    send: () => Promise.reject(new Error('the proxy sends its audit in batches')),
    sendBatch: async (messages: Iterable<MessageSendRequest>, options?: QueueSendBatchOptions) => {
      if (refuse) throw new Error('queue unavailable')
      const list = [...messages]
      sent.push(list.map((message) => message.body))
      return real.sendBatch(list, options)
    },
  } as unknown as Queue
  return { queue, sent }
}

/** A new owner with a ClickUp connection (its key unique, `pk_good_<label>_…`) and a write token for the proxy. */
async function proxiedConnection(label: string) {
  const owner = await signUpOwner()
  const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_${label}_${crypto.randomUUID()}` })
  return { owner, id, token: await mintToken(owner) }
}

const proxiedRequest = (id: string, token: string) =>
  new Request(`${ORIGIN}/api/v1/connections/${id}/proxy/__echo/x`, { headers: { authorization: `Bearer ${token}` } })

describe('a proxied call’s D1 round trips', () => {
  it('costs one without an OAuth refresh: the gate batch before the call; the audit is enqueued', async () => {
    const { owner, id, token } = await proxiedConnection('trips')
    for (const round of ['first use (the token’s last use rides with the audit)', 'a later use']) {
      const { db, trips } = countingD1(env.DB)
      const { queue, sent } = recordingQueue(env.AUDIT)
      const ctx = createExecutionContext()
      const response = await worker.fetch(proxiedRequest(id, token), { ...env, DB: db, AUDIT: queue }, ctx)
      expect(response.status, round).toBe(200)
      await response.text()
      await waitOnExecutionContext(ctx)
      expect(trips, round).toHaveLength(1)
      expect(sent, round).toHaveLength(1)
    }
    const audits = await proxyAudits(owner, id, 2)
    expect(audits.map((event) => event.detail.status)).toEqual([200, 200])
  })

  it('enqueues a streamed answer’s audit once it has gone to the caller, or been dropped by it, not while it streams', async () => {
    const { owner, id, token } = await proxiedConnection('after')
    // The echo of a 300 KB body is over the size read whole (WHOLE_ANSWER_MAX): it streams.
    const big = () =>
      new Request(`${ORIGIN}/api/v1/connections/${id}/proxy/__echo/x`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: 'z'.repeat(300_000),
      })
    for (const caller of ['reads the answer', 'drops the answer unread']) {
      const { queue, sent } = recordingQueue(env.AUDIT)
      const ctx = createExecutionContext()
      const response = await worker.fetch(big(), { ...env, AUDIT: queue }, ctx)
      // Longer than the audit's gathering: an audit started before the answer had gone would have been sent by now.
      await new Promise((resolve) => setTimeout(resolve, AUDIT_GATHER_MS * 2))
      expect(sent, caller).toHaveLength(0)
      if (caller === 'reads the answer') expect(await response.text()).toContain('[redacted]')
      else await response.body?.cancel()
      await waitOnExecutionContext(ctx)
      expect(sent, caller).toHaveLength(1)
    }
    const audits = await proxyAudits(owner, id, 2)
    expect(audits.map((event) => event.detail.status)).toEqual([200, 200])
  })

  it('reads a small answer of known length whole, scrubbed: its audit needs no wait for the caller', async () => {
    const { id, token } = await proxiedConnection('small')
    const { queue, sent } = recordingQueue(env.AUDIT)
    const ctx = createExecutionContext()
    const response = await worker.fetch(proxiedRequest(id, token), { ...env, AUDIT: queue }, ctx)
    // Unread, and the audit goes all the same: the answer was read whole from upstream before the caller got it.
    await new Promise((resolve) => setTimeout(resolve, AUDIT_GATHER_MS * 2))
    expect(sent).toHaveLength(1)
    const text = await response.text()
    await waitOnExecutionContext(ctx)
    expect(text).toContain('[redacted]')
    expect(text).not.toContain('pk_good_small_')
  })

  it('sends the audits of an isolate’s calls close together in one batch; each call’s answer waits for none of it', async () => {
    const { owner, id, token } = await proxiedConnection('gather')
    const { queue, sent } = recordingQueue(env.AUDIT)
    const contexts: ExecutionContext[] = []
    for (let i = 0; i < 3; i++) {
      const ctx = createExecutionContext()
      contexts.push(ctx)
      const response = await worker.fetch(proxiedRequest(id, token), { ...env, AUDIT: queue }, ctx)
      expect(response.status).toBe(200)
      await response.text()
    }
    expect(sent).toEqual([])
    for (const ctx of contexts) await waitOnExecutionContext(ctx)
    expect(sent.map((batch) => batch.length)).toEqual([3])
    expect((await proxyAudits(owner, id, 3)).map((event) => event.detail.status)).toEqual([200, 200, 200])
  })

  it('writes the audit itself when the queue refuses it: the call is still on the record', async () => {
    const { owner, id, token } = await proxiedConnection('refused')
    const { db, trips } = countingD1(env.DB)
    const ctx = createExecutionContext()
    const response = await worker.fetch(proxiedRequest(id, token), { ...env, DB: db, AUDIT: recordingQueue(env.AUDIT, true).queue }, ctx)
    await response.text()
    await waitOnExecutionContext(ctx)
    expect(trips).toHaveLength(2)
    expect((await proxyAudits(owner, id, 1)).map((event) => event.detail.status)).toEqual([200])
  })
})

describe('the audit queue’s consumer', () => {
  const record = (connectionId: string, workspaceId: string, tokenId: string, at: number) => ({
    event: {
      id: `evt_${crypto.randomUUID()}`,
      workspaceId,
      connectionId,
      linkId: null,
      type: 'proxy_call',
      actor: 'owner',
      at,
      ipCountry: null,
      userAgent: null,
      detail: JSON.stringify({ method: 'GET', path: '/x', status: 200, durationMs: 3 }),
    },
    touch: { tokenId, now: at, everyMs: 60_000 },
  })

  it('writes a whole batch in one D1 round trip, and a redelivered batch writes nothing twice', async () => {
    const { id, token } = await proxiedConnection('batch')
    const { workspace_id } = (await env.DB.prepare('SELECT workspace_id FROM connections WHERE id = ?')
      .bind(id)
      .first<{ workspace_id: string }>())!
    const { id: tokenId } = (await env.DB.prepare('SELECT id FROM api_tokens WHERE token_hash = ?')
      .bind(await hashToken(token))
      .first<{ id: string }>())!
    const now = Date.now()
    const bodies = [...Array.from({ length: 30 }, (_, i) => record(id, workspace_id, tokenId, now + i)), { something: 'else' }]
    const messages = bodies.map((body, i) => ({ id: `audit-${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body }))
    for (const delivery of ['first delivery', 'redelivery']) {
      const { db, trips } = countingD1(env.DB)
      const batch = createMessageBatch(PROXY_AUDIT_QUEUE, messages)
      const ctx = createExecutionContext()
      await worker.queue(batch, { ...env, DB: db })
      const result = await getQueueResult(batch, ctx)
      expect(trips, delivery).toEqual(['batch of 5'])
      expect(result.ackAll, delivery).toBe(true)
      const written = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE connection_id = ? AND type = 'proxy_call'")
        .bind(id)
        .first<{ n: number }>()
      expect(written?.n, delivery).toBe(30)
    }
    const { last_used_at } = (await env.DB.prepare('SELECT last_used_at FROM api_tokens WHERE id = ?')
      .bind(tokenId)
      .first<{ last_used_at: number }>())!
    expect(last_used_at).toBe(now + 29)
  })

  it('asks for the whole batch again when D1 refuses it', async () => {
    const failing = new Proxy(env.DB, {
      get: (target, prop) => {
        if (prop === 'batch') return () => Promise.reject(new Error('D1 down'))
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      },
    })
    const batch = createMessageBatch(PROXY_AUDIT_QUEUE, [
      { id: `audit-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body: record('c', 'w', 't', Date.now()) },
    ])
    const ctx = createExecutionContext()
    await worker.queue(batch, { ...env, DB: failing as D1Database })
    const result = await getQueueResult(batch, ctx)
    expect(result.retryBatch.retry).toBe(true)
    expect(result.ackAll).toBe(false)
  })
})
