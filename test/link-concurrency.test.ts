import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, DEMO_KEY, form, getConnection, requestLink, signUpOwner, submitViaLink } from './helpers'

describe('single use under concurrency', () => {
  it('of 25 concurrent submissions exactly one wins, over several rounds', async () => {
    const owner = await signUpOwner()
    for (let round = 0; round < 4; round++) {
      const link = await requestLink(owner)
      const responses = await Promise.all(Array.from({ length: 25 }, () => submitViaLink(link, { apiKey: DEMO_KEY })))
      const statuses = responses.map((r) => r.status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 410)).toHaveLength(24)
      const events = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE connection_id = ? AND type = 'credentials_submitted'")
        .bind(link.connectionId).first<{ n: number }>()
      expect(events?.n).toBe(1)
      const row = await env.DB.prepare('SELECT credentials_revision AS rev FROM connections WHERE id = ?').bind(link.connectionId).first<{ rev: number }>()
      expect(row?.rev).toBe(1)
    }
  })

  it('accept-and-submit racing reject ends in one consistent outcome', async () => {
    const owner = await signUpOwner()
    for (let round = 0; round < 4; round++) {
      const link = await requestLink(owner)
      const [submitted, rejected] = await Promise.all([
        submitViaLink(link, { apiKey: DEMO_KEY }),
        call(`${link.path}/reject`, form({})),
      ])
      const winners = [submitted.status, rejected.status].filter((s) => s === 200)
      expect(winners).toHaveLength(1)
      const connection = await getConnection(owner, link.connectionId)
      if (submitted.status === 200) {
        expect(connection).toMatchObject({ status: 'active', link: { status: 'used' } })
      } else {
        expect(connection).toMatchObject({ status: 'rejected', link: { status: 'rejected' } })
        const row = await env.DB.prepare('SELECT credentials_blob AS blob FROM connections WHERE id = ?').bind(link.connectionId).first<{ blob: string | null }>()
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
