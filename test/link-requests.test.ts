import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { runScheduled } from '../src/jobs/scheduled'
import { brandedOwner, call, cookiesAfter, DEMO_KEY, form, getConnection, signUpOwner } from './helpers'
import { location, page, post, submit } from './dashboard-helpers'

type Owner = { cookie: string; workspaceId: string }

interface CreatedRequest {
  id: string
  url: string | null
  items: { connection: { id: string; name: string; badge: string | null; status: string } }[]
}

const tasks = (name: string) => ({ appId: 'demo-tasks', name })

async function createRequest(owner: Owner, items = [tasks('Tasks A'), tasks('Tasks B'), tasks('Tasks C')], extra = {}) {
  const response = await call('/api/v1/link-requests', { method: 'POST', cookie: owner.cookie, json: { items, ...extra } })
  expect(response.status, await response.clone().text()).toBe(201)
  const { request } = await response.json<{ request: CreatedRequest }>()
  return { request, path: new URL(request.url!).pathname, token: new URL(request.url!).pathname.split('/').pop()! }
}

/** Each item's own link, as the list page addresses it: its Connect form's action. */
function itemPaths(html: string): string[] {
  return [...html.matchAll(/action="(\/connect\/[A-Za-z0-9_-]{32})\/accept"/g)].map((match) => match[1]!)
}

async function counts(workspaceId: string) {
  return env.DB.prepare(
    'SELECT (SELECT count(*) FROM connections WHERE workspace_id = ?1) AS connections, ' +
      '(SELECT count(*) FROM links WHERE workspace_id = ?1) AS links, ' +
      '(SELECT count(*) FROM link_requests WHERE workspace_id = ?1) AS requests, ' +
      '(SELECT count(*) FROM events WHERE workspace_id = ?1) AS events',
  )
    .bind(workspaceId)
    .first()
}

describe('several apps in one link: the API', () => {
  it('creates one pending connection and link per item, and reads them back', async () => {
    const owner = await signUpOwner()
    const { request, path } = await createRequest(owner)
    expect(path).toMatch(/^\/connect\/r\/[A-Za-z0-9_-]{32}$/)
    expect(request.items.map((item) => item.connection.name)).toEqual(['Tasks A', 'Tasks B', 'Tasks C'])
    expect(request.items.every((item) => item.connection.badge === 'pending')).toBe(true)
    const read = await call(`/api/v1/link-requests/${request.id}`, { cookie: owner.cookie })
    expect(read.status).toBe(200)
    const body = await read.json<{ request: CreatedRequest }>()
    expect(body.request.url).toBe(request.url)
    expect(body.request.items.map((item) => item.connection.id)).toEqual(request.items.map((item) => item.connection.id))
    expect(await counts(owner.workspaceId)).toMatchObject({ connections: 3, links: 3, requests: 1 })
    // The token is stored only as its hash and sealed.
    const row = await env.DB.prepare('SELECT token_hash, token_blob FROM link_requests WHERE id = ?').bind(request.id).first<{
      token_hash: string
      token_blob: string
    }>()
    const token = path.split('/').pop()!
    expect(row!.token_hash).not.toBe(token)
    expect(row!.token_blob).not.toContain(token)
    // Another workspace cannot read it.
    const other = await signUpOwner()
    expect((await call(`/api/v1/link-requests/${request.id}`, { cookie: other.cookie })).status).toBe(404)
  })

  it.each([
    ['an unknown app', [tasks('One'), { appId: 'no-such-app', name: 'Two' }], 400, 'items.1.appId'],
    ['a repeated name', [tasks('Same'), tasks('Other'), tasks('same')], 400, 'items.2.name'],
    ['an app whose OAuth client is not configured', [tasks('One'), { appId: 'salesforce', name: 'Two' }], 422, 'items.1.appId'],
    ['one item', [tasks('Alone')], 400, 'items'],
    ['eleven items', Array.from({ length: 11 }, (_, i) => tasks(`Item ${i}`)), 400, 'items'],
  ])('refuses %s with the item named, writing nothing', async (_, items, status, path) => {
    const owner = await signUpOwner()
    const before = await counts(owner.workspaceId)
    const response = await call('/api/v1/link-requests', { method: 'POST', cookie: owner.cookie, json: { items } })
    expect(response.status).toBe(status)
    const body = await response.json<{ error: { issues?: { path: string }[] } }>()
    expect(body.error.issues?.map((issue) => issue.path)).toContain(path)
    expect(await counts(owner.workspaceId)).toEqual(before)
  })
})

describe('several apps in one link: the client', () => {
  it('connects item 1, skips item 2, rejects item 3, each with its own badge, and the list says so', async () => {
    const owner = await signUpOwner()
    const { request, path } = await createRequest(owner)
    const list = await call(path)
    expect(list.status).toBe(200)
    const html = await list.text()
    expect(html).toContain('0 of 3 connected')
    const [first, second, third] = itemPaths(html)
    expect([first, second, third].every(Boolean)).toBe(true)

    // Item 1: its own key form, then back to the list.
    expect((await call(`${first}/accept`, { method: 'POST' })).headers.get('location')).toBe(`${first}/accept`)
    const connected = await call(first!, form({ apiKey: DEMO_KEY }))
    expect(connected.status).toBe(303)
    // Its own success page first, with the management link shown once, leading on to the list.
    expect(connected.headers.get('location')).toBe('/connect/done')
    const success = await (await call('/connect/done', { headers: { cookie: cookiesAfter(connected) } })).text()
    expect(success).toContain('/manage/')
    expect(success).toContain(`href="${path}"`)
    const afterFirst = await (await call(path)).text()
    expect(afterFirst).toContain('1 of 3 connected')
    expect(itemPaths(afterFirst)).toEqual([second, third])

    // Item 2: skipped from the list.
    const skipped = await call(`${path}/skip/1`, { method: 'POST' })
    expect(skipped.status).toBe(303)
    expect(skipped.headers.get('location')).toBe(path)
    expect((await call(`${path}/skip/1`, { method: 'POST' })).status).toBe(410)

    // Item 3: rejected on its own confirmation page, with a reason.
    const rejected = await call(`${third}/reject`, form({ reason: 'Not this one' }))
    expect(rejected.headers.get('location')).toBe(path)

    const finished = await call(path)
    expect(finished.status).toBe(200)
    const done = await finished.text()
    expect(done).toContain('1 of 3 connected')
    expect(done).toContain('Every app in this request is done')
    expect(itemPaths(done)).toEqual([])

    const [a, b, c] = request.items.map((item) => item.connection.id)
    expect(await getConnection(owner, a!)).toMatchObject({ status: 'active', badge: 'via_link' })
    expect(await getConnection(owner, b!)).toMatchObject({ status: 'pending', badge: 'pending', link: { status: 'skipped' } })
    expect(await getConnection(owner, c!)).toMatchObject({ status: 'rejected', badge: 'rejected' })
    const read = await (await call(`/api/v1/link-requests/${request.id}`, { cookie: owner.cookie })).json<{ request: CreatedRequest }>()
    expect(read.request.url).toBeNull()
    const types = await env.DB.prepare("SELECT type FROM events WHERE connection_id = ? AND type = 'skipped'").bind(b).all()
    expect(types.results).toHaveLength(1)
  })

  it('carries the workspace’s brand on the list and on each item’s own pages', async () => {
    const owner = await brandedOwner({ displayName: 'Northwind Studio', accent: '#1a56db' })
    const { path } = await createRequest(owner, [tasks('One'), tasks('Two')])
    const list = await (await call(path)).text()
    expect(list).toContain('/brand/accent/1a56db.css')
    expect(list).toContain('Northwind Studio</span>')
    const [first] = itemPaths(list)
    const form = await (await call(`${first}/accept`, { method: 'GET' })).text()
    expect(form).toContain('/brand/accent/1a56db.css')
  })

  it('of concurrent submissions on one item exactly one stores credentials; the other items stay open', async () => {
    const owner = await signUpOwner()
    const { request, path } = await createRequest(owner, [tasks('One'), tasks('Two')])
    const [first] = itemPaths(await (await call(path)).text())
    const responses = await Promise.all(Array.from({ length: 12 }, () => call(first!, form({ apiKey: DEMO_KEY }))))
    expect(responses.filter((response) => response.status === 303 && response.headers.get('location') === '/connect/done')).toHaveLength(1)
    expect(responses.filter((response) => response.status === 410)).toHaveLength(11)
    const id = request.items[0]!.connection.id
    const row = await env.DB.prepare(
      'SELECT credentials_revision AS rev, ' +
        "(SELECT count(*) FROM events WHERE connection_id = ?1 AND type = 'credentials_submitted') AS events " +
        'FROM connections WHERE id = ?1',
    )
      .bind(id)
      .first()
    expect(row).toEqual({ rev: 1, events: 1 })
    expect(itemPaths(await (await call(path)).text())).toHaveLength(1)
  })

  it('concurrent skips of one item: exactly one is recorded', async () => {
    const owner = await signUpOwner()
    const { request, path } = await createRequest(owner, [tasks('One'), tasks('Two')])
    const responses = await Promise.all(Array.from({ length: 8 }, () => call(`${path}/skip/0`, { method: 'POST' })))
    expect(responses.filter((response) => response.status === 303)).toHaveLength(1)
    const events = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE connection_id = ? AND type = 'skipped'")
      .bind(request.items[0]!.connection.id)
      .first<{ n: number }>()
    expect(events!.n).toBe(1)
  })

  it('the list page survives reload and Back, the same after each', async () => {
    const owner = await signUpOwner()
    const { path } = await createRequest(owner, [tasks('One'), tasks('Two')])
    const [first] = itemPaths(await (await call(path)).text())
    const connected = await call(first!, form({ apiKey: DEMO_KEY }))
    const cookie = cookiesAfter(connected)
    const reload = [await (await call(path, { cookie })).text(), await (await call(path, { cookie })).text()]
    expect(reload[0]).toBe(reload[1])
    expect(reload[0]).toContain('1 of 2 connected')
    // Back to the item's own form: this browser is shown what happened to it; nobody else learns anything.
    const back = await call(first!, { cookie })
    expect(back.status).toBe(200)
    expect(await back.text()).toContain('Connection created successfully')
    expect((await call(first!)).status).toBe(410)
  })

  it('an unusable list token reads like any unusable link', async () => {
    const invalid = await (await call('/connect/abc')).text()
    const response = await call(`/connect/r/${'x'.repeat(32)}`)
    expect(response.status).toBe(410)
    expect(await response.text()).toBe(invalid)
    expect((await call(`/connect/r/${'x'.repeat(32)}/skip/0`, { method: 'POST' })).status).toBe(410)
  })

  it('expiry closes the remaining items: the cron expires their links, the list and their pages refuse', async () => {
    const owner = await signUpOwner()
    const { request, path } = await createRequest(owner, [tasks('One'), tasks('Two')], { expiresInMinutes: 5 })
    const [first, second] = itemPaths(await (await call(path)).text())
    expect((await call(first!, form({ apiKey: DEMO_KEY }))).status).toBe(303)
    const later = Date.now() + 6 * 60_000
    await runScheduled(env, later)
    const statuses = await env.DB.prepare('SELECT status FROM links WHERE request_id = ? ORDER BY request_position').bind(request.id).all()
    expect(statuses.results.map((row) => row.status)).toEqual(['used', 'expired'])
    expect(await getConnection(owner, request.items[1]!.connection.id)).toMatchObject({ badge: 'expired' })
    expect(await getConnection(owner, request.items[0]!.connection.id)).toMatchObject({ badge: 'via_link' })
    expect((await call(`${second}/accept`, { method: 'POST' })).status).toBe(410)
  })

  it('refresh works per item: one item’s connection gets a link of its own, the others are untouched', async () => {
    const owner = await signUpOwner()
    const { request, path } = await createRequest(owner, [tasks('One'), tasks('Two')])
    const [first] = itemPaths(await (await call(path)).text())
    await call(first!, form({ apiKey: DEMO_KEY }))
    const [one, two] = request.items.map((item) => item.connection.id)
    const refreshed = await call(`/api/v1/connections/${one}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    expect(refreshed.status).toBe(201)
    const { link } = await refreshed.json<{ link: { url: string } }>()
    expect(await getConnection(owner, one!)).toMatchObject({ badge: 'refresh_pending' })
    // The refresh link is a single link like any other: its own invitation, then its outcome page.
    const refreshPath = new URL(link.url).pathname
    expect((await call(refreshPath)).status).toBe(200)
    const done = await call(refreshPath, form({ apiKey: DEMO_KEY }))
    expect(done.headers.get('location')).toBe('/connect/done')
    expect(await getConnection(owner, one!)).toMatchObject({ badge: 'via_link' })
    expect(await getConnection(owner, two!)).toMatchObject({ badge: 'pending' })
    // Revoking the other item's link closes it on the list too.
    expect((await call(`/api/v1/connections/${two}/link`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    const list = await (await call(path)).text()
    expect(itemPaths(list)).toEqual([])
    expect(list).toContain('No longer available')
  })
})

describe('several apps in one link: the dashboard', () => {
  it('adds rows without scripts, creates the request with PRG, and shows its link and each item', async () => {
    const owner = await signUpOwner()
    const form3 = await page('/connections/several?rows=3', owner.cookie)
    expect(form3.match(/name="appId\.\d"/g)).toHaveLength(3)
    expect(form3).toContain('href="/connections/several?rows=4"')
    const response = await post(
      '/connections/several',
      { rows: '3', 'appId.0': 'demo-tasks', 'name.0': 'Tasks', 'appId.1': 'demo-tasks', 'name.1': 'More tasks', expiresInMinutes: '2880' },
      owner.cookie,
    )
    expect(response.status).toBe(303)
    const shown = await page(location(response), owner.cookie)
    const url = shown.match(/http:\/\/tether\.test\/connect\/r\/[A-Za-z0-9_-]{32}/)?.[0]
    expect(url).toBeTruthy()
    expect(shown).toContain('Tasks')
    expect(shown).toContain('More tasks')
    expect((await call(new URL(url!).pathname)).status).toBe(200)
  })

  it('a refusal goes back to the form with the row named and the values kept, writing nothing', async () => {
    const owner = await signUpOwner()
    const before = await counts(owner.workspaceId)
    const refused = await submit(
      '/connections/several',
      { rows: '2', 'appId.0': 'demo-tasks', 'name.0': 'Same', 'appId.1': 'demo-tasks', 'name.1': 'same' },
      owner.cookie,
    )
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toMatch(/role="alert">.*Item 2: another item of this link is already named/s)
    expect(html).toMatch(/id="several-name-1"[^>]*aria-invalid="true"/)
    expect(html).toContain('value="same"')
    expect(await counts(owner.workspaceId)).toEqual(before)
    // Reload: the plain form.
    expect(await page('/connections/several?rows=2', owner.cookie)).not.toContain('role="alert"')
    const tooFew = await submit('/connections/several', { rows: '2', 'appId.0': 'demo-tasks', 'name.0': 'Alone' }, owner.cookie)
    expect(tooFew.status).toBe(400)
    expect(await tooFew.text()).toContain('Choose at least 2 apps.')
  })
})
