// Scenarios 1–3: the owner requests a link, the client connects on a phone, the owner runs a workflow with it.
import assert from 'node:assert/strict'
import { DESKTOP, PHONE } from '../browser.mjs'
import {
  badgeOf,
  connectionRow,
  expectConnected,
  expectHeading,
  expectInvalidLink,
  expectInvitation,
  GOOD_KEY,
  gotoConnections,
  reloadUntil,
  requestLink,
  submitKey,
  WRONG_KEY,
} from '../flows.mjs'

export const ALEX = { name: 'Alex Morgan', email: 'alex@northwind-agency.example.com', password: 'correct horse battery' }
const CONNECTION = 'Acme Co — Tasks'
const PENDING_CONNECTION = 'Globex — Tasks'

function needLink(t) {
  if (!t.shared.journeyLink) throw new Error('needs the link from scenario 1, which failed')
  return t.shared.journeyLink
}

export const requestLinkScenario = {
  name: '1. owner signs up, adds Demo Tasks via link and copies the link',
  async run(t) {
    const { context, page } = await t.shared.workspace(ALEX)
    // The empty state points a newcomer at the first thing to do.
    await gotoConnections(page, t.baseUrl)
    if (!(await page.getByRole('table').count())) {
      await page.getByRole('heading', { name: 'Add your first connection' }).waitFor()
      await page.getByRole('link', { name: 'Try it with Demo Tasks' }).waitFor()
      await t.screenshot(page, 'empty-state')
    }
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl })
    const shown = await requestLink(page, t.baseUrl, {
      appName: 'Demo Tasks',
      connectionName: CONNECTION,
      async onLinkPage(linkPage) {
        await linkPage.getByRole('img', { name: 'QR code of the connection link' }).waitFor()
        await linkPage.getByText(`The connection name “${CONNECTION}” is visible to the person receiving the link.`).waitFor()
        await t.screenshot(linkPage, 'connection-link', { fullPage: true })
      },
    })
    // The copy button puts exactly the shown link on the clipboard.
    await page.getByRole('button', { name: /Copy/ }).first().click()
    await page
      .getByRole('button', { name: /Copied/ })
      .first()
      .waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    assert.equal(copied, shown, 'the clipboard holds the link shown on the page')
    // Back on the table the new row waits for the client.
    await gotoConnections(page, t.baseUrl)
    assert.match(await badgeOf(page, CONNECTION), /^Pending: waiting for the client/)
    t.shared.journeyLink = copied
  },
}

export const clientPhoneScenario = {
  name: '2. client on a phone: invitation, wrong key then right key, connected',
  async run(t) {
    const link = needLink(t)
    // The same invitation on a desktop, for the screenshot (opening it does not use it up).
    const desktop = await t.newPage(DESKTOP)
    await desktop.goto(link)
    await expectInvitation(desktop, { appName: 'Demo Tasks', owner: ALEX, connectionName: CONNECTION })
    await t.screenshot(desktop, 'invitation-desktop', { fullPage: true })

    const page = await t.newPage(PHONE)
    await page.goto(link)
    await expectInvitation(page, { appName: 'Demo Tasks', owner: ALEX, connectionName: CONNECTION })
    await assertFitsViewport(page)
    await t.screenshot(page, 'invitation-phone', { fullPage: true })

    await page.getByRole('button', { name: 'Accept & Connect' }).tap()
    await expectHeading(page, 'Connect Demo Tasks')
    await page.getByText(`For “${CONNECTION}”`).waitFor()
    await assertFitsViewport(page)
    await t.screenshot(page, 'auth-form-phone', { fullPage: true })

    await submitKey(page, WRONG_KEY)
    await page.getByRole('alert').filter({ hasText: 'We couldn’t connect' }).waitFor()
    assert.equal(await page.getByLabel('API key').inputValue(), '', 'the wrong key is not echoed back')
    await assertFitsViewport(page)

    await submitKey(page, GOOD_KEY)
    await expectConnected(page)
    await page.getByText(`Your Demo Tasks account is now connected as “${CONNECTION}”`).waitFor()
    await assertFitsViewport(page)
    await t.screenshot(page, 'success-phone', { fullPage: true })
    assert.deepEqual(page.problems, [], 'no page errors on the client pages')

    // Single use: to anyone else, the same link now shows the invalid-link text.
    const stranger = await t.newPage(PHONE)
    await stranger.goto(link)
    await expectInvalidLink(stranger)
    t.shared.journeyConnected = true
  },
}

export const workflowScenario = {
  name: '3. owner sees Via Link, builds a workflow with it (pending one disabled), triggers it, run succeeds',
  async run(t) {
    needLink(t)
    if (!t.shared.journeyConnected) throw new Error('needs the connection from scenario 2, which failed')
    const { page } = await t.shared.workspace(ALEX)
    await gotoConnections(page, t.baseUrl)
    await page.reload()
    assert.match(await badgeOf(page, CONNECTION), /^Via Link: /)
    await connectionRow(page, CONNECTION).getByText('Not connected yet').waitFor({ state: 'detached' })

    // A second Demo Tasks connection that is still pending must show up disabled.
    await requestLink(page, t.baseUrl, { appName: 'Demo Tasks', connectionName: PENDING_CONNECTION })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click()
    await expectHeading(page, 'Workflows')
    await page
      .getByRole('link', { name: /New workflow|Create a workflow/ })
      .first()
      .click()
    await expectHeading(page, 'New workflow')
    await page.getByLabel('Workflow name').fill('Client tasks from the website')
    await page.getByRole('button', { name: 'Create workflow' }).click()
    await expectHeading(page, 'Client tasks from the website')

    await page
      .getByRole('link', { name: /Add (the first )?step/ })
      .first()
      .click()
    await expectHeading(page, 'Add step: choose an app')
    await page.getByRole('link', { name: /^Demo Tasks/ }).click()
    await expectHeading(page, 'Add step 1: Demo Tasks')

    const choice = page.getByRole('group', { name: 'Choose a Connection' })
    const options = await choice
      .getByRole('radio')
      .evaluateAll((nodes) => nodes.map((o) => ({ label: o.closest('label').textContent, disabled: o.disabled, value: o.value })))
    const active = options.find((o) => o.label.startsWith(CONNECTION))
    const pending = options.find((o) => o.label.startsWith(PENDING_CONNECTION))
    assert.ok(active && !active.disabled, `the Via Link connection can be chosen: ${JSON.stringify(options)}`)
    assert.ok(pending?.disabled, `the pending connection is listed but disabled: ${JSON.stringify(options)}`)
    assert.match(pending.label, /Pending/)
    assert.ok(options.indexOf(active) < options.indexOf(pending), 'the usable connection comes first')
    await choice.getByRole('radio', { name: new RegExp(`^${CONNECTION}`) }).check()
    await page.getByLabel('Task name').fill('{{trigger.title}}')
    await page.getByLabel(/Description/).fill('Sent by the website form')
    await page.getByRole('button', { name: 'Add step' }).click()
    await page.getByText('Step added.').waitFor()
    await page.getByText('Step 1: Demo Tasks — Create task').waitFor()

    const webhookUrl = await page.getByLabel('Webhook address').inputValue()
    assert.match(webhookUrl, new RegExp(`^${t.baseUrl}/`), 'the webhook address is on this Tether')
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Call Acme back' }),
    })
    const body = await response.json()
    assert.equal(response.status, 202, `webhook answers 202: ${JSON.stringify(body)}`)
    assert.ok(body.runId, 'webhook returns a runId')

    const runs = page.getByRole('region', { name: 'Runs' })
    await reloadUntil(page, async () => (await runs.getByText('Succeeded').count()) >= 2 || (await runs.getByText('Failed').count()) > 0, {
      what: 'the run to finish',
    })
    assert.equal(await runs.getByText('Failed').count(), 0, `the run failed: ${await runs.innerText()}`)
    await runs.getByRole('row').nth(1).getByText('Demo Tasks — Create task').waitFor()
    await t.screenshot(page, 'workflow-builder', { fullPage: true })
    assert.deepEqual(page.problems, [], 'no page errors on the owner pages')
  },
}

/** Nothing may stick out sideways on a phone. */
export async function assertFitsViewport(page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const sticksOut = (box) => box.right > width + 1 || box.left < -1
    // Inside a box that clips or scrolls and itself fits, nothing shows outside the screen.
    const contained = (el) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible' && !sticksOut(up.getBoundingClientRect())) return true
      }
      return false
    }
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
      const box = el.getBoundingClientRect()
      return box.width > 0 && sticksOut(box) && getComputedStyle(el).position !== 'fixed' && !contained(el)
    })
    return {
      scroll: document.documentElement.scrollWidth - width,
      wide: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    }
  })
  assert.ok(overflow.scroll <= 0 && overflow.wide.length === 0, `page overflows the phone viewport: ${JSON.stringify(overflow)}`)
}
