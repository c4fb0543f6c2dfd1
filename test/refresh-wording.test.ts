import { describe, expect, it } from 'vitest'
import { call, DEMO_KEY, requestLink, signUpOwner, submitViaLink } from './helpers'
import { location, page, post } from './dashboard-helpers'

async function refreshLink(cookie: string, id: string): Promise<string> {
  // The rotated key is another Demo Tasks workspace: the owner allows the change of account.
  const response = await call(`/api/v1/connections/${id}/link`, { method: 'POST', cookie, json: { allowAccountChange: true } })
  expect(response.status).toBe(201)
  return new URL((await response.json<{ link: { url: string } }>()).link.url).pathname
}

/** The owner signs in to Demo Docs from `start` (a POST answered with the provider redirect); returns the callback's answer. */
async function ownerSignIn(start: Response, cookie: string): Promise<Response> {
  expect(start.status).toBe(302)
  const stateCookie = start.headers.getSetCookie().find((value) => value.startsWith('tether_oauth_state='))!
  const authorize = new URL(location(start))
  const consent = await post('/demo/oauth/decision', {
    ...Object.fromEntries(authorize.searchParams),
    decision: 'allow',
    email: 'ada.lovelace@example.com',
  })
  return call(location(consent), { cookie: `${cookie}; ${stateCookie.split(';')[0]}` })
}

describe('a refresh says "updated"', () => {
  it('tells the client who refreshed through a link that the connection was updated, not created', async () => {
    const owner = await signUpOwner()
    const first = await requestLink(owner)
    const created = await (await submitViaLink(first, { apiKey: DEMO_KEY })).text()
    expect(created).toContain('Connection created successfully')

    const refreshed = await submitViaLink({ path: await refreshLink(owner.cookie, first.connectionId) }, { apiKey: 'demo_rotated_key_42' })
    expect(refreshed.status).toBe(200)
    const html = await refreshed.text()
    expect(html).toContain('<h1 id="done-title">Connection updated successfully</h1>')
    expect(html).toContain('<title>Connection updated · Tether</title>')
    expect(html).not.toContain('created')
  })

  it("tells the owner who signed in again that the connection was updated, on the connection's page", async () => {
    const { cookie } = await signUpOwner()
    const created = await ownerSignIn(await post('/connections/new/demo-docs/oauth', { connectionName: 'My docs' }, cookie), cookie)
    expect(location(created)).toMatch(/^\/connections\?connected=/)
    const id = new URL(location(created), 'http://tether.test').searchParams.get('connected')!

    const updated = await ownerSignIn(await post(`/connections/${id}/oauth`, {}, cookie), cookie)
    expect(updated.status).toBe(303)
    expect(location(updated)).toBe(`/connections/${id}?updated=1`)
    const details = await page(location(updated), cookie)
    expect(details).toContain('Connection updated successfully')
    expect(details).not.toContain('is connected.')
  })
})
