// Sign-up as a newcomer meets it: the form, "check your email", the emailed link, the dashboard.
import assert from 'node:assert/strict'
import { DESKTOP } from '../browser.mjs'
import { emailedLink, expectHeading, openPage } from '../flows.mjs'

const NIA = { name: 'Nia Okafor', email: 'nia@okafor-studio.example.com', password: 'correct horse battery' }

export const signUpScenario = {
  name: '0. sign-up: check your email, log in before confirming (resend), follow the link, dashboard; the link works once',
  async run(t) {
    const context = await t.newContext(DESKTOP)
    const page = await openPage(context)
    await page.goto(`${t.baseUrl}/signup`)
    await page.getByLabel('Your name').fill(NIA.name)
    await page.getByLabel('Email').fill(NIA.email)
    await page.getByLabel('Password').fill(NIA.password)
    await page.getByRole('button', { name: 'Create account' }).click()
    await expectHeading(page, 'Check your email')
    await page.getByText(NIA.email).waitFor()
    const first = await emailedLink(t.baseUrl, NIA.email, '/verify-email/')

    // Not confirmed yet: the right password leads to the resend button, not the dashboard.
    await page.goto(`${t.baseUrl}/login`)
    await page.getByLabel('Email').fill(NIA.email)
    await page.getByLabel('Password').fill(NIA.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expectHeading(page, 'Confirm your email address')
    await page.getByRole('button', { name: 'Resend the confirmation email' }).click()
    await expectHeading(page, 'Check your email')
    let resent = first
    for (let i = 0; i < 20 && resent === first; i++) resent = await emailedLink(t.baseUrl, NIA.email, '/verify-email/')
    assert.notEqual(resent, first, 'the resend sends a new link')

    await page.goto(resent)
    await page.waitForURL('**/connections')
    await expectHeading(page, 'Connections')
    // A reload of a used link says so plainly, and signs nobody in.
    const again = await openPage(await t.newContext(DESKTOP))
    const response = await again.goto(resent)
    assert.equal(response.status(), 410)
    await expectHeading(again, 'This link no longer works')
    await again.getByText('already been used').waitFor()
    assert.deepEqual(page.problems, [])
  },
}
