import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { fakeCursor, fakeRequests } from './fake-requests'
import { call, DEMO_KEY, form, getConnection, requestLink, signUpOwner, submitViaLink } from './helpers'
import { connectForManageLink, connectOAuthForManageLink, revoke } from './manage-helpers'
import { mintToken, proxy } from './proxy-helpers'
import { createWorkflow, fakeWordPressSite, postStep, runWorkflow } from './workflow-helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

async function eventsOf(id: string) {
  const { results } = await env.DB.prepare('SELECT type, actor FROM events WHERE connection_id = ? ORDER BY at, id').bind(id).all<{
    type: string
    actor: string
  }>()
  return results
}

/** The revocation at the provider runs after the answer (waitUntil): wait for its event, or give up. */
async function providerOutcome(id: string): Promise<string | null> {
  for (let attempt = 0; attempt < 80; attempt++) {
    const found = (await eventsOf(id)).find((event) => event.type.startsWith('provider_revoke'))
    if (found) return found.type
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return null
}

async function addEndpoint(owner: Owner): Promise<string> {
  const url = `${env.FAKES_URL}/webhook-receiver/fail-0/${crypto.randomUUID()}`
  const response = await call('/api/v1/webhook-endpoints', { method: 'POST', cookie: owner.cookie, json: { url } })
  expect(response.status).toBe(201)
  return (await response.json<{ endpoint: { id: string } }>()).endpoint.id
}

async function deliveredTypes(owner: Owner, endpointId: string): Promise<string[]> {
  const response = await call(`/api/v1/webhook-endpoints/${endpointId}/deliveries`, { cookie: owner.cookie })
  return (await response.json<{ deliveries: { eventType: string }[] }>()).deliveries.map((delivery) => delivery.eventType)
}

const credentialsBlobOf = async (id: string) =>
  (await env.DB.prepare('SELECT credentials_blob AS blob FROM connections WHERE id = ?').bind(id).first<{ blob: string | null }>())?.blob

describe('Revoke access from the management page', () => {
  it('deletes the credentials, revokes at the provider once, marks the connection and tells the owner every way', async () => {
    const owner = await signUpOwner()
    const endpointId = await addEndpoint(owner)
    const link = await requestLink(owner, 'google-docs')
    const token = await connectOAuthForManageLink(link)
    expect(await credentialsBlobOf(link.connectionId)).toBeTruthy()

    const confirm = await call(`/manage/${token}/revoke`)
    expect(confirm.status).toBe(200)
    expect(await confirm.text()).toContain(`action="/manage/${token}/revoke"`)

    const since = await fakeCursor()
    const revoked = await revoke(token)
    expect(revoked.status).toBe(303)
    expect(revoked.headers.get('location')).toBe(`/manage/${token}`)
    expect(await providerOutcome(link.connectionId)).toBe('provider_revoked')
    expect((await fakeRequests(since)).requests.filter((request) => request.path === '/google/revoke')).toHaveLength(1)

    expect(await credentialsBlobOf(link.connectionId)).toBeNull()
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'revoked', badge: 'revoked_by_client' })
    expect(await eventsOf(link.connectionId)).toContainEqual({ type: 'client_revoked', actor: 'client' })
    expect(await deliveredTypes(owner, endpointId)).toContain('connection.revoked')
    const inbox = await call('/api/v1/notifications', { cookie: owner.cookie }).then((r) => r.json<{ notifications: { type: string }[] }>())
    expect(inbox.notifications.map((n) => n.type)).toContain('connection.revoked')

    // A reload of the page says the access is revoked, and offers nothing more.
    const page = await (await call(`/manage/${token}`)).text()
    expect(page).toContain('Access revoked')
    expect(page).not.toContain('/revoke"')
    expect((await call(`/manage/${token}/revoke`)).headers.get('location')).toBe(`/manage/${token}`)
  })

  it('makes the proxy answer 409 connection_revoked and the next workflow step fail at once with that reason', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const link = await requestLink(owner, 'wordpress', { name: 'Client WordPress' })
    const { token } = await connectForManageLink(link, { siteUrl: site, username: 'wendy', applicationPassword: 'good-manage-password' })
    const workflow = await createWorkflow(owner, [postStep(link.connectionId)])
    const apiToken = await mintToken(owner)
    expect((await revoke(token)).status).toBe(303)

    const proxied = await proxy(apiToken, link.connectionId, '/wp/v2/posts')
    expect(proxied.status).toBe(409)
    expect(await proxied.json()).toMatchObject({ error: { code: 'connection_revoked' } })

    const since = await fakeCursor()
    const run = await runWorkflow(owner, workflow)
    expect(run.status).toBe('failed')
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 1 })
    expect(run.steps[0]!.error).toContain('was revoked by the client')
    expect((await fakeRequests(since)).requests.filter((request) => request.path.startsWith(new URL(site).pathname))).toEqual([])
  })

  it('is idempotent, and of concurrent revokes exactly one does the work', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'slack')
    const token = await connectOAuthForManageLink(link)
    const since = await fakeCursor()
    const answers = await Promise.all(Array.from({ length: 6 }, () => revoke(token)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(303))
    expect(await providerOutcome(link.connectionId)).toBe('provider_revoked')
    expect((await revoke(token)).status).toBe(303)
    const events = await eventsOf(link.connectionId)
    expect(events.filter((event) => event.type === 'client_revoked')).toHaveLength(1)
    expect(events.filter((event) => event.type.startsWith('provider_revoke'))).toHaveLength(1)
    expect((await fakeRequests(since)).requests.filter((request) => request.path === '/slack/api/auth.revoke')).toHaveLength(1)
  })

  it('leaves the owner a way back: a new link reconnects the revoked connection, with a new management link', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const first = await connectForManageLink(link)
    expect((await revoke(first.token)).status).toBe(303)

    const reissued = await call(`/api/v1/connections/${link.connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    expect(reissued.status).toBe(201)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'pending', badge: 'pending' })
    const url = new URL((await reissued.json<{ link: { url: string } }>()).link.url)
    const second = await connectForManageLink({ path: url.pathname })
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active', badge: 'via_link' })
    expect(second.token).not.toBe(first.token)
    expect(await (await call(`/manage/${first.token}`)).text()).toContain('Access revoked')
    expect(await (await call(`/manage/${second.token}`)).text()).toContain('Revoke access')
  })

  it('ends when the owner puts credentials of their own in place: the client can no longer delete them', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const { token } = await connectForManageLink(link)
    const replaced = await call(`/api/v1/connections/${link.connectionId}/credentials`, {
      method: 'PUT',
      cookie: owner.cookie,
      json: { credentials: { apiKey: DEMO_KEY } },
    })
    expect(replaced.status, await replaced.clone().text()).toBe(200)
    expect((await call(`/manage/${token}`)).status).toBe(404)
    await revoke(token)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active' })
    const row = await env.DB.prepare('SELECT credentials_blob AS blob FROM connections WHERE id = ?').bind(link.connectionId).first()
    expect(row?.blob).not.toBeNull()
  })

  it('an unknown token posts to nothing and changes nothing', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    await submitViaLink(link, { apiKey: DEMO_KEY })
    const answer = await call(`/manage/${'B'.repeat(32)}/revoke`, form({}))
    expect(answer.status).toBe(303)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active' })
  })
})
