import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { CHECK_LEASE_MS } from '../src/domain/health'
import { requestsSince } from './app-calls'
import { linkUrlOn, location, page, post, rowOf } from './dashboard-helpers'
import { fakeCursor } from './fake-requests'
import { connectionOf, storeAsIs } from './health-helpers'
import { call, requestLink, signUpOwner, submitViaLink } from './helpers'
import { createWorkflow, fakeWordPressSite, postStep, wordpressViaLink } from './workflow-helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

const check = (owner: Owner, id: string) => call(`/api/v1/connections/${id}/check`, { method: 'POST', cookie: owner.cookie })

/** A WordPress connection made by the client through a link, on a fake site of its own. */
async function clientWordPress(owner: Owner) {
  const site = fakeWordPressSite()
  const id = await wordpressViaLink(owner, site, `good-app-password-${crypto.randomUUID()}`)
  return { id, site }
}

describe('POST /api/v1/connections/:id/check', () => {
  it('verifies with the app now: accepted → ok; refused → needs_reconnect with Tether’s sentence, never the app’s answer', async () => {
    const owner = await signUpOwner()
    const { id, site } = await clientWordPress(owner)
    const cursor = await fakeCursor()
    const accepted = await check(owner, id)
    expect(accepted.status).toBe(200)
    const ok = (await accepted.json<{ connection: { health: string; lastCheckedAt: string | null } }>()).connection
    expect(ok).toMatchObject({ health: 'ok', lastError: null, badge: 'via_link' })
    expect(Date.parse(ok.lastCheckedAt!)).toBeGreaterThan(Date.now() - 60_000)
    const sitePath = new URL(site).pathname
    expect(await requestsSince(cursor, (request) => request.path === `${sitePath}/wp-json/wp/v2/users/me`)).toHaveLength(1)

    // The client revoked the application password in WordPress.
    await storeAsIs(id, { siteUrl: site, username: 'wendy', applicationPassword: 'revoked-app-password' })
    const refused = await check(owner, id)
    expect(refused.status).toBe(200)
    const text = await refused.text()
    expect(text).not.toContain('invalid application password')
    expect(text).not.toContain('revoked-app-password')
    expect(JSON.parse(text).connection).toMatchObject({
      health: 'needs_reconnect',
      badge: 'needs_reconnect',
      needsReconnect: true,
      lastError: 'WordPress did not accept these credentials.',
    })

    // Fixed at the app again: "Check now" brings it back without a reconnect.
    await storeAsIs(id, { siteUrl: site, username: 'wendy', applicationPassword: 'good-again-password' })
    expect((await (await check(owner, id)).json<{ connection: unknown }>()).connection).toMatchObject({ health: 'ok', badge: 'via_link' })
  })

  it('a timeout is recorded as unknown, never needs_reconnect', async () => {
    const owner = await signUpOwner()
    const { id, site } = await clientWordPress(owner)
    await storeAsIs(id, { siteUrl: site, username: 'wendy', applicationPassword: 'hang-app-password' })
    const answered = await check(owner, id)
    expect(answered.status).toBe(200)
    expect((await answered.json<{ connection: unknown }>()).connection).toMatchObject({
      health: 'unknown',
      needsReconnect: false,
      badge: 'via_link',
      lastError: 'WordPress did not answer in time.',
    })
  })

  it('refuses a pending connection, another owner’s, a second check while one runs, and a read-only token', async () => {
    const owner = await signUpOwner()
    const pending = await requestLink(owner, 'wordpress', { name: 'Not yet' })
    const notReady = await check(owner, pending.connectionId)
    expect([notReady.status, (await notReady.json<{ error: { code: string } }>()).error.code]).toEqual([422, 'connection_not_ready'])
    const { id } = await clientWordPress(owner)
    expect((await check(await signUpOwner(), id)).status).toBe(404)

    await env.DB.prepare('UPDATE connections SET check_claimed_until = ? WHERE id = ?')
      .bind(Date.now() + CHECK_LEASE_MS, id)
      .run()
    const busy = await check(owner, id)
    expect([busy.status, (await busy.json<{ error: { code: string } }>()).error.code]).toEqual([409, 'conflict'])
    await env.DB.prepare('UPDATE connections SET check_claimed_until = NULL WHERE id = ?').bind(id).run()

    const token = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'read', scope: 'read' } })
    const { token: bearer } = await token.json<{ token: string }>()
    expect((await call(`/api/v1/connections/${id}/check`, { method: 'POST', bearer })).status).toBe(403)
  })
})

describe('reconnecting in place', () => {
  it('a key regenerated at the app → Needs reconnect → the reconnect link takes the new key → healthy Via Link, same account', async () => {
    const owner = await signUpOwner()
    const oldKey = `demo_health_${crypto.randomUUID().slice(0, 8)}`
    const link = await requestLink(owner)
    expect((await submitViaLink(link, { apiKey: oldKey })).status).toBe(200)
    const id = link.connectionId
    const account = (await connectionOf(owner, id)).accountLabel

    const regenerated = await call('/demo/tasks/keys/regenerate', { method: 'POST', bearer: oldKey })
    expect(regenerated.status).toBe(200)
    const { apiKey: newKey } = await regenerated.json<{ apiKey: string }>()
    expect((await (await check(owner, id)).json<{ connection: unknown }>()).connection).toMatchObject({
      health: 'needs_reconnect',
      lastError: 'Demo Tasks did not accept these credentials.',
    })

    const issued = await call(`/api/v1/connections/${id}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    const { url } = (await issued.json<{ link: { url: string } }>()).link
    // The old credentials stay until the new ones are verified: nothing is cut before the client acts.
    expect(await connectionOf(owner, id)).toMatchObject({ status: 'active', badge: 'needs_reconnect' })
    expect((await submitViaLink({ path: new URL(url).pathname }, { apiKey: newKey })).status).toBe(200)
    expect(await connectionOf(owner, id)).toMatchObject({
      status: 'active',
      badge: 'via_link',
      health: 'ok',
      needsReconnect: false,
      lastError: null,
      accountLabel: account,
    })
  })
})

describe('Needs reconnect on the dashboard', () => {
  it('shows the red badge, “Check now”, and “Send reconnect link”, which hands out a refresh link for the same connection', async () => {
    const owner = await signUpOwner()
    const { id, site } = await clientWordPress(owner)
    const healthy = rowOf(await page('/connections', owner.cookie), id)
    expect(healthy).toContain('>Check now<')
    expect(healthy).not.toContain('Send reconnect link')

    await storeAsIs(id, { siteUrl: site, username: 'wendy', applicationPassword: 'revoked-app-password' })
    const checked = await post(`/connections/${id}/check`, {}, owner.cookie)
    expect([checked.status, location(checked)]).toEqual([303, `/connections/${id}?checked=1`])
    const details = await page(location(checked), owner.cookie)
    expect(details).toContain('WordPress did not accept these credentials. Send the client a reconnect link.')
    expect(details).toContain('badge-needs_reconnect')

    const row = rowOf(await page('/connections', owner.cookie), id)
    expect(row).toContain('badge-needs_reconnect')
    expect(row).toContain('Refused by the app')
    expect(row).toContain('Send reconnect link')
    const filtered = await page('/connections?badge=needs_reconnect', owner.cookie)
    expect(filtered).toContain(`/connections/${id}"`)

    // Choose a Connection shows the same badge.
    const workflow = await createWorkflow(owner, [postStep(id)])
    const steps = await page(`/workflows/${workflow.id}/steps/new/wordpress`, owner.cookie)
    expect(steps).toMatch(new RegExp(`for="step-connection-${id}">.*?badge-needs_reconnect`, 's'))

    const sent = await post(`/connections/${id}/link`, { expiresInMinutes: '2880' }, owner.cookie)
    expect([sent.status, location(sent)]).toEqual([303, `/connections/${id}/link?refreshed=1`])
    const linkPage = await page(location(sent), owner.cookie)
    expect(linkPage).toContain('The app refuses the current credentials')
    expect(linkPage).not.toContain('The current credentials keep working')
    const url = linkUrlOn(linkPage)
    expect(url).toContain('/connect/')
    const connection = await connectionOf(owner, id)
    // Still refused until the client reconnects: the badge says so, the status line says the link is out.
    expect(connection).toMatchObject({ badge: 'needs_reconnect', link: { purpose: 'refresh', status: 'pending' } })
    expect(rowOf(await page('/connections', owner.cookie), id)).toContain('Reconnect link expires')
  })
})
