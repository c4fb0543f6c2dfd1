import { describe, expect, it } from 'vitest'
import { call, signUpOwner } from './helpers'
import { createWorkflow, directConnection, runWorkflow } from './workflow-helpers'

// Tests run with UPSTREAM_TIMEOUT_MS = 400 (vitest.config.ts); the fake's list `slow-<ms>` answers that much later.
const slowTask = (connectionId: string, extra: Record<string, unknown> = {}) => ({
  appId: 'clickup',
  action: 'create-task',
  connectionId,
  input: { listId: 'slow-900', name: '{{trigger.title}}' },
  attempts: 1,
  ...extra,
})

describe('a workflow step’s own timeout', () => {
  it('lets one step wait longer than the deployment’s upstream timeout; the others keep it', async () => {
    const owner = await signUpOwner()
    const connectionId = await directConnection(owner, 'clickup', { apiToken: `pk_good_timeout_${crypto.randomUUID()}` })

    const patient = await createWorkflow(owner, [slowTask(connectionId, { timeoutSeconds: 5 })])
    expect(patient.steps[0]).toMatchObject({ attempts: 1, timeoutSeconds: 5 })
    const waited = await runWorkflow(owner, patient)
    expect(waited).toMatchObject({ status: 'succeeded', steps: [{ status: 'succeeded', upstreamStatus: 200 }] })

    const hasty = await createWorkflow(owner, [slowTask(connectionId)])
    expect(hasty.steps[0]).toMatchObject({ timeoutSeconds: null })
    const cut = await runWorkflow(owner, hasty)
    expect(cut).toMatchObject({
      status: 'failed',
      steps: [{ status: 'failed', upstreamStatus: null, error: 'ClickUp did not answer in time.' }],
    })
  })

  it('is at most five minutes, so a step ends within a queue delivery’s 15 minutes', async () => {
    const owner = await signUpOwner()
    const connectionId = await directConnection(owner, 'clickup', { apiToken: `pk_good_timeout_max_${crypto.randomUUID()}` })
    for (const timeoutSeconds of [0, 301, 1.5]) {
      const response = await call('/api/v1/workflows', {
        method: 'POST',
        cookie: owner.cookie,
        json: { name: 'Too long', steps: [slowTask(connectionId, { timeoutSeconds })] },
      })
      expect(response.status, String(timeoutSeconds)).toBe(400)
    }
  })
})
