// Scenario 13: several apps in one link. The owner asks for Demo Tasks and Demo Docs at once; the client, on a phone,
// sees one list, connects the API-key app and the OAuth app one after the other, and returns to the list each time.
import assert from 'node:assert/strict'
import { PHONE } from '../browser.mjs'
import { badgeOf, expectHeading, GOOD_KEY, gotoConnections, submitKey } from '../flows.mjs'
import { assertFitsViewport, ALEX } from './journey.mjs'

const TASKS = 'Pied Piper — Tasks'
const DOCS = 'Pied Piper — Docs'

export const multiAppScenario = {
  name: '13. multi-app: one link for Demo Tasks and Demo Docs, connected one by one on a phone',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    await owner.goto(`${t.baseUrl}/connections/new`)
    await owner.getByRole('link', { name: 'Request several apps in one link' }).click()
    await expectHeading(owner, 'Request several apps in one link')
    await owner.locator('#several-app-0').selectOption({ label: 'Demo Tasks' })
    await owner.locator('#several-name-0').fill(TASKS)
    await owner.locator('#several-app-1').selectOption({ label: 'Demo Docs' })
    await owner.locator('#several-name-1').fill(DOCS)
    await owner.getByRole('button', { name: 'Generate link' }).click()
    await expectHeading(owner, 'Link for several apps')
    const url = await owner.locator('#several-link').inputValue()
    assert.match(url, /\/connect\/r\/[A-Za-z0-9_-]{32}$/)
    // The owner's form and the link's page fit a phone too (the same session, a phone's viewport).
    const ownerPhone = await (await t.newContext({ ...PHONE, storageState: await owner.context().storageState() })).newPage()
    await ownerPhone.goto(`${t.baseUrl}/connections/several?rows=3`)
    await expectHeading(ownerPhone, 'Request several apps in one link')
    await assertFitsViewport(ownerPhone)
    await ownerPhone.goto(owner.url())
    await expectHeading(ownerPhone, 'Link for several apps')
    await assertFitsViewport(ownerPhone)

    const client = await t.newPage(PHONE)
    await client.goto(url)
    await expectHeading(client, 'Connect 2 apps')
    await client.getByText('0 of 2 connected').waitFor()
    await assertFitsViewport(client)

    await client.getByRole('button', { name: 'Connect Demo Tasks' }).tap()
    await expectHeading(client, 'Connect Demo Tasks')
    await submitKey(client, GOOD_KEY)
    // Each success shows its own management link once, then leads on to the list.
    await expectHeading(client, 'Connection created successfully')
    await client.getByRole('link', { name: 'Continue with the other apps' }).tap()
    await expectHeading(client, 'Connect 2 apps')
    await client.getByText('1 of 2 connected').waitFor()
    await assertFitsViewport(client)
    await t.screenshot(client, 'multi-app-phone', { fullPage: true })

    await client.getByRole('button', { name: 'Connect Demo Docs' }).tap()
    await expectHeading(client, 'Sign in to Demo Docs')
    await client.getByLabel('Demo account').fill('hooli@hooli.example.com')
    await client.getByRole('button', { name: 'Allow' }).tap()
    await expectHeading(client, 'Connection created successfully')
    await client.getByRole('link', { name: 'Continue with the other apps' }).tap()
    await expectHeading(client, 'Connect 2 apps')
    await client.getByText('2 of 2 connected').waitFor()
    await client.getByText('Every app in this request is done.', { exact: false }).waitFor()
    await assertFitsViewport(client)
    // Reload: the same finished list.
    await client.reload()
    await client.getByText('2 of 2 connected').waitFor()
    assert.deepEqual(client.problems, [], 'no page errors on the client pages')

    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, TASKS), /^Via Link: /)
    assert.match(await badgeOf(owner, DOCS), /^Via Link: /)
  },
}
