// Scenario 19: the client's management page. A client on a phone connects, is shown their private management link
// once (and has it emailed), opens it, and revokes the access: the page then says so on every reload, and the owner's
// table shows the Revoked by client badge.
import assert from 'node:assert/strict'
import { PHONE } from '../browser.mjs'
import {
  assertImagesLoaded,
  badgeOf,
  clientConnectsWithKey,
  expectHeading,
  gotoConnections,
  latestEmailTo,
  requestLink,
} from '../flows.mjs'
import { ALEX } from './journey.mjs'

const CONNECTION = 'Cyberdyne — Tasks'
const CLIENT_EMAIL = 'client@cyberdyne.example.com'

export const managePageScenario = {
  name: '19. manage-page: the client opens their management link on a phone and revokes the access',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const url = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: CONNECTION })

    const client = await t.newPage(PHONE)
    await clientConnectsWithKey(client, url, { appName: 'Demo Tasks' })
    const manageUrl = await client.getByRole('textbox', { name: 'Management link' }).inputValue()
    assert.match(manageUrl, /\/manage\/[A-Za-z0-9_-]{32}$/, 'the success page shows the management link')

    await client.getByLabel('Email me this link (optional)').fill(CLIENT_EMAIL)
    await client.getByRole('button', { name: 'Send the link' }).click()
    await client.getByText(`We sent your management link to ${CLIENT_EMAIL}.`).waitFor()
    assert.equal(await client.getByRole('textbox', { name: 'Management link' }).count(), 0, 'the link is shown once only')
    const { text } = await latestEmailTo(t.baseUrl, CLIENT_EMAIL)
    assert.ok(text.includes(manageUrl), 'the email carries the same link')

    await client.goto(manageUrl)
    await expectHeading(client, /^What you granted to /)
    await client.getByText(CONNECTION, { exact: true }).waitFor()
    await client.getByText('No workflow run used this access.').waitFor()
    await assertImagesLoaded(client)
    await t.screenshot(client, 'manage-page', { fullPage: true })

    await client.getByRole('link', { name: 'Revoke access' }).click()
    await expectHeading(client, 'Revoke this access?')
    await client.getByRole('button', { name: 'Yes, revoke access' }).click()
    await expectHeading(client, 'Access revoked')
    await client.reload()
    await expectHeading(client, 'Access revoked')
    assert.equal(await client.getByRole('link', { name: 'Revoke access' }).count(), 0)

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, CONNECTION), /^Revoked by client/)
    assert.deepEqual(client.problems, [], 'no script errors, CSP refusals or broken subresources')
  },
}
