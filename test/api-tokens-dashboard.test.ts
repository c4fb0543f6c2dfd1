import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { location, post } from './dashboard-helpers'
import { call, cookiesAfter, signUpOwner } from './helpers'

const shownToken = (html: string) => /value="(tth_[^"]+)"/.exec(html)?.[1]
const revealCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('tether_new_token='))
const tokenCount = (userId: string) =>
  env.DB.prepare('SELECT count(*) AS n FROM api_tokens WHERE user_id = ?').bind(userId).first<number>('n')

describe('Settings: creating a token survives reload', () => {
  it('posts, redirects, shows the token once with no-store; a reload shows it no more and creates nothing', async () => {
    const owner = await signUpOwner()
    const created = await post('/settings/tokens', { name: 'CI script', scope: 'read', expiresInDays: '30' }, owner.cookie)
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe('/settings')
    const setCookie = revealCookie(created)!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/Path=\/settings(;|$)/)
    expect(setCookie).toMatch(/Max-Age=300/)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    const cookie = `${owner.cookie}; ${setCookie.split(';')[0]}`
    expect((await call('/settings', { method: 'HEAD', cookie })).status).toBe(200)

    const shown = await call('/settings', { cookie })
    expect(shown.status).toBe(200)
    expect(shown.headers.get('cache-control')).toBe('no-store')
    // The same response forgets the cookie.
    expect(revealCookie(shown)).toMatch(/Max-Age=0/)
    const html = await shown.text()
    const token = shownToken(html)
    expect(token).toMatch(/^tth_/)
    expect(setCookie).not.toContain(token!)
    expect(created.headers.get('location')).not.toContain(token!)
    expect(html).toContain('CI script')
    expect(html).toContain('Read only')

    // A reload (even one that replays the cookie) neither shows the token nor creates another.
    for (const reload of [owner.cookie, cookie]) {
      const again = await call('/settings', { cookie: reload })
      expect(again.status).toBe(200)
      expect(await again.text()).not.toContain(token!)
    }
    expect(await tokenCount(owner.userId)).toBe(1)
    console.log('[figure] settings: create → 303, token shown once (no-store), 0 times on 2 reloads, 1 token in D1')
    expect((await call('/api/v1/connections', { bearer: token! })).status).toBe(200)
    expect((await call('/api/v1/connections', { method: 'POST', bearer: token!, json: {} })).status).toBe(403)
  })

  it('another owner replaying the cookie sees nothing and does not use up the one showing', async () => {
    const owner = await signUpOwner()
    const other = await signUpOwner('Other')
    const created = await post('/settings/tokens', { name: 'Mine', scope: 'write', expiresInDays: '90' }, owner.cookie)
    const reveal = revealCookie(created)!.split(';')[0]!
    expect(shownToken(await (await call('/settings', { cookie: `${other.cookie}; ${reveal}` })).text())).toBeUndefined()
    expect(shownToken(await (await call('/settings', { cookie: `${owner.cookie}; ${reveal}` })).text())).toMatch(/^tth_/)
  })

  it('an unreadable cookie or one past its five minutes shows nothing', async () => {
    const owner = await signUpOwner()
    for (const value of ['garbage', 'a.b.c', '..']) {
      const response = await call('/settings', { cookie: `${owner.cookie}; tether_new_token=${value}` })
      expect(response.status).toBe(200)
      expect(shownToken(await response.text())).toBeUndefined()
    }
    const created = await post('/settings/tokens', { name: 'Late', scope: 'write', expiresInDays: '90' }, owner.cookie)
    await env.DB.prepare('UPDATE api_tokens SET reveal_until = ? WHERE user_id = ?')
      .bind(Date.now() - 1, owner.userId)
      .run()
    const late = await call('/settings', { cookie: `${owner.cookie}; ${revealCookie(created)!.split(';')[0]}` })
    expect(shownToken(await late.text())).toBeUndefined()
  })

  it('refuses bad form input with the form again, and creates nothing', async () => {
    const owner = await signUpOwner()
    for (const fields of [
      { name: '', scope: 'write', expiresInDays: '90' },
      { name: 'x', scope: 'admin', expiresInDays: '90' },
      { name: 'x', scope: 'read', expiresInDays: '0' },
      { name: 'x', scope: 'read', expiresInDays: '366' },
    ]) {
      const response = await post('/settings/tokens', fields, owner.cookie)
      expect(revealCookie(response)).toBeUndefined()
      const shown = await call(location(response), { cookie: cookiesAfter(response, owner.cookie) })
      expect({ fields, status: shown.status }).toEqual({ fields, status: 400 })
    }
    expect(await tokenCount(owner.userId)).toBe(0)
  })
})
