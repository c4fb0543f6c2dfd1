// Issue 12 point 8: the link readable and copyable on a phone, times with their zone, the client's browser in words,
// and the delete confirmation naming the workflows that use the connection.
import assert from 'node:assert/strict'
import { DESKTOP, PHONE } from '../browser.mjs'
import { clientConnectsWithKey, connectionRow, expectHeading, gotoConnections, openPage, requestLink, signUp } from '../flows.mjs'
import { assertFitsViewport } from './journey.mjs'

const OWNER = { name: 'Pat Papercut', email: 'pat@papercut-agency.example.com', password: 'correct horse battery' }
const CONNECTION = 'Papercut Co — Tasks'
const WORKFLOW = 'Papercut follow-ups'
/** "1 Dec 2026, 14:05 (UTC)": locally the request comes from a loopback address, so the zone is UTC, named. */
const TIME_WITH_ZONE = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(UTC\)$/

export const papercutsScenario = {
  name: '10. papercuts: the link on a phone, times with their zone, browsers in words, delete names the workflows',
  async run(t) {
    const ownerContext = await t.newContext(DESKTOP)
    const owner = await openPage(ownerContext)
    await signUp(owner, t.baseUrl, OWNER)
    let linkPageUrl = ''
    const link = await requestLink(owner, t.baseUrl, {
      appName: 'Demo Tasks',
      connectionName: CONNECTION,
      async onLinkPage(linkPage) {
        linkPageUrl = linkPage.url()
      },
    })

    // The link page on a phone: the whole link visible, wrapped, nothing cut off, and the Copy button copies it.
    const phoneContext = await t.newContext(PHONE)
    await phoneContext.addCookies(await ownerContext.cookies())
    await phoneContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl })
    const phone = await openPage(phoneContext)
    await phone.goto(linkPageUrl)
    await expectHeading(phone, 'Your connection link is ready')
    const field = phone.getByLabel('Connection link', { exact: true })
    const box = await field.evaluate((el) => ({
      tag: el.tagName,
      text: el.value,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      right: el.getBoundingClientRect().right,
    }))
    assert.equal(box.text, link, 'the field holds the whole link')
    assert.ok(box.scrollWidth <= box.clientWidth + 1, `the link does not scroll sideways: ${JSON.stringify(box)}`)
    assert.ok(box.scrollHeight <= box.clientHeight + 1, `every line of the link is visible: ${JSON.stringify(box)}`)
    assert.ok(box.right <= 390, `the field fits the phone: ${JSON.stringify(box)}`)
    await assertFitsViewport(phone)
    await phone.getByRole('button', { name: /Copy/ }).first().tap()
    await phone
      .getByRole('button', { name: /Copied/ })
      .first()
      .waitFor()
    assert.equal(await phone.evaluate(() => navigator.clipboard.readText()), link, 'Copy puts the whole link on the clipboard')
    await t.screenshot(phone, 'connection-link-phone', { fullPage: true })

    // Times name their zone.
    const expiry = await phone.locator('time').first().innerText()
    assert.match(expiry, TIME_WITH_ZONE, 'the expiry names its time zone')

    // The client connects from this Chromium; the owner's activity log reads its browser in words, with no country.
    const client = await t.newPage(DESKTOP)
    await clientConnectsWithKey(client, link, { appName: 'Demo Tasks' })
    await gotoConnections(owner, t.baseUrl)
    await connectionRow(owner, CONNECTION).getByRole('link', { name: CONNECTION, exact: true }).click()
    await expectHeading(owner, CONNECTION)
    const connectionUrl = owner.url()
    await owner.getByText('Chrome on Linux').first().waitFor()
    const timeline = await owner.locator('.timeline').innerText()
    assert.doesNotMatch(timeline, /Mozilla\/5\.0/, 'no raw user agent in the activity log')
    assert.doesNotMatch(timeline, /from US/, 'no country for a local address')
    assert.match(await owner.locator('.timeline time').first().innerText(), TIME_WITH_ZONE, 'activity times name their zone')

    // A workflow uses the connection; the delete confirmation names it, linked, and says what happens.
    await owner.goto(`${t.baseUrl}/workflows/new`)
    await owner.getByLabel('Workflow name').fill(WORKFLOW)
    await owner.getByRole('button', { name: 'Create workflow' }).click()
    await expectHeading(owner, WORKFLOW)
    await owner
      .getByRole('link', { name: /Add (the first )?step/ })
      .first()
      .click()
    await owner.getByRole('link', { name: /^Demo Tasks/ }).click()
    await expectHeading(owner, 'Add step 1: Demo Tasks')
    const choice = owner.getByRole('group', { name: 'Choose a Connection' })
    await choice.getByRole('radio', { name: new RegExp(`^${CONNECTION}`) }).check()
    await owner.getByLabel('Task name').fill('{{trigger.title}}')
    await owner.getByRole('button', { name: 'Add step' }).click()
    await owner.getByText('Step added.').waitFor()

    await owner.goto(`${connectionUrl}/delete`)
    await expectHeading(owner, `Delete “${CONNECTION}”?`)
    await owner.getByText('This workflow uses it').waitFor()
    const named = owner.getByRole('listitem').getByRole('link', { name: WORKFLOW, exact: true })
    await named.waitFor()
    assert.match((await named.getAttribute('href')) ?? '', /^\/workflows\/[\w-]+$/, 'the workflow is linked')
    assert.deepEqual(owner.problems, [], 'no page errors on the owner pages')
    assert.deepEqual(phone.problems, [], 'no page errors on the phone')
  },
}
