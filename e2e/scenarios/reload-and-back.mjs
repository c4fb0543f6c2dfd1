// Scenario 7: what a client's browser sees after each finish, on reload, on Back, in a second tab of
// the same browser, and what anyone else sees; the restored /accept; the attempts countdown and the lock.
import assert from 'node:assert/strict'
import { DESKTOP, PHONE } from '../browser.mjs'
import {
  acceptToKeyForm,
  expectConnected,
  expectHeading,
  expectInvalidLink,
  expectInvitation,
  GOOD_KEY,
  requestLink,
  submitKey,
  WRONG_KEY,
} from '../flows.mjs'
import { ALEX } from './journey.mjs'

const NOT_VERIFIED = 'This sign-in could not be verified'

async function expectLocked(page) {
  await expectHeading(page, 'This link is locked')
  await page.getByText('This link is locked after too many wrong keys. Please contact your requester to get a new link.').waitFor()
}

/** The page answers the same after a reload, and never with the browser's resubmission prompt (there is no post to repeat). */
async function reloadKeeps(page, expect) {
  for (let i = 0; i < 2; i++) {
    await page.reload()
    await expect(page)
  }
}

/** Anyone else with the link (another browser, a forwarded mail) gets the invalid-link page, for every URL of the journey. */
async function strangerSeesInvalid(t, link) {
  const stranger = await t.newPage(DESKTOP)
  for (const url of [link, `${link}/accept`, `${link}/reject`, `${t.baseUrl}/connect/done`]) {
    const response = await stranger.goto(url)
    assert.equal(response.status(), 410, `${url} answers 410 to a stranger`)
    await expectInvalidLink(stranger)
  }
}

export const reloadAndBackScenario = {
  name: '8. reload, Back and a second tab after every finish; restored /accept; attempts countdown; locked page',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)

    // API key, with wrong keys first: from the 5th refusal the form counts down.
    const keyName = 'Wayne Enterprises — Tasks'
    const keyLink = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: keyName })
    const restored = await t.newPage(PHONE)
    await restored.goto(`${keyLink}/accept`)
    await expectHeading(restored, 'Connect Demo Tasks')

    const client = await t.newPage(DESKTOP)
    await client.goto(keyLink)
    await expectInvitation(client, { appName: 'Demo Tasks', owner: ALEX, connectionName: keyName })
    await acceptToKeyForm(client, 'Demo Tasks')
    for (let refusal = 1; refusal <= 5; refusal++) {
      await submitKey(client, `${WRONG_KEY}_${refusal}`)
      await client.getByRole('alert').filter({ hasText: 'We couldn’t connect' }).waitFor()
      assert.equal(new URL(client.url()).pathname, new URL(`${keyLink}/accept`).pathname, 'a refusal lands on the form’s own URL')
    }
    await client.getByText('5 attempts left', { exact: false }).waitFor()
    await t.screenshot(client, 'attempts-countdown')
    // Reloading the refused form re-sends nothing: the notice is gone, the countdown stays.
    await client.reload()
    await expectHeading(client, 'Connect Demo Tasks')
    await client.getByText('5 attempts left', { exact: false }).waitFor()
    assert.equal(await client.getByRole('alert').filter({ hasText: 'We couldn’t connect' }).count(), 0)

    await submitKey(client, GOOD_KEY)
    await expectConnected(client)
    assert.equal(new URL(client.url()).pathname, '/connect/done')
    assert.ok(!client.url().includes(new URL(keyLink).pathname.split('/').pop()), 'the outcome URL carries no token')
    await reloadKeeps(client, expectConnected)
    await client.goBack()
    await expectConnected(client)
    await client.goto(keyLink)
    await expectConnected(client)
    const secondTab = await client.context().newPage()
    await secondTab.goto(keyLink)
    await expectConnected(secondTab)
    await strangerSeesInvalid(t, keyLink)

    // OAuth through the demo provider: the reload of the outcome never says the sign-in could not be verified.
    const oauthName = 'Wayne Enterprises — Docs'
    const oauthLink = await requestLink(owner, t.baseUrl, { appName: 'Demo Docs', connectionName: oauthName })
    const oauthClient = await t.newPage(DESKTOP)
    await oauthClient.goto(oauthLink)
    await oauthClient.getByRole('button', { name: 'Accept & Connect' }).click()
    await expectHeading(oauthClient, 'Sign in to Demo Docs')
    await oauthClient.getByLabel('Demo account').fill('bruce@wayne.example.com')
    await oauthClient.getByRole('button', { name: 'Allow' }).click()
    await expectConnected(oauthClient)
    assert.equal(new URL(oauthClient.url()).pathname, '/connect/done')
    await reloadKeeps(oauthClient, async (page) => {
      await expectConnected(page)
      assert.equal(await page.getByText(NOT_VERIFIED).count(), 0)
    })
    await oauthClient.goto(oauthLink)
    await expectConnected(oauthClient)
    await strangerSeesInvalid(t, oauthLink)

    // Reject: a confirmation with the optional reason first; then "Request declined" survives reload and Back.
    const rejectName = 'Wayne Enterprises — Rejected'
    const rejectLink = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: rejectName })
    const rejecter = await t.newPage(DESKTOP)
    await rejecter.goto(rejectLink)
    await rejecter.getByRole('link', { name: 'Reject', exact: true }).click()
    await expectHeading(rejecter, 'Reject this request?')
    await rejecter.getByLabel('Reason (optional, shared with the requester)').fill('We use another account for this.')
    await t.screenshot(rejecter, 'reject-confirmation')
    // Back from the confirmation leaves the link open.
    await rejecter.goBack()
    await expectInvitation(rejecter, { appName: 'Demo Tasks', owner: ALEX, connectionName: rejectName })
    await rejecter.goForward()
    await expectHeading(rejecter, 'Reject this request?')
    await rejecter.getByLabel('Reason (optional, shared with the requester)').fill('We use another account for this.')
    await rejecter.getByRole('button', { name: 'Reject request' }).click()
    await expectHeading(rejecter, 'Request declined')
    await reloadKeeps(rejecter, (page) => expectHeading(page, 'Request declined'))
    await rejecter.goBack()
    await expectHeading(rejecter, 'Request declined')
    await strangerSeesInvalid(t, rejectLink)

    // Ten wrong keys lock the link: this browser is told why, on reload too; anyone else sees the invalid-link page.
    const lockName = 'Wayne Enterprises — Locked'
    const lockLink = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: lockName })
    const guesser = await t.newPage(DESKTOP)
    await guesser.goto(lockLink)
    await acceptToKeyForm(guesser, 'Demo Tasks')
    for (let refusal = 1; refusal < 10; refusal++) {
      await submitKey(guesser, `${WRONG_KEY}_${refusal}`)
      await guesser.getByRole('alert').filter({ hasText: 'We couldn’t connect' }).waitFor()
      if (refusal >= 5) {
        const left = 10 - refusal
        await guesser.getByText(left === 1 ? '1 attempt left' : `${left} attempts left`, { exact: false }).waitFor()
      }
    }
    await submitKey(guesser, `${WRONG_KEY}_10`)
    await expectLocked(guesser)
    await reloadKeeps(guesser, expectLocked)
    await guesser.goto(lockLink)
    await expectLocked(guesser)
    await strangerSeesInvalid(t, lockLink)
  },
}
