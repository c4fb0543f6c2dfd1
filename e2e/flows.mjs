// What a person does, step by step, in the owner's dashboard and on the client's pages.
// Locators go by role, label and visible text, as a person finds things.
import assert from 'node:assert/strict'

export const INVALID_LINK_TEXT =
  'This connection link is invalid, has already been used, or has expired. Please contact your requester to get a new link.'
export const GOOD_KEY = 'demo_e2e_key_0001'
export const OTHER_GOOD_KEY = 'demo_e2e_key_0002'
export const WRONG_KEY = 'wrong_key_123456'

/** A page that collects script errors, CSP refusals and failed subresources in `page.problems`. */
export async function openPage(context) {
  const page = await context.newPage()
  page.problems = []
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`))
  // 4xx documents are expected (422 form, 410 invalid link); what matters is a broken subresource.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      page.problems.push(`console: ${message.text()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      page.problems.push(`${response.status()} ${response.url()}`)
  })
  return page
}

/** No broken icons: every image on the page has loaded. */
export async function assertImagesLoaded(page) {
  await page.waitForFunction(() => [...document.images].every((img) => img.complete))
  const broken = await page.locator('img').evaluateAll((imgs) => imgs.filter((img) => img.naturalWidth === 0).map((img) => img.src))
  assert.deepEqual(broken, [], 'every image on the page loads')
}

export async function expectHeading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

/**
 * The newest message `wrangler dev` sent to `to`, read the way a newcomer would: from its Local Explorer
 * (the API behind /cdn-cgi/local/explorer, which lists what the `send_email` binding sent).
 */
export async function latestEmailTo(baseUrl, to) {
  const api = `${baseUrl}/cdn-cgi/local/explorer/api/local/email/sending`
  for (let attempt = 0; attempt < 20; attempt++) {
    const list = await (await fetch(api)).json()
    const found = list.result.filter((message) => message.to.includes(to)).sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0]
    if (found) {
      const id = found.messageId.replace(/^<|>$/g, '')
      const detail = await (await fetch(`${api}?email_id=${encodeURIComponent(id)}&worker=${encodeURIComponent(found.worker)}`)).json()
      return detail.result
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no email to ${to} in the Local Explorer`)
}

/** The confirmation (or reset) link in the newest email to `to`. */
export async function emailedLink(baseUrl, to, path) {
  const { text } = await latestEmailTo(baseUrl, to)
  const match = new RegExp(`https?://\\S+${path}[A-Za-z0-9_-]+`).exec(text)
  assert.ok(match, `a ${path} link in the email to ${to}: ${text}`)
  return match[0]
}

/** Sign up on the form, see "Check your email", follow the link from the email: the dashboard opens, signed in. */
export async function signUp(page, baseUrl, owner) {
  await page.goto(`${baseUrl}/`)
  // A newcomer lands on the login page and follows "Create an account".
  await page.getByRole('link', { name: 'Create an account' }).click()
  await expectHeading(page, 'Create your Tether account')
  await page.getByLabel('Your name').fill(owner.name)
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectHeading(page, 'Check your email')
  await page.getByText(owner.email).waitFor()
  await page.goto(await emailedLink(baseUrl, owner.email, '/verify-email/'))
  await page.waitForURL('**/connections')
  await expectHeading(page, 'Connections')
}

export async function logIn(page, baseUrl, owner) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/connections')
}

/** Connections → Add Connection → app → Request Connection via Link → name → Generate link; returns the link. */
export async function requestLink(page, baseUrl, { appName, connectionName, lifetime, onLinkPage }) {
  await page.goto(`${baseUrl}/connections`)
  await page.getByRole('link', { name: 'Add Connection' }).first().click()
  await expectHeading(page, 'Add Connection')
  await page.getByRole('link', { name: new RegExp(`^${appName}\\b`) }).click()
  await expectHeading(page, `Add ${appName} connection`)
  const viaLink = page.getByRole('region', { name: 'Request Connection via Link' })
  await viaLink.getByLabel('Connection name').fill(connectionName)
  if (lifetime) await viaLink.getByLabel('Link expires after').selectOption({ label: lifetime })
  await viaLink.getByRole('button', { name: 'Generate link' }).click()
  await expectHeading(page, 'Your connection link is ready')
  if (onLinkPage) await onLinkPage(page)
  return readLink(page, baseUrl)
}

/** The link as the owner copies it from the link page. */
export async function readLink(page, baseUrl) {
  const url = await page.getByLabel('Connection link', { exact: true }).inputValue()
  assert.match(
    url,
    new RegExp(`^${baseUrl.replace(/[.]/g, '\\.')}/connect/[A-Za-z0-9_-]{20,}$`),
    'the link page shows a /connect/<token> URL',
  )
  return url
}

export function connectionRow(page, connectionName) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: connectionName, exact: true }) })
}

/** The badge's visible text plus its screen-reader detail, e.g. "Pending: credential refresh in progress…". */
export async function badgeOf(page, connectionName) {
  const row = connectionRow(page, connectionName)
  await row.waitFor()
  return (await row.locator('.badge').first().getAttribute('title')) ?? ''
}

export async function gotoConnections(page, baseUrl) {
  await page.goto(`${baseUrl}/connections`)
  await expectHeading(page, 'Connections')
}

/** The client's invitation: everything they must see before accepting. */
export async function expectInvitation(page, { appName, owner, connectionName, refresh = false }) {
  await expectHeading(page, refresh ? `Refresh your ${appName} connection` : `Connect your ${appName} account`)
  const card = page.getByRole('region', { name: refresh ? `Refresh your ${appName} connection` : `Connect your ${appName} account` })
  await assertImagesLoaded(page)
  assert.ok(
    await card.locator(`img.app-icon[src$="/${appName.toLowerCase().replace(/ /g, '-')}.svg"]`).count(),
    `the ${appName} icon is shown`,
  )
  await card.getByText(owner.name, { exact: true }).first().waitFor()
  await card.getByRole('link', { name: owner.email }).waitFor()
  await card.getByText(connectionName, { exact: true }).waitFor()
  await card
    .getByText(`Once connected, ${owner.name} will be able to use these credentials in their workflows.`, { exact: false })
    .waitFor()
  await card.getByRole('button', { name: 'Accept & Connect' }).waitFor()
  await card.getByRole('link', { name: 'Reject', exact: true }).waitFor()
}

/** Accept & Connect, then the API-key form. */
export async function acceptToKeyForm(page, appName) {
  await page.getByRole('button', { name: 'Accept & Connect' }).click()
  await expectHeading(page, `Connect ${appName}`)
}

export async function submitKey(page, key) {
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Grant Access' }).click()
}

/** A refresh link ends in "updated", a first connection in "created" (the reference guide's wording). */
export async function expectConnected(page, { refreshed = false } = {}) {
  await expectHeading(page, refreshed ? 'Connection updated successfully' : 'Connection created successfully')
}

export async function expectInvalidLink(page) {
  await page.getByText(INVALID_LINK_TEXT).waitFor()
}

/** Client side, start to end, with a good key. */
export async function clientConnectsWithKey(page, url, { appName, key = GOOD_KEY }) {
  await page.goto(url)
  await acceptToKeyForm(page, appName)
  await submitKey(page, key)
  await expectConnected(page)
}

/** Polls by reloading, for state another actor changes (a run finishing, a badge turning). */
export async function reloadUntil(page, check, { timeout = 20_000, what }) {
  const deadline = Date.now() + timeout
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await page.reload()
  }
}
