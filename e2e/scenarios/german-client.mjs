// Scenario 12: a German client. The browser asks for German (Accept-Language: de), so every client page is German:
// invitation, form, refusal and success; the language menu works as plain links, and the choice sticks.
import assert from 'node:assert/strict'
import { DESKTOP } from '../browser.mjs'
import { assertImagesLoaded, expectHeading, GOOD_KEY, requestLink, WRONG_KEY } from '../flows.mjs'
import { ALEX } from './journey.mjs'

const GERMAN = { ...DESKTOP, locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de' } }

export const germanClientScenario = {
  name: '12. german-client: Accept-Language de gives German pages, the language menu switches without script',
  async run(t) {
    const { page: owner } = await t.shared.workspace(ALEX)
    const name = 'Initech — Aufgaben'
    const url = await requestLink(owner, t.baseUrl, { appName: 'Demo Tasks', connectionName: name })

    const client = await t.newPage(GERMAN)
    await client.goto(url)
    await expectHeading(client, 'Verbinden Sie Ihr Demo Tasks-Konto')
    assert.equal(await client.locator('html').getAttribute('lang'), 'de')
    await client.getByText(`${ALEX.name}`, { exact: true }).first().waitFor()
    await client.getByText('bittet Sie, Ihr Demo Tasks-Konto zu verbinden.', { exact: false }).waitFor()
    await client.getByText('Ihre Zugangsdaten für Demo Tasks (API-Schlüssel)', { exact: false }).waitFor()
    assert.match((await client.locator('dd time').textContent()) ?? '', /^\d\d\.\d\d\.\d{4}, \d\d:\d\d \(/, 'the expiry is a German date')
    await assertImagesLoaded(client)
    await t.screenshot(client, 'invitation-de', { fullPage: true })

    await client.getByRole('button', { name: 'Akzeptieren und verbinden' }).click()
    await expectHeading(client, 'Demo Tasks verbinden')
    await client.getByLabel('API-Schlüssel').fill(WRONG_KEY)
    await client.getByRole('button', { name: 'Zugriff gewähren' }).click()
    await client.getByText('Demo Tasks hat diese Zugangsdaten nicht akzeptiert.', { exact: false }).waitFor()

    // The menu is a <details> of plain links: the choice is a GET that sets a cookie and comes back to the same page.
    await client.locator('.language-menu > summary').click()
    await client.getByRole('link', { name: 'Français' }).click()
    await expectHeading(client, 'Connecter Demo Tasks')
    assert.equal(await client.locator('html').getAttribute('lang'), 'fr')
    await client.goto(url)
    await expectHeading(client, 'Connectez votre compte Demo Tasks')
    await client.locator('.language-menu > summary').click()
    await client.getByRole('link', { name: 'Deutsch' }).click()
    await expectHeading(client, 'Verbinden Sie Ihr Demo Tasks-Konto')

    await client.getByRole('button', { name: 'Akzeptieren und verbinden' }).click()
    await client.getByLabel('API-Schlüssel').fill(GOOD_KEY)
    await client.getByRole('button', { name: 'Zugriff gewähren' }).click()
    await expectHeading(client, 'Verbindung erfolgreich erstellt')
    await client.getByText('Ihr Demo Tasks-Konto ist jetzt als „Initech — Aufgaben“ verbunden', { exact: false }).waitFor()
    assert.deepEqual(client.problems, [], 'no script errors, CSP refusals or broken subresources')
  },
}
