import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { PublicConnection, PublicEvent } from '../src/domain/shapes'
import { page, rowOf } from './dashboard-helpers'
import { backdateLink, call, DEMO_KEY, form, requestLink, signUpOwner, submitViaLink } from './helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

async function connectionOf(owner: Owner, id: string): Promise<PublicConnection> {
  const response = await call(`/api/v1/connections/${id}`, { cookie: owner.cookie })
  expect(response.status).toBe(200)
  return (await response.json<{ connection: PublicConnection }>()).connection
}

function ownerUpdate(owner: Owner, id: string, apiKey = 'demo_owner_typed_key') {
  return call(`/api/v1/connections/${id}/credentials`, {
    method: 'PUT',
    cookie: owner.cookie,
    json: { credentials: { apiKey }, allowAccountChange: true },
  })
}

/** The detail page's "Connected" line. */
function connectedLine(html: string): string {
  const match = /<dt>Connected<\/dt><dd>(.*?)<\/dd>/s.exec(html)
  expect(match, 'Connected line').not.toBeNull()
  return match![1]!.replace(/<[^>]+>/g, '')
}

describe('truthful history: how the current credentials came', () => {
  it('client via link, then the owner’s own key: API, table, detail page and badge follow the latest', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    expect(await connectionOf(owner, link.connectionId)).toMatchObject({ credentialsSource: null, credentialsUpdatedAt: null })
    expect(connectedLine(await page(`/connections/${link.connectionId}`, owner.cookie))).toBe('Not connected yet')

    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
    const viaLink = await connectionOf(owner, link.connectionId)
    expect(viaLink).toMatchObject({ badge: 'via_link', credentialsSource: 'client_link', credentialsUpdatedAt: expect.any(String) })
    expect(connectedLine(await page(`/connections/${link.connectionId}`, owner.cookie))).toMatch(/^By the client, via link, /)

    expect((await ownerUpdate(owner, link.connectionId)).status).toBe(200)
    const updated = await connectionOf(owner, link.connectionId)
    expect(updated).toMatchObject({ badge: null, credentialsSource: 'owner_direct', via: 'link' })
    expect(Date.parse(updated.credentialsUpdatedAt!)).toBeGreaterThanOrEqual(Date.parse(viaLink.credentialsUpdatedAt!))
    const detail = await page(`/connections/${link.connectionId}`, owner.cookie)
    expect(connectedLine(detail)).toMatch(/^By you, entering the credentials, /)
    expect(detail).not.toContain('Via Link')
    const row = rowOf(await page('/connections', owner.cookie), link.connectionId)
    expect(row).not.toContain('Via Link')
    expect(row).toContain('Entered by you')
    expect(row).toContain('badge-active')
  })

  it('pending and rejected connections never claim a connection', async () => {
    const owner = await signUpOwner()
    const pending = await requestLink(owner, 'demo-tasks', { name: 'Waiting' })
    const rejected = await requestLink(owner, 'demo-tasks', { name: 'Declined' })
    expect((await call(`${rejected.path}/reject`, form({ reason: 'Not this quarter' }))).status).toBe(303)
    for (const id of [pending.connectionId, rejected.connectionId]) {
      expect(await connectionOf(owner, id)).toMatchObject({ credentialsSource: null, credentialsUpdatedAt: null })
      const html = await page(`/connections/${id}`, owner.cookie)
      expect(connectedLine(html)).toBe('Not connected yet')
      expect(html).not.toContain('By the client')
    }
    const table = await page('/connections', owner.cookie)
    expect(rowOf(table, pending.connectionId)).not.toContain('By the client')
    const rejectedRow = rowOf(table, rejected.connectionId)
    expect(rejectedRow).toContain('Declined, with a reason')
    expect(rejectedRow).not.toContain('Not this quarter')
    expect(await page(`/connections/${rejected.connectionId}`, owner.cookie)).toContain('Reason: “Not this quarter”')
  })

  it('a declined refresh’s notice disappears once newer credentials replace it', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
    const refresh = await call(`/api/v1/connections/${link.connectionId}/link`, {
      method: 'POST',
      cookie: owner.cookie,
      // The owner's key below is another Demo Tasks workspace: a change of account the owner allows.
      json: { allowAccountChange: true },
    })
    const path = new URL((await refresh.json<{ link: { url: string } }>()).link.url).pathname
    expect((await call(`${path}/reject`, form({}))).status).toBe(303)
    const declined = 'The client declined to refresh the credentials.'
    expect(await page(`/connections/${link.connectionId}`, owner.cookie)).toContain(declined)

    expect((await ownerUpdate(owner, link.connectionId)).status).toBe(200)
    const after = await page(`/connections/${link.connectionId}`, owner.cookie)
    expect(after).not.toContain(declined)
    expect(await page(`/connections/${link.connectionId}/link`, owner.cookie)).not.toContain(declined)
  })

  it('the migration backfills the source from the latest credential event', async () => {
    const owner = await signUpOwner()
    const viaLink = await requestLink(owner, 'demo-tasks', { name: 'Client then owner' })
    expect((await submitViaLink(viaLink, { apiKey: DEMO_KEY })).status).toBe(200)
    expect((await ownerUpdate(owner, viaLink.connectionId)).status).toBe(200)
    const clientOnly = await requestLink(owner, 'demo-tasks', { name: 'Client only' })
    expect((await submitViaLink(clientOnly, { apiKey: DEMO_KEY })).status).toBe(200)
    const pending = await requestLink(owner, 'demo-tasks', { name: 'Never' })
    const ids = [viaLink.connectionId, clientOnly.connectionId, pending.connectionId]
    const read = async () =>
      (
        await env.DB.prepare(
          `SELECT id, credentials_source AS source, credentials_updated_at AS at, credentials_updated_by AS by FROM connections
           WHERE id IN (?, ?, ?)`,
        )
          .bind(...ids)
          .all<{ id: string; source: string | null; at: number | null; by: string | null }>()
      ).results.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    const written = await read()
    await env.DB.prepare(
      `UPDATE connections SET credentials_source = NULL, credentials_updated_at = NULL, credentials_updated_by = NULL
       WHERE workspace_id = ?`,
    )
      .bind(owner.workspaceId)
      .run()
    const migration = env.TEST_MIGRATIONS.find((candidate) => candidate.name.includes('table_history_and_paging'))!
    for (const query of migration.queries.filter((q) => q.includes('UPDATE'))) await env.DB.prepare(query).run()
    expect(await read()).toEqual(written)
    expect(written.map((row) => row.source)).toEqual(['owner_direct', 'client_link', null])
    expect(written[0]!.by).toBe(owner.userId)
  })
})

describe('Expired and Locked badges', () => {
  it('a link that expired unused reads Expired; ten wrong keys read Locked; in the API, table and Choose a Connection', async () => {
    const owner = await signUpOwner()
    const expired = await requestLink(owner, 'demo-tasks', { name: 'Too late' })
    await backdateLink(expired.connectionId)
    const locked = await requestLink(owner, 'demo-tasks', { name: 'Wrong keys' })
    for (let i = 0; i < 10; i++) await submitViaLink(locked, { apiKey: `wrong_key_${i}_abcdef` })
    expect((await connectionOf(owner, expired.connectionId)).badge).toBe('expired')
    expect((await connectionOf(owner, locked.connectionId)).badge).toBe('locked')

    const table = await page('/connections', owner.cookie)
    const expiredRow = rowOf(table, expired.connectionId)
    expect(expiredRow).toContain('badge-expired')
    expect(expiredRow).toContain('Link expired')
    expect(expiredRow).not.toContain('Refresh credentials')
    expect(expiredRow).not.toContain('badge-pending')
    const lockedRow = rowOf(table, locked.connectionId)
    expect(lockedRow).toContain('badge-locked')
    expect(lockedRow).toContain('10 wrong keys')
    for (const row of [expiredRow, lockedRow]) {
      expect(row).toContain('Update Connection via Link')
      expect(row).toContain('Update Connection Data')
      expect(row).toContain('<legend class="menu-group">Update</legend>')
      expect(row).toContain('Delete')
    }
    expect(await page(`/connections/${locked.connectionId}`, owner.cookie)).toContain('Refresh credentials')

    const workflow = await call('/api/v1/workflows', { method: 'POST', cookie: owner.cookie, json: { name: 'W', steps: [] } })
    const { id } = (await workflow.json<{ workflow: { id: string } }>()).workflow
    const picker = await page(`/workflows/${id}/steps/new/demo-tasks`, owner.cookie)
    for (const [connectionId, badge] of [
      [expired.connectionId, 'expired'],
      [locked.connectionId, 'locked'],
    ]) {
      const option = new RegExp(`<label class="choice choice-disabled" for="step-connection-${connectionId}">(.*?)</label>`, 's').exec(
        picker,
      )
      expect(option, badge).not.toBeNull()
      expect(option![1]).toMatch(/<input type="radio" name="connectionId"[^>]* disabled/)
      expect(option![1]).toContain(`badge-${badge}`)
      expect(option![1]).toContain('<svg')
    }
  })
})

describe('events and runs: newest first, paged', () => {
  it('the events API pages newest first, each event once; another owner gets 404', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    for (let i = 0; i < 7; i++) await submitViaLink(link, { apiKey: `wrong_key_${i}_abcdef` })
    const seen: PublicEvent[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const response = await call(`/api/v1/connections/${link.connectionId}/events?limit=4${query}`, { cookie: owner.cookie })
      expect(response.status).toBe(200)
      const body = await response.json<{ events: PublicEvent[]; nextCursor: string | null }>()
      expect(body.events.length).toBeLessThanOrEqual(4)
      seen.push(...body.events)
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(9)
    expect(new Set(seen.map((event) => event.id)).size).toBe(9)
    const times = seen.map((event) => Date.parse(event.at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    // Both written by the link request, in the same millisecond: the id breaks the tie.
    expect(
      seen
        .slice(-2)
        .map((event) => event.type)
        .sort(),
    ).toEqual(['created', 'link_created'])

    const other = await signUpOwner()
    expect((await call(`/api/v1/connections/${link.connectionId}/events`, { cookie: other.cookie })).status).toBe(404)
  })

  it('the activity log on the detail page is newest first, 25 at a time, with a link to older entries', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const base = Date.now() - 1_000_000
    await env.DB.batch(
      Array.from({ length: 30 }, (_, i) =>
        env.DB.prepare("INSERT INTO events (id, workspace_id, connection_id, type, actor, at) VALUES (?, ?, ?, ?, 'system', ?)").bind(
          `ev-${String(i).padStart(2, '0')}`,
          owner.workspaceId,
          link.connectionId,
          `marker_${String(i).padStart(2, '0')}`,
          base + i * 1000,
        ),
      ),
    )
    const first = await page(`/connections/${link.connectionId}`, owner.cookie)
    const markers = (html: string) => [...html.matchAll(/marker (\d\d)/g)].map((m) => m[1])
    expect(markers(first)).toEqual(Array.from({ length: 23 }, (_, i) => String(29 - i).padStart(2, '0')))
    const older = /href="([^"]+\?events=[^"#]+)#activity"/.exec(first)
    expect(older).not.toBeNull()
    const second = await page(older![1]!, owner.cookie)
    expect(markers(second)).toEqual(Array.from({ length: 7 }, (_, i) => String(6 - i).padStart(2, '0')))
    expect(second).toContain('>Newest</a>')
  })
})

describe('runs: newest first, paged', () => {
  it('the runs API and the builder page walk every run once, newest first; another owner gets 404', async () => {
    const owner = await signUpOwner()
    const created = await call('/api/v1/workflows', { method: 'POST', cookie: owner.cookie, json: { name: 'Paged', steps: [] } })
    const { id } = (await created.json<{ workflow: { id: string } }>()).workflow
    const base = Date.now() - 100_000
    await env.DB.batch(
      Array.from({ length: 30 }, (_, i) =>
        env.DB.prepare(
          `INSERT INTO runs (id, workflow_id, workspace_id, status, started_at, finished_at, error)
           VALUES (?1, ?2, ?3, 'failed', ?4, ?4, ?1)`,
        ).bind(`run-${String(i).padStart(2, '0')}`, id, owner.workspaceId, base + Math.floor(i / 3) * 1000),
      ),
    )
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const response = await call(`/api/v1/workflows/${id}/runs?limit=8${query}`, { cookie: owner.cookie })
      expect(response.status).toBe(200)
      const body = await response.json<{ runs: { id: string }[]; nextCursor: string | null }>()
      seen.push(...body.runs.map((run) => run.id))
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `run-${String(29 - i).padStart(2, '0')}`))

    const first = await page(`/workflows/${id}`, owner.cookie)
    expect(first).toContain('>run-29<')
    expect(first).not.toContain('>run-04<')
    const older = /href="(\/workflows\/[^"]+\?runs=[^"#]+)#runs-title"/.exec(first)
    expect(older).not.toBeNull()
    const second = await page(older![1]!.replaceAll('&amp;', '&'), owner.cookie)
    expect(second).toContain('>run-04<')
    expect(second).not.toContain('>run-29<')

    const other = await signUpOwner()
    expect((await call(`/api/v1/workflows/${id}/runs`, { cookie: other.cookie })).status).toBe(404)
  })
})
