// Scenarios 4–6: OAuth through the demo provider, reject and expiry, refresh of an active connection.
import assert from 'node:assert/strict'
import { DESKTOP } from '../browser.mjs'
import {
  acceptToKeyForm,
  badgeOf,
  clientConnectsWithKey,
  connectionRow,
  expectConnected,
  expectHeading,
  expectInvalidLink,
  expectInvitation,
  gotoConnections,
  OTHER_GOOD_KEY,
  readLink,
  requestLink,
  signUp,
  submitKey,
} from '../flows.mjs'
import { ALEX } from './journey.mjs'

export const oauthScenario = {
  name: '4. OAuth: client signs in on the Demo Docs consent page, owner sees Via Link',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const name = 'Acme Co — Docs'
    const link = await requestLink(owner, t.baseUrl, { appName: 'Demo Docs', connectionName: name })

    const client = await t.newPage(DESKTOP)
    await client.goto(link)
    await expectInvitation(client, { appName: 'Demo Docs', owner: ALEX, connectionName: name })
    await client.getByRole('button', { name: 'Accept & Connect' }).click()
    // The provider's own page (served by the worker under /demo), reached by a real redirect.
    await expectHeading(client, 'Sign in to Demo Docs')
    assert.match(new URL(client.url()).pathname, /^\/demo\/oauth\/authorize/)
    await client.getByLabel('Demo account').fill('jordan@acme.example.com')
    await client.getByRole('button', { name: 'Allow' }).click()
    await expectConnected(client)
    assert.equal(new URL(client.url()).pathname, '/connect/done')
    assert.deepEqual(client.problems, [], 'no page errors on the client pages')

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Via Link: /)
    await connectionRow(owner, name).getByText('jordan@acme.example.com', { exact: false }).waitFor()
  },
}

export const rejectScenario = {
  name: '5a. client rejects: owner sees Rejected, link is dead',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const name = 'Initech — Tasks'
    const link = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: name })
    const client = await t.newPage(DESKTOP)
    await client.goto(link)
    await expectInvitation(client, { appName: 'Demo Tasks', owner: ALEX, connectionName: name })
    await client.getByRole('link', { name: 'Reject', exact: true }).click()
    await expectHeading(client, 'Reject this request?')
    await client.getByRole('button', { name: 'Reject request' }).click()
    await expectHeading(client, 'Request declined')
    const stranger = await t.newPage(DESKTOP)
    await stranger.goto(link)
    await expectInvalidLink(stranger)

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Rejected: /)
    const row = connectionRow(owner, name)
    await row.getByText('Declined by the client').waitFor()
    await row.getByRole('link', { name, exact: true }).click()
    await owner.getByText('The client rejected this connection request.', { exact: false }).waitFor()
  },
}

const SHORT_LIVED = 'Umbrella — Tasks'
const OWNER_5B = { name: 'Sam Carter', email: 'sam@carter-consulting.example.com', password: 'correct horse battery' }

export const expiryScenario = {
  name: '5b. expired link (1-minute lifetime): client sees invalid-link text, owner sees expiry, Refresh credentials works',
  /** Starts the clock at the beginning of the run: a 1-minute link made through the API with a token from Settings. */
  async prepare(t) {
    const context = await t.newContext(DESKTOP)
    const page = await context.newPage()
    await signUp(page, t.baseUrl, OWNER_5B)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await expectHeading(page, 'Settings')
    await page.getByLabel('Token name').fill('e2e script')
    await page.getByRole('button', { name: 'Create token' }).click()
    const token = await page.getByLabel('New API token').inputValue()
    const response = await fetch(`${t.baseUrl}/api/v1/connections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appId: 'demo-tasks', name: SHORT_LIVED, via: 'link', expiresInMinutes: 1 }),
    })
    const body = await response.json()
    assert.equal(response.status, 201, `POST /api/v1/connections: ${JSON.stringify(body)}`)
    // Open before it expires: the invitation works.
    const client = await context.browser().newContext({ ...DESKTOP, baseURL: t.baseUrl })
    const clientPage = await client.newPage()
    await clientPage.goto(body.link.url)
    await expectInvitation(clientPage, { appName: 'Demo Tasks', owner: OWNER_5B, connectionName: SHORT_LIVED })
    await client.close()
    return { page, url: body.link.url, expiresAt: Date.parse(body.link.expiresAt) }
  },
  async run(t) {
    const { page: owner, url, expiresAt } = await t.prepared
    // The one wait on the clock: the link lives a minute, and the rest of the suite ran meanwhile.
    const left = expiresAt + 1_000 - Date.now()
    if (left > 0) {
      console.log(`  … waiting ${(left / 1000).toFixed(0)} s for the 1-minute link to expire`)
      await new Promise((resolve) => setTimeout(resolve, left))
    }
    const client = await t.newPage(DESKTOP)
    const response = await client.goto(url)
    assert.equal(response.status(), 410)
    await expectInvalidLink(client)

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, SHORT_LIVED), /^Expired: /)
    const row = connectionRow(owner, SHORT_LIVED)
    await row.getByText(/^Link expired /).waitFor()
    await row.getByRole('link', { name: SHORT_LIVED, exact: true }).click()
    await owner
      .getByText(
        /^This connection link expired on \d{1,2} \w{3} \d{4}, \d\d:\d\d \(UTC\)\. Click Refresh credentials to generate a new link\.$/,
      )
      .waitFor()
    await owner.getByRole('button', { name: /Refresh credentials/ }).click()
    await expectHeading(owner, 'Update Connection via Link')
    await owner.getByText('A new link was generated. The previous link no longer works.').waitFor()
    const fresh = await readLink(owner, t.baseUrl)
    assert.notEqual(fresh, url)

    await client.goto(url)
    await expectInvalidLink(client)
    await clientConnectsWithKey(client, fresh, { appName: 'Demo Tasks' })
    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, SHORT_LIVED), /^Via Link: /)
  },
}

export const refreshScenario = {
  name: '6. refresh an active connection: Pending (refresh) while the client re-enters, then Via Link again',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const name = 'Hooli — Tasks'
    const first = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: name })
    const client = await t.newPage(DESKTOP)
    await clientConnectsWithKey(client, first, { appName: 'Demo Tasks' })

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Via Link: /)
    const row = connectionRow(owner, name)
    await row.locator('summary', { hasText: `Actions for ${name}` }).click()
    await row.getByRole('link', { name: 'Update Connection via Link' }).click()
    await expectHeading(owner, 'Update Connection via Link')
    // Another Demo Tasks key is another workspace: the owner allows the change on this link.
    await owner.getByLabel(/Allow a different account/).check()
    await owner.getByRole('button', { name: 'Refresh credentials' }).click()
    await owner.getByText('A new link was generated. The previous link no longer works.').waitFor()
    const refreshLink = await readLink(owner, t.baseUrl)

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Pending: credential refresh in progress/)
    await connectionRow(owner, name).locator('.badge-refresh_pending').waitFor()
    // The table now shows every badge: Via Link, Pending, Rejected, Pending (refresh).
    await t.screenshot(owner, 'connections', { fullPage: true })

    await client.goto(refreshLink)
    await expectInvitation(client, { appName: 'Demo Tasks', owner: ALEX, connectionName: name, refresh: true })
    await acceptToKeyForm(client, 'Demo Tasks')
    await submitKey(client, OTHER_GOOD_KEY)
    await expectConnected(client, { refreshed: true })

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Via Link: /)
  },
}
