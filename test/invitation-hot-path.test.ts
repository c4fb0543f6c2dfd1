import { describe, expect, it } from 'vitest'
import { INVALID_LINK_MESSAGE } from '../src/domain/links'
import { withEnv } from './hardening/with-env'
import { brandedOwner, call, requestLink, signUpOwner } from './helpers'

/** A binding that notes and fails any use, even one whose error the app swallows after the response. */
function untouchable<T>(): { binding: T; used: () => boolean } {
  let used = false
  const binding = new Proxy(
    {},
    {
      get: () => {
        used = true
        throw new Error('binding used')
      },
    },
  ) as T
  return { binding, used: () => used }
}

describe('the invitation page (the hot read path)', () => {
  it('records "opened" once per isolate, however often the page is served', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const worker = withEnv({})
    for (let i = 0; i < 4; i++) expect((await worker.call(link.path)).status).toBe(200)
    const { events } = await (await call(`/api/v1/connections/${link.connectionId}/events`, { cookie: owner.cookie })).json<{
      events: { type: string }[]
    }>()
    expect(events.filter((event) => event.type === 'opened')).toHaveLength(1)
  })

  it('needs no D1 and no encryption key once the link was opened here', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    expect((await withEnv({}).call(link.path)).status).toBe(200)
    const db = untouchable<D1Database>()
    const kvOnly = withEnv({ DB: db.binding, ENCRYPTION_KEYS: undefined })
    const page = await kvOnly.call(link.path)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Accept &amp; Connect')
    const invalid = await kvOnly.call('/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect(invalid.status).toBe(410)
    expect(await invalid.text()).toContain(INVALID_LINK_MESSAGE)
    expect(db.used()).toBe(false)
  })

  it('needs no D1 for a branded link either: the brand rides in the snapshot', async () => {
    const owner = await brandedOwner({ displayName: 'Northwind', accent: '#1a56db' })
    const link = await requestLink(owner)
    expect((await withEnv({}).call(link.path)).status).toBe(200)
    const db = untouchable<D1Database>()
    const page = await withEnv({ DB: db.binding, ENCRYPTION_KEYS: undefined }).call(link.path)
    const html = await page.text()
    expect(html).toContain('Northwind</span>')
    expect(html).toContain('/brand/accent/1a56db.css')
    expect(db.used()).toBe(false)
  })
})
