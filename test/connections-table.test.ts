import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { connectionsPageQuery } from '../src/db/connection-pages'
import { database } from '../src/db/client'
import { eventsPageQuery } from '../src/db/events'
import { runsPageQuery } from '../src/db/runs'
import { BADGES } from '../src/domain/badges'
import type { PublicConnection } from '../src/domain/shapes'
import { call, signUpOwner } from './helpers'
import { type SeedKind, seedConnections } from './table-seed'

type Owner = Awaited<ReturnType<typeof signUpOwner>>
type ListAnswer = { connections: PublicConnection[]; nextCursor: string | null }

const EXPECTED: Record<SeedKind, PublicConnection['badge']> = {
  pending: 'pending',
  expired_unswept: 'expired',
  expired: 'expired',
  locked: 'locked',
  revoked_pending: 'pending',
  rejected: 'rejected',
  via_link: 'via_link',
  refresh_pending: 'refresh_pending',
  refresh_expired: 'via_link',
  direct: null,
  oauth_after_link: null,
  needs_reconnect: 'needs_reconnect',
  needs_reconnect_link_out: 'needs_reconnect',
  revoked_by_client: 'revoked_by_client',
}

async function list(owner: Owner, query: Record<string, string> = {}): Promise<ListAnswer> {
  const response = await call(`/api/v1/connections?${new URLSearchParams(query)}`, { cookie: owner.cookie })
  expect(response.status, JSON.stringify(query)).toBe(200)
  return response.json<ListAnswer>()
}

async function everyPage(owner: Owner, query: Record<string, string> = {}): Promise<PublicConnection[][]> {
  const pages: PublicConnection[][] = []
  let cursor: string | null = null
  do {
    const answer: ListAnswer = await list(owner, { ...query, ...(cursor ? { cursor } : {}) })
    pages.push(answer.connections)
    cursor = answer.nextCursor
  } while (cursor && pages.length < 50)
  return pages
}

describe('GET /api/v1/connections pages, searches and filters in SQL', () => {
  it('walks every row once, newest update first, in pages of `limit`', async () => {
    const owner = await signUpOwner()
    const seeded = await seedConnections(owner.workspaceId, 61)
    const pages = await everyPage(owner, { limit: '25' })
    expect(pages.map((page) => page.length)).toEqual([25, 25, 11])
    const ids = pages.flat().map((row) => row.id)
    const expected = [...seeded].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)).map((row) => row.id)
    expect(ids).toEqual(expected)
    expect((await list(owner)).connections).toHaveLength(25)
  })

  it('gives each row the badge badgeFor derives, and each badge filter exactly the rows with that badge', async () => {
    const owner = await signUpOwner()
    const seeded = await seedConnections(owner.workspaceId, 33)
    const all = (await everyPage(owner, { limit: '100' })).flat()
    const kindOf = new Map(seeded.map((row) => [row.id, row.kind]))
    for (const row of all) expect([kindOf.get(row.id), row.badge]).toEqual([kindOf.get(row.id), EXPECTED[kindOf.get(row.id)!]])
    for (const badge of BADGES) {
      const filtered = (await everyPage(owner, { badge, limit: '7' })).flat()
      const want = all.filter((row) => row.badge === badge).map((row) => row.id)
      expect(want.length, badge).toBeGreaterThan(0)
      expect(
        filtered.map((row) => row.id),
        badge,
      ).toEqual(want)
    }
  })

  it('searches names and account labels (wildcards taken literally), filters by app, and combines them', async () => {
    const owner = await signUpOwner()
    await seedConnections(owner.workspaceId, 22, { prefix: 'Acme_site' })
    await seedConnections(owner.workspaceId, 4, { prefix: 'Other%' })
    const byName = (await everyPage(owner, { q: 'acme_SITE 1' })).flat()
    expect(byName.map((row) => row.name).sort()).toEqual(['Acme_site 1', ...Array.from({ length: 10 }, (_, i) => `Acme_site 1${i}`)].sort())
    expect((await list(owner, { q: 'Acme%site' })).connections).toEqual([])
    expect((await list(owner, { q: 'Other%' })).connections).toHaveLength(4)
    const byAccount = (await list(owner, { q: 'account-21@' })).connections
    expect(byAccount.map((row) => row.name)).toEqual(['Acme_site 21'])
    const clickup = (await everyPage(owner, { appId: 'clickup' })).flat()
    expect(clickup).toHaveLength(13)
    expect(new Set(clickup.map((row) => row.appId))).toEqual(new Set(['clickup']))
    const combined = (await everyPage(owner, { appId: 'clickup', badge: 'locked', q: 'Acme' })).flat()
    expect(combined.length).toBeGreaterThan(0)
    expect(combined.every((row) => row.appId === 'clickup' && row.badge === 'locked' && row.name.startsWith('Acme'))).toBe(true)
  })

  it('another owner’s cursor and filters give only their own rows, and a bad cursor is a 400', async () => {
    const a = await signUpOwner()
    const b = await signUpOwner()
    await seedConnections(a.workspaceId, 30, { prefix: 'Alpha' })
    const { nextCursor } = await list(a, { limit: '5' })
    expect(nextCursor).toBeTruthy()
    expect(await list(b, { cursor: nextCursor! })).toEqual({ connections: [], nextCursor: null })
    expect(await list(b, { q: 'Alpha' })).toEqual({ connections: [], nextCursor: null })
    for (const badge of BADGES) expect((await list(b, { badge })).connections).toEqual([])
    await seedConnections(b.workspaceId, 3, { prefix: 'Beta' })
    const theirs = await list(b, { cursor: nextCursor!, limit: '100' })
    expect(theirs.connections.every((row) => row.name.startsWith('Beta'))).toBe(true)

    console.log(
      `[figure] table isolation: another owner's cursor, search and ${BADGES.length} badge filters → 0 of the other workspace's 30 rows`,
    )
    for (const cursor of ['!!!', 'bm90LWEtY3Vyc29y', 'x'.repeat(200)]) {
      const refused = await call(`/api/v1/connections?cursor=${encodeURIComponent(cursor)}`, { cookie: a.cookie })
      expect(refused.status, cursor).toBe(400)
      expect((await refused.json<{ error: { code: string } }>()).error.code).toBe('invalid_request')
    }
    for (const query of ['limit=0', 'limit=101', 'badge=active', 'sort=name']) {
      expect((await call(`/api/v1/connections?${query}`, { cookie: a.cookie })).status, query).toBe(400)
    }
  })
})

describe('the table’s queries walk their indexes', () => {
  async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
    const { sql, params } = query.toSQL()
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>()
    return results.map((row) => row.detail).join(' | ')
  }
  const db = () => database(env.DB)
  const after = { at: 1_000, id: 'x' }

  it.each([
    ['the first page', {}],
    ['a later page', { after }],
    ['a search', { q: 'acme' }],
    ['a badge filter', { badge: 'expired' as const }],
  ])('connections: %s uses connections_workspace_updated, with no sort of its own', async (_name, extra) => {
    const plan = await planOf(connectionsPageQuery(db(), 'ws', { fetch: 26, after: null, now: 0, ...extra }))
    expect(plan).toMatch(/SEARCH connections USING (COVERING )?INDEX connections_workspace_updated \(workspace_id=\?/)
    expect(plan).not.toContain('TEMP B-TREE')
    expect(plan).toMatch(/links USING (COVERING )?INDEX links_connection/)
  })

  it('connections of one app use connections_workspace_app_updated', async () => {
    const plan = await planOf(connectionsPageQuery(db(), 'ws', { fetch: 26, after, appId: 'clickup', now: 0 }))
    expect(plan).toMatch(/SEARCH connections USING (COVERING )?INDEX connections_workspace_app_updated \(workspace_id=\? AND app_id=\?/)
    expect(plan).not.toContain('TEMP B-TREE')
  })

  it('events and runs page down their (parent, time, id) indexes', async () => {
    const events = await planOf(eventsPageQuery(db(), 'ws', 'c', { fetch: 26, after }))
    expect(events).toMatch(/SEARCH events USING INDEX events_connection_at \(connection_id=\?/)
    expect(events).not.toContain('TEMP B-TREE')
    const runs = await planOf(runsPageQuery(db(), 'ws', 'w', { fetch: 26, after }))
    expect(runs).toMatch(/SEARCH runs USING INDEX runs_workflow_started \(workflow_id=\?/)
    expect(runs).not.toContain('TEMP B-TREE')
  })
})
