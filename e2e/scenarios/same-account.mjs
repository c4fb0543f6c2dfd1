// Scenario 8: the same-account guard. A refresh link used with another Demo Tasks workspace's key is
// refused on the client's form (the link's account masked), nothing changes, and the right key still works.
import assert from 'node:assert/strict'
import { DESKTOP } from '../browser.mjs'
import {
  acceptToKeyForm,
  badgeOf,
  clientConnectsWithKey,
  connectionRow,
  expectConnected,
  expectHeading,
  GOOD_KEY,
  gotoConnections,
  OTHER_GOOD_KEY,
  readLink,
  requestLink,
  submitKey,
} from '../flows.mjs'
import { ALEX } from './journey.mjs'

export const sameAccountScenario = {
  name: '11. same-account guard: a refresh with another account is refused, the right account then connects',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const name = 'Soylent — Tasks'
    const first = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: name })
    const client = await t.newPage(DESKTOP)
    await clientConnectsWithKey(client, first, { appName: 'Demo Tasks' })

    await gotoConnections(owner, t.baseUrl)
    const label = /Demo Tasks workspace [0-9a-f]{6}/.exec((await connectionRow(owner, name).textContent()) ?? '')?.[0]
    assert.ok(label, 'the table shows the connected account')
    const row = connectionRow(owner, name)
    await row.locator('summary', { hasText: `Actions for ${name}` }).click()
    await row.getByRole('link', { name: 'Update Connection via Link' }).click()
    await expectHeading(owner, 'Update Connection via Link')
    await owner.getByRole('button', { name: 'Refresh credentials' }).click()
    const refreshLink = await readLink(owner, t.baseUrl)

    await client.goto(refreshLink)
    await acceptToKeyForm(client, 'Demo Tasks')
    await submitKey(client, OTHER_GOOD_KEY)
    const refusal = client.getByText(/This connection is for the Demo Tasks account D•••/)
    await refusal.waitFor()
    const message = (await refusal.textContent()) ?? ''
    assert.match(message, /Nothing was changed/)
    assert.match(message, /ask the person who sent you this link/)
    assert.ok(!message.includes(label), 'the link’s account is masked')
    await t.screenshot(client, 'same-account-refused', { fullPage: true })

    await gotoConnections(owner, t.baseUrl)
    assert.ok(((await connectionRow(owner, name).textContent()) ?? '').includes(label), 'the connection keeps its account')
    assert.match(await badgeOf(owner, name), /^Pending: credential refresh in progress/)

    await submitKey(client, GOOD_KEY)
    await expectConnected(client, { refreshed: true })
    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, name), /^Via Link: /)
  },
}
