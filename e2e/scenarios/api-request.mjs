// The generic "API request" step (issue 14): any endpoint of the connection's app, credentials added by Tether.
import assert from 'node:assert/strict'
import { expectHeading, reloadUntil } from '../flows.mjs'
import { ALEX } from './journey.mjs'

const CONNECTION = 'Globex — Tasks (API)'

export const apiRequestScenario = {
  name: 'api-request-step: a workflow whose step is an API request (method, path, JSON body with a template) runs and succeeds',
  async run(t) {
    const { page } = await t.shared.workspace(ALEX)
    const created = await page.request.post(`${t.baseUrl}/api/v1/connections`, {
      data: { appId: 'demo-tasks', name: CONNECTION, via: 'direct', credentials: { apiKey: 'demo_api_request_key' } },
    })
    assert.equal(created.status(), 201, await created.text())

    await page.goto(`${t.baseUrl}/workflows/new`)
    await page.getByLabel('Workflow name').fill('Any endpoint of Demo Tasks')
    await page.getByRole('button', { name: 'Create workflow' }).click()
    await expectHeading(page, 'Any endpoint of Demo Tasks')
    await page
      .getByRole('link', { name: /Add (the first )?step/ })
      .first()
      .click()
    await page.getByRole('link', { name: /^Demo Tasks/ }).click()
    await expectHeading(page, 'Add step 1: Demo Tasks')
    await page.getByLabel('Action').selectOption({ label: 'API request' })
    await page.getByRole('button', { name: 'Choose action' }).click()
    await page.getByText('Under the app’s API address', { exact: false }).waitFor()

    await page
      .getByRole('group', { name: 'Choose a Connection' })
      .getByRole('radio', { name: new RegExp(`^${CONNECTION.replace(/[()]/g, '\\$&')}`) })
      .check()
    await page.getByLabel('Method').fill('POST')
    await page.getByLabel('Path').fill('/tasks')
    await page.getByLabel(/JSON body/).fill('{"name": "{{trigger.title}}", "description": "Created through an API request step"}')
    await page.getByRole('button', { name: 'Add step' }).click()
    await page.getByText('Step added.').waitFor()
    await page.getByText('Step 1: Demo Tasks — API request').waitFor()

    const webhookUrl = await page.getByLabel('Webhook address').inputValue()
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Send Globex the quote' }),
    })
    assert.equal(response.status, 202, `webhook answers 202: ${await response.text()}`)
    const runs = page.getByRole('region', { name: 'Runs' })
    await reloadUntil(page, async () => (await runs.getByText(/Succeeded|Failed/).count()) > 0, { what: 'the run to finish' })
    assert.equal(await runs.getByText('Failed').count(), 0, `the run failed: ${await runs.innerText()}`)
    await runs.getByText('Demo Tasks — API request').first().waitFor()
    await t.screenshot(page, 'api-request-step', { fullPage: true })
    assert.deepEqual(page.problems, [], 'no page errors on the owner pages')
  },
}
