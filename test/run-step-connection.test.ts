import { describe, expect, it } from 'vitest'
import { call, getConnection, signUpOwner } from './helpers'
import { page } from './dashboard-helpers'
import { createWorkflow, fakeWordPressSite, postStep, runWorkflow, wordpressViaLink } from './workflow-helpers'

describe('run steps name their connection and account', () => {
  it('records the connection and account each step ran with, in the API and on the workflow page', async () => {
    const owner = await signUpOwner()
    const connectionId = await wordpressViaLink(owner, fakeWordPressSite(), 'good-run-step-password', 'Acme WordPress')
    const { accountLabel } = await getConnection(owner, connectionId)
    expect(accountLabel).toBeTruthy()
    const workflow = await createWorkflow(owner, [postStep(connectionId)])
    const run = await runWorkflow(owner, workflow)
    expect(run.steps).toEqual([
      expect.objectContaining({ status: 'succeeded', connectionId, connectionName: 'Acme WordPress', accountLabel }),
    ])

    const html = await page(`/workflows/${workflow.id}`, owner.cookie)
    expect(html).toContain(`With <a href="/connections/${connectionId}">Acme WordPress</a> · account ${accountLabel}`)
  })

  it('names none for a step whose connection was gone', async () => {
    const owner = await signUpOwner()
    const connectionId = await wordpressViaLink(owner, fakeWordPressSite(), 'good-run-step-password')
    const workflow = await createWorkflow(owner, [postStep(connectionId), postStep(connectionId)])
    expect((await call(`/api/v1/connections/${connectionId}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    const run = await runWorkflow(owner, workflow)
    expect(run.steps.map((step) => [step.status, step.connectionId, step.connectionName, step.accountLabel])).toEqual([
      ['failed', null, null, null],
      ['skipped', null, null, null],
    ])
    expect(await page(`/workflows/${workflow.id}`, owner.cookie)).not.toContain('With <a href="/connections/')
  })
})
