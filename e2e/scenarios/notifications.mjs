// Scenario 12: notifications for people. A client rejects a link with a reason; the owner sees the unread count in
// the header, the notification in the list (newest first, with the reason), gets the email, and marks it read.
import assert from 'node:assert/strict'
import { assertAccessible, DESKTOP } from '../browser.mjs'
import { expectHeading, expectInvitation, requestLink, signUp } from '../flows.mjs'

const OWNER = { name: 'Noor Haddad', email: 'noor@haddad-studio.example.com', password: 'correct horse battery' }
const NAME = 'Vandelay — Tasks'
const REASON = 'We only need read access this quarter'
const EMAIL_API = '/cdn-cgi/local/explorer/api/local/email/sending'

/** The queue hands the email to its consumer in a batch (up to 5 s locally): poll the Local Explorer for it. */
async function notificationEmail(baseUrl, to, subject) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const list = await (await fetch(`${baseUrl}${EMAIL_API}`)).json()
    const found = list.result.find((message) => message.to.includes(to) && message.subject === subject)
    if (found) {
      const id = found.messageId.replace(/^<|>$/g, '')
      const query = `email_id=${encodeURIComponent(id)}&worker=${encodeURIComponent(found.worker)}`
      return (await (await fetch(`${baseUrl}${EMAIL_API}?${query}`)).json()).result
    }
    if (Date.now() > deadline) throw new Error(`no “${subject}” email to ${to} in the Local Explorer`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

export const notificationsScenario = {
  name: '12. notifications: a client rejects with a reason, the owner sees the unread count, the list and the email',
  async run(t) {
    // The owner's context runs axe, which the app's CSP would rightly refuse to load.
    const owner = await t.newPage({ ...DESKTOP, bypassCSP: true })
    await signUp(owner, t.baseUrl, OWNER)
    const nav = owner.getByRole('navigation', { name: 'Main' })
    assert.equal(await nav.getByRole('link', { name: 'Notifications' }).textContent(), 'Notifications', 'nothing unread yet')

    const link = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: NAME })
    const client = await t.newPage(DESKTOP)
    await client.goto(link)
    await expectInvitation(client, { appName: 'Demo Tasks', owner: OWNER, connectionName: NAME })
    await client.getByRole('link', { name: 'Reject', exact: true }).click()
    await expectHeading(client, 'Reject this request?')
    await client.getByLabel(/reason/i).fill(REASON)
    await client.getByRole('button', { name: 'Reject request' }).click()
    await expectHeading(client, 'Request declined')

    await owner.goto(`${t.baseUrl}/connections`)
    const unread = nav.getByRole('link', { name: /^Notifications\s*1\s*unread$/ })
    await unread.waitFor()
    await unread.click()
    await expectHeading(owner, 'Notifications')
    const item = owner.getByRole('listitem').filter({ hasText: `${NAME}: link rejected` })
    await item.getByText(`Their reason: “${REASON}”`).waitFor()
    await item.getByRole('link', { name: `Open ${NAME}` }).waitFor()
    await t.screenshot(owner, 'notifications', { fullPage: true })
    await assertAccessible(owner, 'notifications page')

    const email = await notificationEmail(t.baseUrl, OWNER.email, `Tether: ${NAME}: link rejected`)
    assert.match(email.text, new RegExp(REASON))
    assert.match(email.text, /\/connections\/[A-Za-z0-9_-]+/, 'the email links to the connection')

    await item.getByRole('button', { name: /^Mark read\W+Vandelay/ }).click()
    await expectHeading(owner, 'Notifications')
    await nav.getByRole('link', { name: 'Notifications', exact: true }).waitFor()
    assert.equal(await owner.getByRole('button', { name: 'Mark all read' }).count(), 0)

    await owner.goto(`${t.baseUrl}/settings/notifications`)
    await expectHeading(owner, 'Notification settings')
    await assertAccessible(owner, 'notification settings page')
    await owner.getByRole('group', { name: 'A client rejected a link' }).getByLabel('By email').uncheck()
    await owner.getByRole('button', { name: 'Save notification settings' }).click()
    await owner.getByText('Notification settings saved.').waitFor()
    assert.equal(await owner.getByRole('group', { name: 'A client rejected a link' }).getByLabel('By email').isChecked(), false)
  },
}
