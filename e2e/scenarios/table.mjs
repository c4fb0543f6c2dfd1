// Scenario 7: an agency's table — the owner's own key replaces the client's, Expired and Locked badges,
// paging and filters over a seeded table, and Choose a Connection with unusable options disabled.
import assert from 'node:assert/strict'
import { DESKTOP, PHONE } from '../browser.mjs'
import {
  acceptToKeyForm,
  badgeOf,
  clientConnectsWithKey,
  connectionRow,
  expectHeading,
  gotoConnections,
  logIn,
  OTHER_GOOD_KEY,
  requestLink,
  signUp,
  submitKey,
  WRONG_KEY,
} from '../flows.mjs'

const TINA = { name: 'Tina Table', email: 'tina@table-agency.example.com', password: 'correct horse battery' }
const STALE = 'Stale — Tasks'
const UPDATED = 'Wayne — Tasks'
const LOCKED = 'Lockdown — Tasks'
const SEEDED = 28

/** A JSON call from the owner's own page: same origin, their session cookie. */
async function api(page, path, body) {
  const answer = await page.evaluate(
    async ([path, body]) => {
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return { status: response.status, body: await response.json() }
    },
    [path, body],
  )
  assert.equal(answer.status, 201, `POST ${path}: ${JSON.stringify(answer.body)}`)
  return answer.body
}

const rowNames = (page) => page.locator('table.table tbody tr td[data-label="Name"] a').allTextContents()

export const tableScenario = {
  name: '9. agency table: owner’s update path, Expired and Locked badges, paging and filters, Choose a Connection',
  /** A 1-minute link, made at the start so it has expired by the time this scenario runs (after 5b). */
  async prepare(t) {
    const context = await t.newContext(DESKTOP)
    const page = await context.newPage()
    await signUp(page, t.baseUrl, TINA)
    const { link } = await api(page, '/api/v1/connections', { appId: 'demo-tasks', name: STALE, via: 'link', expiresInMinutes: 1 })
    return { page, expiresAt: Date.parse(link.expiresAt) }
  },
  async run(t) {
    const { page: owner, expiresAt } = await t.prepared
    for (let i = 0; i < SEEDED; i++) {
      await api(owner, '/api/v1/connections', { appId: 'demo-tasks', name: `Seeded client ${String(i).padStart(2, '0')}`, via: 'link' })
    }

    // The owner's update path: the client connected via link, then the owner types their own key.
    const link = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: UPDATED })
    const client = await t.newPage(DESKTOP)
    await clientConnectsWithKey(client, link, { appName: 'Demo Tasks' })
    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, UPDATED), /^Via Link: /)
    let row = connectionRow(owner, UPDATED)
    await row.locator('summary', { hasText: `Actions for ${UPDATED}` }).click()
    const update = row.getByRole('group', { name: 'Update' })
    await update.getByRole('link', { name: 'Update Connection via Link' }).waitFor()
    await update.getByRole('link', { name: 'Update Connection Data' }).click()
    await expectHeading(owner, UPDATED)
    const form = owner.getByRole('region', { name: 'Update Connection Data' })
    await form.getByLabel('API key').fill(OTHER_GOOD_KEY)
    // The other key is another Demo Tasks workspace: the same-account guard refuses it unless allowed.
    await form.getByLabel(/Allow a different account/).check()
    await form.getByRole('button', { name: 'Save credentials' }).click()
    await owner.getByText('Connection updated successfully.', { exact: false }).waitFor()
    await owner.locator('dd', { hasText: /^By you, entering the credentials, / }).waitFor()
    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, UPDATED), /^Connected: /)
    row = connectionRow(owner, UPDATED)
    await row.getByText(/^Entered by you/).waitFor()
    assert.equal(await row.locator('.badge-via_link').count(), 0, 'the row no longer claims the client connected it')

    // Ten wrong keys lock the link: Locked, grey, with a lock icon.
    const lockLink = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: LOCKED })
    await client.goto(lockLink)
    await acceptToKeyForm(client, 'Demo Tasks')
    for (let attempt = 1; attempt <= 10; attempt++) {
      await submitKey(client, WRONG_KEY)
      await client.waitForLoadState()
      if (attempt < 10) await client.getByLabel('API key').waitFor()
    }
    await gotoConnections(owner, t.baseUrl)
    assert.match(await badgeOf(owner, LOCKED), /^Locked: /)
    await connectionRow(owner, LOCKED).locator('.badge-locked svg').waitFor()
    await connectionRow(owner, LOCKED).getByText('10 wrong keys').waitFor()

    const left = expiresAt + 1_000 - Date.now()
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
    // The oldest row is on the second page; a search brings the three named rows together for the screenshot.
    await owner.goto(`${t.baseUrl}/connections?q=${encodeURIComponent('— Tasks')}`)
    assert.deepEqual(await rowNames(owner), [LOCKED, UPDATED, STALE])
    assert.match(await badgeOf(owner, STALE), /^Expired: /)
    const staleRow = connectionRow(owner, STALE)
    await staleRow.locator('.badge-expired svg').waitFor()
    await staleRow.getByText(/^Link expired /).waitFor()
    assert.equal(await staleRow.getByRole('button', { name: /Refresh credentials/ }).count(), 0, 'no Refresh button in the Status cell')
    const colours = await owner.evaluate(() =>
      ['.badge-expired', '.badge-locked'].map((s) => getComputedStyle(document.querySelector(s)).backgroundColor),
    )
    assert.deepEqual(colours, ['rgb(229, 231, 235)', 'rgb(229, 231, 235)'], 'Expired and Locked are grey, not Pending’s yellow')
    await t.screenshot(owner, 'connections-badges')
    await gotoConnections(owner, t.baseUrl)

    // Paging: 25 rows, most recently updated first, then the rest behind "Older". A failed key or an
    // expiry changes the link, not the connection, so the order is that of creation and the owner's update.
    const total = SEEDED + 3
    const first = await rowNames(owner)
    assert.equal(first.length, 25)
    assert.deepEqual(first.slice(0, 3), [LOCKED, UPDATED, `Seeded client ${SEEDED - 1}`])
    await owner.getByRole('navigation', { name: 'Connections pages' }).getByRole('link', { name: /Older/ }).click()
    await expectHeading(owner, 'Connections')
    assert.match(new URL(owner.url()).search, /^\?cursor=/)
    const second = await rowNames(owner)
    assert.equal(second.length, total - 25)
    assert.equal(second.at(-1), STALE)
    assert.equal(new Set([...first, ...second]).size, total, 'every row once across the pages')
    await owner.getByRole('link', { name: 'Newest' }).click()
    assert.deepEqual(await rowNames(owner), first)

    // Filters are a GET form: the URL is the view, so it can be bookmarked and reloaded.
    await owner.getByLabel('Search').fill('Seeded client 0')
    await owner.getByRole('button', { name: 'Apply' }).click()
    await expectHeading(owner, 'Connections')
    assert.equal(new URL(owner.url()).searchParams.get('q'), 'Seeded client 0')
    assert.deepEqual(
      (await rowNames(owner)).sort(),
      Array.from({ length: 10 }, (_, i) => `Seeded client 0${i}`),
    )
    await owner.getByLabel('Search').fill('')
    await owner.getByLabel('Status').selectOption({ label: 'Locked' })
    await owner.getByRole('button', { name: 'Apply' }).click()
    await expectHeading(owner, 'Connections')
    assert.equal(new URL(owner.url()).searchParams.get('badge'), 'locked')
    assert.deepEqual(await rowNames(owner), [LOCKED])
    await owner.reload()
    assert.deepEqual(await rowNames(owner), [LOCKED], 'a reload keeps the filtered view')
    await owner.goto(`${t.baseUrl}/connections?appId=demo-docs`)
    await owner.getByText('No connections match these filters.').waitFor()
    await owner.getByRole('link', { name: 'Clear' }).click()
    assert.equal((await rowNames(owner)).length, 25)

    // Choose a Connection: the usable one first; Expired, Locked and Pending listed, disabled, with their badges.
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click()
    await expectHeading(owner, 'Workflows')
    await owner
      .getByRole('link', { name: /New workflow|Create a workflow/ })
      .first()
      .click()
    await owner.getByLabel('Workflow name').fill('Table tasks')
    await owner.getByRole('button', { name: 'Create workflow' }).click()
    await owner
      .getByRole('link', { name: /Add (the first )?step/ })
      .first()
      .click()
    await owner.getByRole('link', { name: /^Demo Tasks/ }).click()
    const choice = owner.getByRole('group', { name: 'Choose a Connection' })
    const radios = choice.getByRole('radio')
    const options = await radios.evaluateAll((nodes) =>
      nodes.map((node) => ({
        name: node.closest('label').querySelector('.choice-text span').textContent,
        disabled: node.disabled,
        badge: node.closest('label').querySelector('.badge')?.className ?? '',
      })),
    )
    assert.equal(options[0].name, UPDATED, `the usable connection comes first: ${JSON.stringify(options.slice(0, 3))}`)
    assert.equal(options[0].disabled, false)
    for (const [name, badge] of [
      [STALE, 'badge-expired'],
      [LOCKED, 'badge-locked'],
      ['Seeded client 00', 'badge-pending'],
    ]) {
      const option = options.find((o) => o.name === name)
      assert.ok(option?.disabled, `${name} is listed but disabled`)
      assert.match(option.badge, new RegExp(badge))
    }
    // Keyboard only: Tab reaches the one enabled radio, Space chooses it.
    await owner.getByRole('link', { name: 'Request a new connection via link' }).focus()
    await owner.keyboard.press('Shift+Tab')
    await owner.keyboard.press('Space')
    assert.equal(await choice.getByRole('radio', { name: new RegExp(UPDATED) }).isChecked(), true)

    const phone = await t.newPage(PHONE)
    await logIn(phone, t.baseUrl, TINA)
    await phone.goto(`${t.baseUrl}/connections?q=${encodeURIComponent('— Tasks')}`)
    await connectionRow(phone, LOCKED).waitFor()
    await t.screenshot(phone, 'connections-badges-phone')
  },
}
