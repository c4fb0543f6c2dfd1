import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { formatUtc } from '../src/domain/links'
import { backdateLink, call, ORIGIN, sessionCookieFrom, signUpOwner } from './helpers'

/** What a browser sends with a form on a no-referrer page: Origin null, but Sec-Fetch-Site tells the truth. */
const SAME_ORIGIN = { origin: 'null', 'sec-fetch-site': 'same-origin' }
const GOOD_KEY = 'demo_first_key_1234'
const NEW_KEY = 'demo_second_key_5678'
const BAD_KEY = 'wrong_key_abcdef'

function post(path: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = SAME_ORIGIN) {
  return call(path, { method: 'POST', body: new URLSearchParams(fields), cookie, headers })
}

async function page(path: string, cookie: string): Promise<string> {
  const response = await call(path, { cookie })
  expect(response.status, path).toBe(200)
  return response.text()
}

function location(response: Response): string {
  return response.headers.get('location') ?? ''
}

async function addDirect(cookie: string, name = 'My tasks', apiKey = GOOD_KEY): Promise<string> {
  const response = await post('/connections/new/demo-tasks/direct', { connectionName: name, apiKey }, cookie)
  expect(response.status).toBe(303)
  const id = new URL(location(response), ORIGIN).searchParams.get('created')
  expect(id).toBeTruthy()
  return id!
}

async function generateLinkViaForm(cookie: string, name = 'Client’s tasks', expiresInMinutes = '2880'): Promise<{ id: string; url: string }> {
  const response = await post('/connections/new/demo-tasks/link', { connectionName: name, expiresInMinutes }, cookie)
  expect(response.status).toBe(303)
  const match = /^\/connections\/([^/]+)\/link\?new=1$/.exec(location(response))
  expect(match).not.toBeNull()
  const id = match![1]!
  return { id, url: linkUrlOn(await page(`/connections/${id}/link`, cookie)) }
}

function linkUrlOn(html: string): string {
  const match = /value="(http:\/\/tether\.test\/connect\/[A-Za-z0-9_-]{20,})"/.exec(html)
  expect(match, 'link URL on the page').not.toBeNull()
  return match![1]!
}

/** The row of one connection in the connections table. */
function rowOf(html: string, id: string): string {
  const rows = html.split('<tr>').filter((row) => row.includes(`/connections/${id}"`))
  expect(rows).toHaveLength(1)
  return rows[0]!
}

describe('dashboard sign-up and login', () => {
  it('signs up through the HTML form, refuses a cross-site post, and re-shows bad input with field errors', async () => {
    const email = `form-${crypto.randomUUID().slice(0, 8)}@agency.test`
    const fields = { name: 'Fiona Form', email, password: 'correct horse battery' }

    expect((await post('/signup', fields, undefined, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403)

    const short = await post('/signup', { ...fields, password: 'short' })
    expect(short.status).toBe(400)
    const shortHtml = await short.text()
    expect(shortHtml).toContain('Use at least 10 characters')
    expect(shortHtml).toContain(`value="${email}"`)
    expect(shortHtml).not.toContain('value="short"')

    const signup = await post('/signup', fields)
    expect(signup.status).toBe(303)
    expect(location(signup)).toBe('/connections')
    const cookie = sessionCookieFrom(signup)
    const html = await page('/connections', cookie)
    expect(html).toContain('Add your first connection')
    expect(html).toContain('href="/connections/new/demo-tasks"')
    expect(html).toContain('aria-current="page"')

    const again = await post('/signup', fields)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('already exists')
  })

  it('redirects visitors to the login page, returns them to a safe next path only, and logs out', async () => {
    const owner = await signUpOwner()
    const anonymous = await call('/connections/abc/link')
    expect(anonymous.status).toBe(303)
    expect(location(anonymous)).toBe('/login?next=%2Fconnections%2Fabc%2Flink')
    expect(location(await call('/'))).toBe('/login')
    expect(location(await call('/', { cookie: owner.cookie }))).toBe('/connections')

    const wrong = await post('/login', { email: owner.email, password: 'not the password' })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('Email or password is incorrect.')

    const login = await post('/login?next=%2Fsettings', { email: owner.email, password: 'correct horse battery' })
    expect(login.status).toBe(303)
    expect(location(login)).toBe('/settings')
    const evil = await post('/login?next=%2F%2Fevil.example', { email: owner.email, password: 'correct horse battery' })
    expect(location(evil)).toBe('/connections')

    const cookie = sessionCookieFrom(login)
    const logout = await post('/logout', {}, cookie)
    expect(logout.status).toBe(303)
    expect(location(logout)).toBe('/login')
    expect((await call('/connections', { cookie })).status).toBe(303)
  })
})

describe('adding connections', () => {
  it('searches the app picker server-side and shows unconfigured OAuth apps disabled', async () => {
    const { cookie } = await signUpOwner()
    const all = await page('/connections/new', cookie)
    expect(all).toContain('class="app-grid"')
    expect(all).toMatch(/<span class="app-tile" aria-disabled="true"[^>]*>.*?Facebook Pages.*?not configured/s)
    expect(all).toContain('href="/connections/new/google-docs"')
    const demo = await page('/connections/new?q=demo', cookie)
    expect(demo).toContain('Demo Tasks')
    expect(demo).toContain('· Demo')
    expect(demo).not.toContain('WordPress')
    expect((await call('/connections/new/no-such-app', { cookie })).status).toBe(404)
  })

  it('connects demo-tasks directly, refuses a wrong key on the form, and never echoes a key', async () => {
    const { cookie } = await signUpOwner()
    const page1 = await page('/connections/new/demo-tasks', cookie)
    expect(page1).toContain('Request Connection via Link')
    expect(page1).toContain('Note: the connection name you enter will be visible to the person receiving the link.')
    expect(page1).toContain('<option value="2880" selected')

    const wrong = await post('/connections/new/demo-tasks/direct', { connectionName: 'Mine', apiKey: BAD_KEY }, cookie)
    expect(wrong.status).toBe(422)
    const wrongHtml = await wrong.text()
    expect(wrongHtml).toContain('role="alert"')
    expect(wrongHtml).toContain('value="Mine"')
    expect(wrongHtml).not.toContain(BAD_KEY)

    const id = await addDirect(cookie, 'My tasks')
    const list = await page(`/connections?created=${id}`, cookie)
    expect(list).toContain('“My tasks” is connected')
    expect(rowOf(list, id)).toContain('badge-active')
    expect(rowOf(list, id)).toContain('Actions for My tasks')
    const details = await page(`/connections/${id}`, cookie)
    expect(details).toContain('Connection created')
    for (const html of [list, details, await page(`/connections/${id}/link`, cookie)]) expect(html).not.toContain(GOOD_KEY)
  })

  it('re-shows the link form with errors for a missing name or a tampered lifetime', async () => {
    const { cookie } = await signUpOwner()
    const empty = await post('/connections/new/demo-tasks/link', { connectionName: '  ', expiresInMinutes: '2880' }, cookie)
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Enter a name for the connection')
    const tampered = await post('/connections/new/demo-tasks/link', { connectionName: 'X', expiresInMinutes: '99999' }, cookie)
    expect(tampered.status).toBe(400)
    expect(await tampered.text()).toContain('Choose one of the offered lifetimes.')
    const rows = await env.DB.prepare('SELECT id FROM connections WHERE name = ?').bind('X').all()
    expect(rows.results).toHaveLength(0)
  })

  it('connects an OAuth app by the owner’s own sign-in, and says so when it is cancelled', async () => {
    const { cookie } = await signUpOwner()
    for (const decision of ['allow', 'deny']) {
      const start = await post('/connections/new/demo-docs/oauth', { connectionName: `My docs ${decision}` }, cookie)
      expect(start.status).toBe(302)
      const stateCookie = start.headers.getSetCookie().find((value) => value.startsWith('tether_oauth_state='))
      expect(stateCookie).toContain('Path=/connect/oauth')
      const authorize = new URL(location(start))
      expect(authorize.pathname).toBe('/demo/oauth/authorize')
      const consent = await post('/demo/oauth/decision', { ...Object.fromEntries(authorize.searchParams), decision, email: 'ada.lovelace@example.com' })
      const callback = await call(location(consent), { cookie: `${cookie}; ${stateCookie!.split(';')[0]}` })
      expect(callback.status).toBe(303)
      const list = await page(location(callback), cookie)
      if (decision === 'allow') {
        expect(location(callback)).toMatch(/^\/connections\?connected=/)
        expect(list).toContain('“My docs allow” is connected')
        expect(list).toContain('ada.lovelace@example.com')
      } else {
        expect(location(callback)).toBe('/connections?signin=cancelled')
        expect(list).toContain('Sign-in was cancelled')
        expect(list).not.toContain('My docs deny')
      }
    }
  })
})

describe('connection links on the dashboard', () => {
  it('shows Pending, then Via Link, then the refresh Pending badge, and revokes', async () => {
    const { cookie } = await signUpOwner()
    const { id, url } = await generateLinkViaForm(cookie)
    const fresh = await page(`/connections/${id}/link?new=1`, cookie)
    expect(fresh).toContain('Your connection link is ready')
    expect(fresh).toContain('class="qr"')
    expect(fresh).toContain('is visible to the person receiving the link')

    let row = rowOf(await page('/connections', cookie), id)
    expect(row).toContain('badge-pending')
    expect(row).toContain('Link expires')
    expect(row).toContain('Revoke link')

    const submitted = await post(new URL(url).pathname, { apiKey: GOOD_KEY })
    expect(await submitted.text()).toContain('Connection created successfully')
    row = rowOf(await page('/connections', cookie), id)
    expect(row).toContain('badge-via_link')
    expect(row).toContain('Via Link')
    expect(row).not.toContain('badge-pending')

    const refresh = await post(`/connections/${id}/link`, { expiresInMinutes: '60' }, cookie)
    expect(refresh.status).toBe(303)
    const refreshed = await page(location(refresh), cookie)
    expect(refreshed).toContain('current credentials keep working')
    const newUrl = linkUrlOn(refreshed)
    expect(newUrl).not.toBe(url)
    expect(rowOf(await page('/connections', cookie), id)).toContain('badge-refresh_pending')

    expect((await post(`/connections/${id}/revoke`, {}, cookie)).status).toBe(303)
    const revoked = await page(`/connections/${id}/link`, cookie)
    expect(revoked).toContain('This link was revoked. Click Refresh credentials to generate a new link.')
    expect(revoked).not.toContain(newUrl)
    row = rowOf(await page('/connections', cookie), id)
    expect(row).toContain('badge-via_link')
    expect(row).not.toContain('Revoke link')
    expect((await call(new URL(newUrl).pathname)).status).toBe(410)

    const details = await page(`/connections/${id}`, cookie)
    for (const words of ['Link created', 'Credentials submitted', 'New link generated', 'Link revoked']) expect(details).toContain(words)
    expect(details).not.toContain(GOOD_KEY)
  })

  it('tells the owner when a link expired and refreshes it from the table', async () => {
    const { cookie } = await signUpOwner()
    const { id, url } = await generateLinkViaForm(cookie)
    const past = Date.now() - 60_000
    await backdateLink(id, past)

    const row = rowOf(await page('/connections', cookie), id)
    expect(row).toContain(`This connection link expired on ${formatUtc(past)}. Click Refresh credentials to generate a new link.`)
    expect(row).toContain(`action="/connections/${id}/link"`)
    expect(row).not.toContain('Link expires')
    const linkPage = await page(`/connections/${id}/link`, cookie)
    expect(linkPage).not.toContain(url)
    expect(linkPage).toContain('Refresh credentials')

    const refresh = await post(`/connections/${id}/link`, { expiresInMinutes: '2880' }, cookie)
    expect(location(refresh)).toBe(`/connections/${id}/link?refreshed=1`)
    expect(linkUrlOn(await page(location(refresh), cookie))).not.toBe(url)
    expect(rowOf(await page('/connections', cookie), id)).toContain('Link expires')
  })

  it('shows a rejection with its reason, then deletes the rejected connection', async () => {
    const { cookie } = await signUpOwner()
    const { id, url } = await generateLinkViaForm(cookie, 'Rejected one')
    await post(`${new URL(url).pathname}/reject`, { reason: 'Wrong account, sorry' })
    const row = rowOf(await page('/connections', cookie), id)
    expect(row).toContain('badge-rejected')
    expect(row).toContain('The client rejected this connection request.')
    const details = await page(`/connections/${id}`, cookie)
    expect(details).toContain('Request rejected')
    expect(details).toContain('Wrong account, sorry')

    expect(await page(`/connections/${id}/delete`, cookie)).toContain('Delete “Rejected one”?')
    const deleted = await post(`/connections/${id}/delete`, {}, cookie)
    expect(location(deleted)).toBe('/connections?deleted=1')
    const list = await page('/connections?deleted=1', cookie)
    expect(list).toContain('The connection was deleted.')
    expect(list).not.toContain(`/connections/${id}"`)
    expect((await call(`/connections/${id}`, { cookie })).status).toBe(404)
  })

  it('flags a connection that needs reconnecting, and updating its data directly clears the flag', async () => {
    const { cookie } = await signUpOwner()
    const id = await addDirect(cookie)
    await env.DB.prepare('UPDATE connections SET needs_reconnect = 1 WHERE id = ?').bind(id).run()
    expect(rowOf(await page('/connections', cookie), id)).toContain('badge-needs_reconnect')
    const wrong = await post(`/connections/${id}/credentials`, { apiKey: BAD_KEY }, cookie)
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).not.toContain(BAD_KEY)
    const updated = await post(`/connections/${id}/credentials`, { apiKey: NEW_KEY }, cookie)
    expect(location(updated)).toBe(`/connections/${id}?updated=1`)
    const details = await page(location(updated), cookie)
    expect(details).toContain('Credentials updated')
    expect(details).not.toContain(NEW_KEY)
    expect(rowOf(await page('/connections', cookie), id)).not.toContain('badge-needs_reconnect')
  })
})

describe('dashboard isolation and settings', () => {
  it('gives another owner 404 on every page and action of the first owner’s connection', async () => {
    const first = await signUpOwner('First')
    const { id } = await generateLinkViaForm(first.cookie)
    const other = await signUpOwner('Other')
    for (const path of [`/connections/${id}`, `/connections/${id}/link`, `/connections/${id}/delete`]) {
      expect((await call(path, { cookie: other.cookie })).status, path).toBe(404)
    }
    const posts: [string, Record<string, string>][] = [
      [`/connections/${id}/link`, { expiresInMinutes: '2880' }], [`/connections/${id}/revoke`, {}],
      [`/connections/${id}/credentials`, { apiKey: GOOD_KEY }], [`/connections/${id}/oauth`, {}], [`/connections/${id}/delete`, {}],
    ]
    for (const [path, fields] of posts) expect((await post(path, fields, other.cookie)).status, path).toBe(404)
    expect(await page('/connections', other.cookie)).not.toContain(id)
    expect(rowOf(await page('/connections', first.cookie), id)).toContain('badge-pending')
  })

  it('creates an API token shown once, and keeps dashboard pages out of caches', async () => {
    const { cookie } = await signUpOwner()
    const created = await post('/settings/tokens', { name: 'CI script' }, cookie)
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const token = /value="(tth_[^"]+)"/.exec(await created.text())?.[1]
    expect(token).toBeTruthy()
    const later = await page('/settings', cookie)
    expect(later).toContain('CI script')
    expect(later).not.toContain(token!)
    expect(later).toContain('curl -X POST http://tether.test/api/v1/connections')
    expect((await call('/api/v1/connections', { bearer: token! })).status).toBe(200)
    expect((await post('/settings/tokens', { name: '' }, cookie)).status).toBe(400)
  })
})
