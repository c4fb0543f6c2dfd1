import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { post, submit } from './dashboard-helpers'
import { call, requestLink, signUpOwner } from './helpers'

const shownSecret = (html: string) => /value="(whsec_[^"]+)"/.exec(html)?.[1]
const revealCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('tether_new_webhook_secret='))
const receiver = () => `${env.FAKES_URL}/webhook-receiver/fail-0/${crypto.randomUUID()}`

describe('Settings → Webhooks', () => {
  it('adds an endpoint: post, redirect, the secret shown once; a reload, even replaying the cookie, shows it no more', async () => {
    const owner = await signUpOwner()
    const url = receiver()
    const created = await post('/settings/webhooks', { url, 'event.link.created': 'on' }, owner.cookie)
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe('/settings/webhooks')
    const setCookie = revealCookie(created)!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/Path=\/settings\/webhooks(;|$)/)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    const cookie = `${owner.cookie}; ${setCookie.split(';')[0]}`

    const shown = await call('/settings/webhooks', { cookie })
    expect(shown.status).toBe(200)
    expect(shown.headers.get('cache-control')).toBe('no-store')
    expect(revealCookie(shown)).toMatch(/Max-Age=0/)
    const html = await shown.text()
    const secret = shownSecret(html)
    expect(secret).toMatch(/^whsec_/)
    expect(setCookie).not.toContain(secret!)
    expect(html).toContain(url)
    for (const reload of [owner.cookie, cookie])
      expect(shownSecret(await (await call('/settings/webhooks', { cookie: reload })).text())).toBeUndefined()

    const listed = await call('/api/v1/webhook-endpoints', { cookie: owner.cookie })
    const { endpoints } = await listed.json<{ endpoints: { id: string; events: string[] }[] }>()
    expect(endpoints.map((endpoint) => endpoint.events)).toEqual([['link.created']])
  })

  it('refuses a private address with the policy’s message, and adds nothing', async () => {
    const owner = await signUpOwner()
    const refused = await submit('/settings/webhooks', { url: 'https://192.168.0.10/hook' }, owner.cookie)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('private network')
    const listed = await call('/api/v1/webhook-endpoints', { cookie: owner.cookie })
    expect((await listed.json<{ endpoints: unknown[] }>()).endpoints).toEqual([])
  })

  it('lists each delivery with its status and a Resend that queues it again', async () => {
    const owner = await signUpOwner()
    const created = await call('/api/v1/webhook-endpoints', { method: 'POST', cookie: owner.cookie, json: { url: receiver() } })
    const { endpoint } = await created.json<{ endpoint: { id: string } }>()
    await requestLink(owner)
    const html = await (await call('/settings/webhooks', { cookie: owner.cookie })).text()
    expect(html).toContain('<td data-label="Event"><code>link.created</code>')
    expect(html).toContain('Retrying')
    const action = /action="(\/settings\/webhooks\/[^"]+\/resend)"/.exec(html)?.[1]
    expect(action).toContain(encodeURIComponent(endpoint.id))
    expect((await post(action!, {}, owner.cookie)).status).toBe(303)
    const stranger = await signUpOwner('Sam Stranger')
    expect((await post(action!, {}, stranger.cookie)).status).toBe(404)
    expect((await post(`/settings/webhooks/${endpoint.id}/delete`, {}, stranger.cookie)).status).toBe(404)
    expect((await post(`/settings/webhooks/${endpoint.id}/delete`, {}, owner.cookie)).status).toBe(303)
    expect(await (await call('/settings/webhooks', { cookie: owner.cookie })).text()).not.toContain('/resend"')
  })
})
