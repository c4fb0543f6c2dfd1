import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { formatTime } from '../src/domain/format-time'
import { backdateLink, call, followRedirect, signUpOwner } from './helpers'
import {
  GOOD_KEY,
  NEW_KEY,
  BAD_KEY,
  post,
  page,
  location,
  addDirect,
  generateLinkViaForm,
  linkUrlOn,
  rowOf,
  submit,
} from './dashboard-helpers'

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

    const submitted = await followRedirect(await post(new URL(url).pathname, { apiKey: GOOD_KEY }))
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

  it('tells the owner when a link expired: Expired in the table, the reason and Refresh credentials on the detail page', async () => {
    const { cookie } = await signUpOwner()
    const { id, url } = await generateLinkViaForm(cookie)
    const past = Date.now() - 60_000
    await backdateLink(id, past)

    const row = rowOf(await page('/connections', cookie), id)
    expect(row).toContain('badge-expired')
    expect(row).toContain('Link expired')
    expect(row).not.toContain('Link expires')
    expect(row).not.toContain('Click Refresh credentials')
    expect(row).toContain(`href="/connections/${id}/link"`)
    const details = await page(`/connections/${id}`, cookie)
    expect(details).toContain(
      `This connection link expired on ${formatTime(past, 'UTC')}. Click Refresh credentials to generate a new link.`,
    )
    expect(details).toContain(`action="/connections/${id}/link"`)
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
    expect(row).toContain('Declined, with a reason')
    const details = await page(`/connections/${id}`, cookie)
    expect(details).toContain('The client rejected this connection request.')
    expect(details).toContain('Reason: “Wrong account, sorry”')
    expect(details).toContain('Request rejected')

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
    const wrong = await submit(`/connections/${id}/credentials`, { apiKey: BAD_KEY }, cookie)
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).not.toContain(BAD_KEY)
    // In Demo Tasks another key is another workspace, so the owner allows the change.
    const updated = await post(`/connections/${id}/credentials`, { apiKey: NEW_KEY, allowAccountChange: '1' }, cookie)
    expect(location(updated)).toBe(`/connections/${id}?updated=1`)
    const details = await page(location(updated), cookie)
    expect(details).toContain('Connection updated successfully')
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
      [`/connections/${id}/link`, { expiresInMinutes: '2880' }],
      [`/connections/${id}/revoke`, {}],
      [`/connections/${id}/credentials`, { apiKey: GOOD_KEY }],
      [`/connections/${id}/oauth`, {}],
      [`/connections/${id}/delete`, {}],
    ]
    for (const [path, fields] of posts) expect((await post(path, fields, other.cookie)).status, path).toBe(404)
    expect(await page('/connections', other.cookie)).not.toContain(id)
    expect(rowOf(await page('/connections', first.cookie), id)).toContain('badge-pending')
  })

  it('creates an API token shown once, and keeps dashboard pages out of caches', async () => {
    const { cookie } = await signUpOwner()
    const created = await post('/settings/tokens', { name: 'CI script' }, cookie)
    // Post, then redirect: the token is shown by the page it leads to, once (test/api-tokens-dashboard.test.ts).
    expect(created.status).toBe(303)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const reveal = created.headers
      .getSetCookie()
      .find((c) => c.startsWith('tether_new_token='))!
      .split(';')[0]
    const shown = await call('/settings', { cookie: `${cookie}; ${reveal}` })
    expect(shown.headers.get('cache-control')).toBe('no-store')
    const token = /value="(tth_[^"]+)"/.exec(await shown.text())?.[1]
    expect(token).toBeTruthy()
    const later = await page('/settings', cookie)
    expect(later).toContain('CI script')
    expect(later).not.toContain(token!)
    expect(later).toContain('curl -X POST http://tether.test/api/v1/connections')
    expect((await call('/api/v1/connections', { bearer: token! })).status).toBe(200)
    expect((await submit('/settings/tokens', { name: '' }, cookie)).status).toBe(400)
  })
})
