// A run started from the builder with a test payload fails on a step; the owner fixes the step and retries the run,
// which goes through the runs queue again with the payload it was first given.
import assert from 'node:assert/strict'
import { clientConnectsWithKey, expectHeading, reloadUntil, requestLink } from '../flows.mjs'
import { ALEX } from './journey.mjs'

// Its own name: the shared workspace already holds an Initech connection from another scenario.
const CONNECTION = 'Initech — Retries'

export const retriedRunScenario = {
  name: 'retried-run: Run now with a test payload fails on a step; after fixing the step, Retry runs it again with the same payload',
  async run(t) {
    const { page } = await t.shared.workspace(ALEX)
    const link = await requestLink(page, t.baseUrl, { appName: 'Demo Tasks', connectionName: CONNECTION })
    await clientConnectsWithKey(await t.newPage(), link, { appName: 'Demo Tasks' })

    await page.goto(`${t.baseUrl}/workflows/new`)
    await expectHeading(page, 'New workflow')
    await page.getByLabel('Workflow name').fill('Initech follow-ups')
    await page.getByRole('button', { name: 'Create workflow' }).click()
    await expectHeading(page, 'Initech follow-ups')
    await page
      .getByRole('link', { name: /Add (the first )?step/ })
      .first()
      .click()
    await page.getByRole('link', { name: /^Demo Tasks/ }).click()
    await page
      .getByRole('group', { name: 'Choose a Connection' })
      .getByRole('radio', { name: new RegExp(`^${CONNECTION}`) })
      .check()
    // A field the payload will not have: the run fails on this step.
    await page.getByLabel('Task name').fill('{{trigger.subject}}')
    await page.getByRole('button', { name: 'Add step' }).click()
    await page.getByText('Step added.').waitFor()

    await page.getByText('Run now with a test payload').click()
    await page.getByLabel('Test payload (JSON)').fill('{"title": "Call Initech back"}')
    await page.getByRole('button', { name: 'Run now' }).click()
    await page.getByText('Run queued with the test payload.').waitFor()
    const runs = page.getByRole('region', { name: 'Runs' })
    await reloadUntil(page, async () => (await runs.getByText('Failed').count()) > 0, { what: 'the test run to fail' })
    await runs.getByText('Task name is required.').waitFor()

    await page.getByRole('link', { name: 'Edit step 1' }).click()
    await page.getByLabel('Task name').fill('{{trigger.title}}')
    await page.getByRole('button', { name: 'Save step' }).click()
    await page.getByText('Step saved.').waitFor()

    await runs.getByRole('button', { name: 'Retry this run with the same payload' }).click()
    await page.getByText('Run queued again with its stored payload.').waitFor()
    await reloadUntil(page, async () => (await runs.getByText('Succeeded').count()) > 0, { what: 'the retried run to succeed' })
    const newest = runs.getByRole('row').nth(1)
    await newest.getByText('Retry of an earlier run').waitFor()
    await newest.getByText('Output').click()
    assert.match(await newest.innerText(), /Call Initech back/, 'the retried run used the stored payload')
    await t.screenshot(page, 'retried-run', { fullPage: true })
    assert.deepEqual(page.problems, [], 'no page errors on the owner pages')
  },
}
