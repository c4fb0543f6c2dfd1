// Scenario 12: needs reconnect. The client regenerates their Demo Tasks key, so the app refuses the stored one;
// "Check now" turns the row's badge red, "Send reconnect link" hands out a refresh link ready to copy, and the
// client's new key (same workspace) brings the connection back to Via Link.
import assert from 'node:assert/strict'
import { DESKTOP } from '../browser.mjs'
import {
  acceptToKeyForm,
  badgeOf,
  clientConnectsWithKey,
  connectionRow,
  expectConnected,
  gotoConnections,
  readLink,
  requestLink,
  submitKey,
} from '../flows.mjs'
import { ALEX } from './journey.mjs'

async function openRowMenu(page, name) {
  const row = connectionRow(page, name)
  await row.locator('summary', { hasText: `Actions for ${name}` }).click()
  return row
}

export const needsReconnectScenario = {
  name: '12. needs-reconnect: the app refuses the key, the badge turns red, the reconnect link brings it back',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const name = 'Umbrella — Tasks'
    const key = `demo_e2e_reconnect_${Date.now()}`
    const first = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: name })
    const client = await t.newPage(DESKTOP)
    await clientConnectsWithKey(client, first, { appName: 'Demo Tasks', key })

    // At Demo Tasks, the client regenerates the key: the one Tether holds is refused from now on.
    const regenerated = await fetch(`${t.baseUrl}/demo/tasks/keys/regenerate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
    })
    assert.equal(regenerated.status, 200)
    const { apiKey: newKey } = await regenerated.json()

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Via Link: /)
    await (await openRowMenu(owner, name)).getByRole('button', { name: 'Check now' }).click()
    await owner.getByText('Demo Tasks did not accept these credentials. Send the client a reconnect link.').waitFor()

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Needs reconnect: the app refused the credentials/)
    const badge = connectionRow(owner, name).locator('.badge').first()
    assert.equal(await badge.evaluate((element) => getComputedStyle(element).color), 'rgb(153, 27, 27)', 'the badge is red')
    await connectionRow(owner, name).getByText('Refused by the app').waitFor()
    await t.screenshot(owner, 'needs-reconnect', { fullPage: true })

    await (await openRowMenu(owner, name)).getByRole('button', { name: 'Send reconnect link' }).click()
    const reconnect = await readLink(owner, t.baseUrl)
    await owner.getByRole('button', { name: /Copy/ }).first().waitFor()
    await t.screenshot(owner, 'reconnect-link', { fullPage: true })

    await client.goto(reconnect)
    await acceptToKeyForm(client, 'Demo Tasks')
    await submitKey(client, newKey)
    await expectConnected(client, { refreshed: true })
    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Via Link: /)
  },
}
