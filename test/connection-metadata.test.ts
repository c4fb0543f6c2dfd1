import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { loadKeyring, open, sealContext } from '../src/domain/crypto'
import { ATLASSIAN_CLIENT, CLOUD_IDS, SHOPIFY_CLIENT, TENANT_IDS, XERO_CLIENT } from './fakes/metadata-values'
import { location, page, post } from './dashboard-helpers'
import { call, cookiesAfter, form, requestLink, signUpOwner } from './helpers'

/** The owner brings their own OAuth app for the provider (the test bindings configure only Google and Slack). */
async function ownerWithApp(provider: 'xero' | 'atlassian', client: { id: string; secret: string }) {
  const owner = await signUpOwner()
  const saved = await call(`/api/v1/oauth-apps/${provider}`, {
    method: 'PUT',
    cookie: owner.cookie,
    json: { clientId: client.id, clientSecret: client.secret },
  })
  expect(saved.status).toBe(200)
  return owner
}

/** Accept, then come back from the provider with `code`: the callback's answer and the browser's cookies. */
async function signInThroughLink(path: string, code: string) {
  const accepted = await call(`${path}/accept`, form({}))
  expect(accepted.status).toBe(302)
  const state = new URL(accepted.headers.get('location')!).searchParams.get('state')!
  const cookie = cookiesAfter(accepted)
  const back = await call(`/connect/oauth/callback?state=${encodeURIComponent(state)}&code=${code}`, { cookie })
  return { back, cookie: cookiesAfter(back, cookie) }
}

async function connectionOf(owner: { cookie: string }, id: string) {
  const response = await call(`/api/v1/connections/${id}`, { cookie: owner.cookie })
  return (await response.json<{ connection: { status: string; accountLabel: string; metadata: Record<string, string> } }>()).connection
}

describe('connection metadata through the worker', () => {
  it('Jira: one site is taken at once; its cloud id is on the row in the clear, in the API and on the dashboard', async () => {
    const owner = await ownerWithApp('atlassian', ATLASSIAN_CLIENT)
    const link = await requestLink(owner, 'jira-cloud')
    const { back } = await signInThroughLink(link.path, 'code-good-one-site')
    expect(back.status).toBe(303)
    expect(back.headers.get('location')).toBe('/connect/done')

    const connection = await connectionOf(owner, link.connectionId)
    expect(connection).toMatchObject({ status: 'active', accountLabel: 'mia@example.com', metadata: { cloudId: CLOUD_IDS[0] } })
    const row = await env.DB.prepare('SELECT metadata, credentials_blob, credentials_key_version FROM connections WHERE id = ?')
      .bind(link.connectionId)
      .first<{ metadata: string; credentials_blob: string; credentials_key_version: string }>()
    expect(JSON.parse(String(row?.metadata))).toEqual({ cloudId: CLOUD_IDS[0] })
    const keyring = await loadKeyring(env.ENCRYPTION_KEYS)
    const sealed = await open(
      keyring,
      { keyVersion: row!.credentials_key_version, blob: row!.credentials_blob },
      sealContext.credentials(link.connectionId),
    )
    expect(Object.keys(JSON.parse(sealed)).sort()).toEqual(['accessToken', 'expiresAt', 'refreshToken', 'scope'])
    const page = await (await call(`/connections/${link.connectionId}`, { cookie: owner.cookie })).text()
    expect(page).toContain('<dt>Jira site</dt>')
    expect(page).toContain(`<dd>${CLOUD_IDS[0]}</dd>`)
  })

  it('Xero: with two organisations the client picks one, in the link’s language, before the connection completes', async () => {
    const owner = await ownerWithApp('xero', XERO_CLIENT)
    const link = await requestLink(owner, 'xero', { locale: 'fr' })
    const { back, cookie } = await signInThroughLink(link.path, 'code-good-two-orgs')
    expect(back.status).toBe(303)
    expect(back.headers.get('location')).toBe('/connect/oauth/choose')
    expect((await connectionOf(owner, link.connectionId)).status).toBe('pending')

    const choosing = await call('/connect/oauth/choose', { cookie })
    expect(choosing.status).toBe(200)
    const page = await choosing.text()
    expect(page).toContain('Choisissez le compte à connecter')
    expect(page).toContain('Maple Florists Ltd')
    expect(page).toContain('Demo Company (NZ)')

    const chosen = await call('/connect/oauth/choose', { ...form({ choice: TENANT_IDS[1]! }), cookie })
    expect(chosen.status).toBe(303)
    expect(chosen.headers.get('location')).toBe('/connect/done')
    const connection = await connectionOf(owner, link.connectionId)
    expect(connection).toMatchObject({ status: 'active', accountLabel: 'Demo Company (NZ)', metadata: { tenantId: TENANT_IDS[1] } })

    // The parked sign-in was single use.
    const replay = await call('/connect/oauth/choose', { ...form({ choice: TENANT_IDS[0]! }), cookie })
    expect(replay.status).toBe(403)
    expect((await connectionOf(owner, link.connectionId)).metadata).toEqual({ tenantId: TENANT_IDS[1] })
  })

  it('Xero: a choice that was not offered, or another browser, completes nothing', async () => {
    const owner = await ownerWithApp('xero', XERO_CLIENT)
    const link = await requestLink(owner, 'xero')
    const { cookie } = await signInThroughLink(link.path, 'code-good-two-orgs')
    const forged = await call('/connect/oauth/choose', { ...form({ choice: 'ffffffff-0000-0000-0000-000000000000' }), cookie })
    expect(forged.status).toBe(303)
    expect(forged.headers.get('location')).toBe('/connect/oauth/choose')
    expect((await call('/connect/oauth/choose', form({ choice: TENANT_IDS[0]! }))).status).toBe(403)
    expect((await call('/connect/oauth/choose')).status).toBe(403)
    expect((await connectionOf(owner, link.connectionId)).status).toBe('pending')
    // The offered choice still works afterwards.
    const chosen = await call('/connect/oauth/choose', { ...form({ choice: TENANT_IDS[0]! }), cookie })
    expect(chosen.headers.get('location')).toBe('/connect/done')
    expect((await connectionOf(owner, link.connectionId)).metadata).toEqual({ tenantId: TENANT_IDS[0] })
  })

  it('Jira: a reconnect of the same account to another site replaces the cloud id, through the picker', async () => {
    const owner = await ownerWithApp('atlassian', ATLASSIAN_CLIENT)
    const link = await requestLink(owner, 'jira-cloud')
    await signInThroughLink(link.path, 'code-good-one-site')
    const again = await call(`/api/v1/connections/${link.connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    expect(again.status).toBe(201)
    const refreshPath = new URL((await again.json<{ link: { url: string } }>()).link.url).pathname
    const { back, cookie } = await signInThroughLink(refreshPath, 'code-good-two-sites')
    expect(back.headers.get('location')).toBe('/connect/oauth/choose')
    const chosen = await call('/connect/oauth/choose', { ...form({ choice: CLOUD_IDS[1]! }), cookie })
    expect(chosen.headers.get('location')).toBe('/connect/done')
    const connection = await connectionOf(owner, link.connectionId)
    expect(connection).toMatchObject({ status: 'active', accountLabel: 'mia@example.com', metadata: { cloudId: CLOUD_IDS[1] } })
  })

  it('Shopify: the client types the store before the sign-in; a bad one is refused on the form; the shop is kept', async () => {
    const owner = await signUpOwner()
    const saved = await call('/api/v1/oauth-apps/shopify', {
      method: 'PUT',
      cookie: owner.cookie,
      json: { clientId: SHOPIFY_CLIENT.id, clientSecret: SHOPIFY_CLIENT.secret },
    })
    expect(saved.status).toBe(200)
    const link = await requestLink(owner, 'shopify', { locale: 'de' })
    expect((await call(link.path)).status).toBe(200)
    const accepted = await call(`${link.path}/accept`, form({}))
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe(`${link.path}/accept`)
    // Asked, not refused: the invitation's Accept sends no store, so nothing was checked yet.
    const asked = await call(`${link.path}/accept`, { cookie: cookiesAfter(accepted) })
    expect(asked.status).toBe(200)
    const askedPage = await asked.text()
    expect(askedPage).toContain('Shopify-Shop')
    expect(askedPage).toContain(`action="${link.path}/accept"`)

    const bad = await call(`${link.path}/accept`, form({ shop: 'maple.evil.example' }))
    expect(bad.status).toBe(303)
    const refused = await call(`${link.path}/accept`, { cookie: cookiesAfter(bad) })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('value="maple.evil.example"')

    const good = await call(`${link.path}/accept`, form({ shop: 'Maple' }))
    expect(good.status).toBe(302)
    const authorize = new URL(good.headers.get('location')!)
    expect(authorize.origin + authorize.pathname).toBe(`${env.FAKES_URL}/shopify/maple/admin/oauth/authorize`)
    const state = authorize.searchParams.get('state')!
    const back = await call(`/connect/oauth/callback?state=${state}&code=code-good-shop`, { cookie: cookiesAfter(good) })
    expect(back.headers.get('location')).toBe('/connect/done')
    const connection = await connectionOf(owner, link.connectionId)
    expect(connection).toMatchObject({ status: 'active', accountLabel: 'maple store', metadata: { shop: 'maple' } })
  })

  it('Shopify: the owner types the store on the new-connection form; a bad one is shown on the form again', async () => {
    const owner = await signUpOwner()
    await call('/api/v1/oauth-apps/shopify', {
      method: 'PUT',
      cookie: owner.cookie,
      json: { clientId: SHOPIFY_CLIENT.id, clientSecret: SHOPIFY_CLIENT.secret },
    })
    expect(await page('/connections/new/shopify', owner.cookie)).toContain('name="shop"')
    const bad = await post('/connections/new/shopify/oauth', { connectionName: 'Store', shop: 'a b' }, owner.cookie)
    expect(bad.status).toBe(303)
    const shown = await call(location(bad), { cookie: cookiesAfter(bad, owner.cookie) })
    expect(await shown.text()).toContain('not a Shopify subdomain')
    const good = await post('/connections/new/shopify/oauth', { connectionName: 'Store', shop: 'maple' }, owner.cookie)
    expect(good.status).toBe(302)
    expect(new URL(good.headers.get('location')!).pathname).toBe('/shopify/maple/admin/oauth/authorize')
  })

  it('an app without metadata answers {} in the API', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'demo-tasks')
    expect((await connectionOf(owner, link.connectionId)).metadata).toEqual({})
  })
})
