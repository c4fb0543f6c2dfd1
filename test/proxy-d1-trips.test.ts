import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../src/index'
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

describe('a proxied call’s D1 round trips', () => {
  it('costs two without an OAuth refresh: the gate batch before the call, the audit after', async () => {
    const owner = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_trips_${crypto.randomUUID()}` })
    const token = await mintToken(owner)
    for (const round of ['first use (the token’s last use is written too)', 'a later use']) {
      const { db, trips } = countingD1(env.DB)
      const ctx = createExecutionContext()
      const request = new Request(`${ORIGIN}/api/v1/connections/${id}/proxy/__echo/x`, { headers: { authorization: `Bearer ${token}` } })
      const response = await worker.fetch(request, { ...env, DB: db }, ctx)
      expect(response.status, round).toBe(200)
      await response.text()
      await waitOnExecutionContext(ctx)
      expect(trips, round).toHaveLength(2)
    }
  })

  it('writes the audit once the answer has gone to the caller, or been dropped by it, not while it streams', async () => {
    const owner = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_after_${crypto.randomUUID()}` })
    const token = await mintToken(owner)
    for (const caller of ['reads the answer', 'drops the answer unread']) {
      const { db, trips } = countingD1(env.DB)
      const ctx = createExecutionContext()
      const request = new Request(`${ORIGIN}/api/v1/connections/${id}/proxy/__echo/x`, { headers: { authorization: `Bearer ${token}` } })
      const response = await worker.fetch(request, { ...env, DB: db }, ctx)
      expect(trips, caller).toHaveLength(1)
      if (caller === 'reads the answer') await response.text()
      else await response.body?.cancel()
      await waitOnExecutionContext(ctx)
      expect(trips, caller).toHaveLength(2)
    }
    const audits = await proxyAudits(owner, id, 2)
    expect(audits.map((event) => event.detail.status)).toEqual([200, 200])
  })
})
