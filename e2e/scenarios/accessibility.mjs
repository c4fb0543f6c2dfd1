// axe-core on the client pages and the owner's table; the client flow done with the keyboard alone.
import assert from 'node:assert/strict'
import { assertAccessible, DESKTOP, PHONE } from '../browser.mjs'
import {
  expectConnected,
  expectHeading,
  expectInvalidLink,
  expectInvitation,
  GOOD_KEY,
  logIn,
  openPage,
  requestLink,
  submitKey,
  WRONG_KEY,
} from '../flows.mjs'
import { ALEX, assertFitsViewport } from './journey.mjs'

// The app's CSP forbids injected scripts, rightly; only the contexts that run axe bypass it.
const AXE_DESKTOP = { ...DESKTOP, bypassCSP: true }
const AXE_PHONE = { ...PHONE, bypassCSP: true }

export const accessibilityScenario = {
  name: 'axe: invitation, auth form, success and connections pages have no serious or critical violations',
  async run(t) {
    await t.shared.workspace(ALEX)
    const owner = await openPage(await t.newContext(AXE_DESKTOP))
    await logIn(owner, t.baseUrl, ALEX)
    await assertAccessible(owner, 'connections page')
    const name = 'Stark Industries — Tasks'
    const link = await requestLink(owner, t.baseUrl, {
      appName: 'Demo Tasks',
      connectionName: name,
      onLinkPage: (page) => assertAccessible(page, 'generated link page'),
    })

    for (const [label, options] of [
      ['phone', AXE_PHONE],
      ['desktop', AXE_DESKTOP],
    ]) {
      const client = await openPage(await t.newContext(options))
      await client.goto(link)
      await expectInvitation(client, { appName: 'Demo Tasks', owner: ALEX, connectionName: name })
      await assertAccessible(client, `invitation (${label})`)
      if (label === 'phone') continue
      await client.getByRole('button', { name: 'Accept & Connect' }).click()
      await expectHeading(client, 'Connect Demo Tasks')
      await assertAccessible(client, 'auth form')
      await submitKey(client, WRONG_KEY)
      await client.getByRole('alert').filter({ hasText: 'We couldn’t connect' }).waitFor()
      await assertAccessible(client, 'auth form with an error')
      await submitKey(client, GOOD_KEY)
      await expectConnected(client)
      await assertAccessible(client, 'success page')
      // This browser keeps its outcome; anyone else opening the used link gets the invalid-link page.
      const stranger = await openPage(await t.newContext(options))
      await stranger.goto(link)
      await expectInvalidLink(stranger)
      await assertAccessible(stranger, 'invalid-link page')
    }
    await owner.goto(`${t.baseUrl}/connections`)
    await assertAccessible(owner, 'connections page with rows')
  },
}

/** What has the keyboard focus, as a person would name it. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return { name: '', tag: 'body' }
    const label = el.labels?.[0]?.textContent ?? ''
    const style = getComputedStyle(el)
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    return { name: (el.getAttribute('aria-label') ?? label ?? '').trim() || el.textContent.trim(), tag: el.tagName.toLowerCase(), ring }
  })
}

async function tabTo(page, name, { max = 25 } = {}) {
  const seen = []
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab')
    const now = await focused(page)
    seen.push(now.name)
    if (now.name === name || now.name.startsWith(name)) {
      assert.ok(now.ring, `“${name}” shows a visible focus indicator`)
      return
    }
  }
  throw new Error(`Tab never reached “${name}”; focus went through: ${seen.join(' → ')}`)
}

export const keyboardScenario = {
  name: 'keyboard only: the client flow completes with Tab and Enter',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const name = 'Wayne Enterprises — Tasks'
    const link = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: name })

    const client = await t.newPage(DESKTOP)
    await client.goto(link)
    await expectInvitation(client, { appName: 'Demo Tasks', owner: ALEX, connectionName: name })
    await client.keyboard.press('Tab')
    assert.equal((await focused(client)).name, 'Skip to content', 'the first Tab reaches the skip link')
    await tabTo(client, 'Accept & Connect')
    await client.keyboard.press('Enter')
    await expectHeading(client, 'Connect Demo Tasks')

    await tabTo(client, 'API key')
    await client.keyboard.type(WRONG_KEY)
    await client.keyboard.press('Enter')
    await client.getByRole('alert').filter({ hasText: 'We couldn’t connect' }).waitFor()

    await tabTo(client, 'API key')
    await client.keyboard.type(GOOD_KEY)
    await tabTo(client, 'Grant Access')
    await client.keyboard.press('Enter')
    await expectConnected(client)
  },
}

export const ownerPhoneScenario = {
  name: 'phone: the owner’s dashboard pages fit a 390 px screen',
  async run(t) {
    await t.shared.workspace(ALEX)
    const page = await t.newPage(PHONE)
    await logIn(page, t.baseUrl, ALEX)
    const visit = async (label, path, heading) => {
      if (path) await page.goto(`${t.baseUrl}${path}`)
      if (heading) await expectHeading(page, heading)
      await assertFitsViewport(page).catch((error) => {
        throw new Error(`${label}: ${error.message}`)
      })
    }
    await visit('connections', '/connections', 'Connections')
    await t.screenshot(page, 'connections-phone')
    await visit('add connection', '/connections/new', 'Add Connection')
    await page.getByRole('link', { name: /^Demo Tasks/ }).click()
    await visit('add Demo Tasks', null, 'Add Demo Tasks connection')
    // Whatever the earlier scenarios left in the workspace: a connection's page, its link page, a workflow.
    await page.goto(`${t.baseUrl}/connections`)
    const first = page.getByRole('table').getByRole('link').first()
    if (await first.count()) {
      const href = await first.getAttribute('href')
      await visit('connection details', href, await first.innerText())
      await visit('connection link', `${href}/link`, /Update Connection via Link/)
    }
    await visit('workflows', '/workflows', 'Workflows')
    const workflow = page.locator('main table a').first()
    if (await workflow.count()) await visit('workflow', await workflow.getAttribute('href'), await workflow.innerText())
    await visit('settings', '/settings', 'Settings')
    assert.deepEqual(page.problems, [], 'no page errors on the owner pages')
  },
}
