import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { AppError } from '../src/domain/errors'
import { completeLink } from '../src/services/link-lifecycle'
import { requireOpenLink } from '../src/services/open-link'
import { edgeOf } from '../src/http/deps'
import { depsFromEnv } from '../src/services/deps'
import { call, DEMO_KEY, form, getConnection, ORIGIN, requestLink, signUpOwner, submitViaLink, rejectViaLink } from './helpers'

describe('single use under concurrency', () => {
  it('of 25 concurrent submissions exactly one wins, over several rounds', async () => {
    const owner = await signUpOwner()
    for (let round = 0; round < 4; round++) {
      const link = await requestLink(owner)
      const responses = await Promise.all(Array.from({ length: 25 }, () => submitViaLink(link, { apiKey: DEMO_KEY })))
      const statuses = responses.map((r) => r.status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      // The others wait for the check in progress, then find the link spent.
      expect(statuses.filter((s) => s === 410)).toHaveLength(24)
      const events = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE connection_id = ? AND type = 'credentials_submitted'")
        .bind(link.connectionId)
        .first<{ n: number }>()
      expect(events?.n).toBe(1)
      const row = await env.DB.prepare('SELECT credentials_revision AS rev FROM connections WHERE id = ?')
        .bind(link.connectionId)
        .first<{ rev: number }>()
      expect(row?.rev).toBe(1)
    }
  })

  it('of 25 concurrent completions of verified credentials, the D1 claim alone lets exactly one through', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const deps = depsFromEnv(env, ORIGIN, edgeOf(env))
    const now = Date.now()
    const open = await requireOpenLink(deps, link.token, now)
    const meta = { ipCountry: null, userAgent: null }
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => completeLink(deps, open, { apiKey: `${DEMO_KEY}_${i}` }, { label: `account ${i}` }, meta, now)),
    )
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    expect(
      outcomes.filter((outcome) => outcome.status === 'rejected' && (outcome.reason as AppError).code === 'link_invalid'),
    ).toHaveLength(24)
    const row = await env.DB.prepare(
      'SELECT credentials_revision AS rev, ' +
        "(SELECT count(*) FROM events WHERE connection_id = ?1 AND type = 'credentials_submitted') AS events, " +
        '(SELECT count(*) FROM client_grants WHERE connection_id = ?1) AS grants ' +
        'FROM connections WHERE id = ?1',
    )
      .bind(link.connectionId)
      .first()
    // One grant too: the management link of the one success, and no other.
    expect(row).toEqual({ rev: 1, events: 1, grants: 1 })
  })

  it('accept-and-submit racing reject ends in one consistent outcome', async () => {
    const owner = await signUpOwner()
    for (let round = 0; round < 4; round++) {
      const link = await requestLink(owner)
      const [submitted, rejected] = await Promise.all([submitViaLink(link, { apiKey: DEMO_KEY }), rejectViaLink(link)])
      const winners = [submitted.status, rejected.status].filter((s) => s === 200)
      expect(winners).toHaveLength(1)
      const connection = await getConnection(owner, link.connectionId)
      if (submitted.status === 200) {
        expect(connection).toMatchObject({ status: 'active', link: { status: 'used' } })
      } else {
        expect(connection).toMatchObject({ status: 'rejected', link: { status: 'rejected' } })
        const row = await env.DB.prepare('SELECT credentials_blob AS blob FROM connections WHERE id = ?')
          .bind(link.connectionId)
          .first<{ blob: string | null }>()
        expect(row?.blob).toBeNull()
      }
    }
  })

  it('a stale KV entry put back after use cannot be used: D1 decides', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const keys = await env.LINKS.list({ prefix: 'link:' })
    const before = await Promise.all(keys.keys.map(async (k) => [k.name, await env.LINKS.get(k.name)] as const))
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
    for (const [name, value] of before) if (value) await env.LINKS.put(name, value)
    // The cached invitation still renders (KV is only a cache) ...
    expect((await call(link.path)).status).toBe(200)
    // ... but every write path asks D1, which says the link is spent.
    expect((await call(`${link.path}/accept`, form({}))).status).toBe(410)
    expect((await submitViaLink(link, { apiKey: 'demo_another_key_1' })).status).toBe(410)
    expect((await call(`${link.path}/reject`, form({}))).status).toBe(410)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active' })
  })
})
