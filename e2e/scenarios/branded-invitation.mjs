// Scenario 13: the owner's brand. A workspace sets its display name, accent colour and a PNG logo in Settings → Brand and
// a return address on the link; the client's invitation, form and outcome wear the brand ("Secured by Tether" small),
// the buttons take the accent, and the outcome offers "Back to <name>" with the connection and status in the query.
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { assertAccessible, DESKTOP, PHONE } from '../browser.mjs'
import { assertImagesLoaded, expectHeading, GOOD_KEY, logIn, readLink, signUp } from '../flows.mjs'
import { assertFitsViewport } from './journey.mjs'

const OWNER = { name: 'Nora Lindqvist', email: 'nora@northwind-studio.example.com', password: 'correct horse battery' }
const STUDIO = 'Northwind Studio'
const ACCENT = '#0f766e'
const RETURN_URL = 'https://northwind-studio.example/clients?from=tether'

/** A small PNG drawn here (a teal disc with a white ring), so the suite needs no image file. */
function logoPng(size = 96) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5) / (size / 2)
      const pixel = r > 1 ? [0, 0, 0, 0] : r > 0.55 && r < 0.7 ? [255, 255, 255, 255] : [15, 118, 110, 255]
      row.set(pixel, 1 + x * 4)
    }
    rows.push(row)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

export const brandedInvitationScenario = {
  name: '13. branded-invitation: the owner’s name, logo and accent on the client’s pages, and Back to the owner',
  async run(t) {
    const owner = await t.newPage(DESKTOP)
    await signUp(owner, t.baseUrl, OWNER)

    await owner.goto(`${t.baseUrl}/settings/brand`)
    await expectHeading(owner, 'Brand')
    await owner.getByLabel('Display name').fill(STUDIO)
    // A pale colour is refused: white button text on it would fail WCAG AA.
    await owner.getByLabel('Accent colour').fill('#fcd34d')
    await owner.getByRole('button', { name: 'Save name and colour' }).click()
    await owner.getByText('pick a darker colour', { exact: false }).waitFor()
    await owner.getByLabel('Accent colour').fill(ACCENT)
    await owner.getByRole('button', { name: 'Save name and colour' }).click()
    await owner.getByText('New links show your brand.').waitFor()
    const logo = join(mkdtempSync(join(tmpdir(), 'tether-logo-')), 'northwind.png')
    writeFileSync(logo, logoPng())
    await owner.getByLabel('Upload a logo').setInputFiles(logo)
    await owner.getByRole('button', { name: 'Upload logo' }).click()
    await owner.getByRole('img', { name: 'Your current logo' }).waitFor()
    // axe needs a context without the CSP (it injects a script); the pages checked for CSP refusals keep it.
    const phone = await t.newPage({ ...PHONE, bypassCSP: true })
    await logIn(phone, t.baseUrl, OWNER)
    await phone.goto(`${t.baseUrl}/settings/brand`)
    await expectHeading(phone, 'Brand')
    await assertFitsViewport(phone)
    await assertAccessible(phone, 'Settings → Brand on a phone')

    await owner.goto(`${t.baseUrl}/connections/new/demo-tasks`)
    const viaLink = owner.getByRole('region', { name: 'Request Connection via Link' })
    await viaLink.getByLabel('Connection name').fill('Website tasks')
    await viaLink.getByLabel('Return address (optional)').fill(RETURN_URL)
    await viaLink.getByRole('button', { name: 'Generate link' }).click()
    await expectHeading(owner, 'Your connection link is ready')
    const url = await readLink(owner, t.baseUrl)

    const client = await t.newPage(DESKTOP)
    await client.goto(url)
    await expectHeading(client, 'Connect your Demo Tasks account')
    await client.locator('header .brand-owner', { hasText: STUDIO }).waitFor()
    await client.getByText('Secured by Tether').waitFor()
    assert.match(await client.title(), new RegExp(`· ${STUDIO}$`))
    const button = client.getByRole('button', { name: 'Accept & Connect' })
    assert.equal(await button.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(15, 118, 110)', 'the accent colours the buttons')
    await assertImagesLoaded(client)
    const axe = await t.newPage({ ...DESKTOP, bypassCSP: true })
    await axe.goto(url)
    await assertAccessible(axe, 'branded invitation')
    await t.screenshot(client, 'invitation-branded', { fullPage: true })

    await button.click()
    await client.locator('header .brand-owner', { hasText: STUDIO }).waitFor()
    await client.getByLabel('API key').fill(GOOD_KEY)
    await client.getByRole('button', { name: 'Grant Access' }).click()
    await expectHeading(client, 'Connection created successfully')
    const back = client.getByRole('link', { name: `Back to ${STUDIO}` })
    const href = new URL(await back.getAttribute('href'))
    assert.equal(href.origin + href.pathname, 'https://northwind-studio.example/clients')
    assert.equal(href.searchParams.get('from'), 'tether')
    assert.equal(href.searchParams.get('status'), 'connected')
    assert.match(href.searchParams.get('connection') ?? '', /^[A-Za-z0-9_-]+$/)
    assert.deepEqual(client.problems, [], 'no script errors, CSP refusals or broken subresources')
    assert.deepEqual(owner.problems, [], 'no script errors on the owner’s pages')
  },
}
