import { describe, expect, it } from 'vitest'
import { call, requestLink, signUpOwner } from './helpers'

describe('workspace isolation', () => {
  it("a second owner gets 404 on every connection route of the first, and changes nothing", async () => {
    const a = await signUpOwner('Alice')
    const b = await signUpOwner('Bob')
    const link = await requestLink(a)
    const id = link.connectionId
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/v1/connections/${id}`],
      ['DELETE', `/api/v1/connections/${id}`],
      ['PUT', `/api/v1/connections/${id}/credentials`, { credentials: { apiKey: 'demo_correct_key_123' } }],
      ['GET', `/api/v1/connections/${id}/link`],
      ['POST', `/api/v1/connections/${id}/link`, {}],
      ['DELETE', `/api/v1/connections/${id}/link`],
      ['GET', `/api/v1/connections/${id}/events`],
    ]
    for (const [method, path, json] of routes) {
      const response = await call(path, { method, cookie: b.cookie, json })
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 })
    }
    const listed = await (await call('/api/v1/connections', { cookie: b.cookie })).json<{ connections: unknown[] }>()
    expect(listed.connections).toEqual([])
    const mine = await (await call(`/api/v1/connections/${id}/link`, { cookie: a.cookie })).json<{ link: { url: string; status: string } }>()
    expect(mine.link).toMatchObject({ url: link.url, status: 'pending' })
  })

  it('refuses anonymous and bad-token API calls with 401', async () => {
    expect((await call('/api/v1/connections')).status).toBe(401)
    const bad = await call('/api/v1/connections', { bearer: 'tth_nope' })
    expect(bad.status).toBe(401)
    expect(await bad.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } })
  })
})
