import { describe, expect, it } from 'vitest'
import { API_REQUEST_ACTION } from '../src/apps/api-request'
import { call, signUpOwner } from './helpers'
import { outboundDuring } from './proxy-helpers'
import { createWorkflow, directConnection, runWorkflow } from './workflow-helpers'

const toFake = (request: { path: string }) => request.path.includes('/__echo') || request.path.includes('/__status')

describe('the "API request" workflow action', () => {
  it('is offered for every app, and lists in the builder', async () => {
    const response = await call('/api/v1/apps', { cookie: (await signUpOwner()).cookie })
    const { apps } = await response.json<{ apps: { id: string; actions: { id: string; name: string }[] }[] }>()
    for (const app of apps)
      expect(
        app.actions.map((action) => action.id),
        app.id,
      ).toContain(API_REQUEST_ACTION)
  })

  it('calls any endpoint with templates in method, path, query and body, through the proxy’s forwarding', async () => {
    const owner = await signUpOwner()
    const apiToken = `pk_good_step_${crypto.randomUUID()}`
    const connectionId = await directConnection(owner, 'clickup', { apiToken }, 'Client ClickUp')
    const workflow = await createWorkflow(owner, [
      {
        appId: 'clickup',
        action: API_REQUEST_ACTION,
        connectionId,
        input: {
          method: '{{trigger.verb}}',
          path: '/__echo/api/v2/list/{{trigger.list}}/task',
          query: 'custom_task_ids={{trigger.flag}}',
          body: '{"name": "{{trigger.name}}"}',
        },
      },
    ])
    const { result, requests } = await outboundDuring(
      () => runWorkflow(owner, workflow, { verb: 'post', list: '901', flag: 'true', name: 'Call the client' }),
      toFake,
    )
    const run = result as Awaited<ReturnType<typeof runWorkflow>>
    expect(run.status, JSON.stringify(run)).toBe('succeeded')
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/__echo/api/v2/list/901/task?custom_task_ids=true',
      body: '{"name": "Call the client"}',
    })
    expect(requests[0]!.headers.authorization).toBe(apiToken)
    const recorded = JSON.stringify(run.steps[0])
    expect(recorded).not.toContain(apiToken)
    expect(run.steps[0]).toMatchObject({ status: 'succeeded', upstreamStatus: 200 })
  })

  it('fails the step on an error answer and on a path trick, which sends nothing', async () => {
    const owner = await signUpOwner()
    const connectionId = await directConnection(owner, 'clickup', { apiToken: `pk_good_fail_${crypto.randomUUID()}` })
    const step = (path: string) => ({ appId: 'clickup', action: API_REQUEST_ACTION, connectionId, input: { method: 'GET', path } })
    const failing = await createWorkflow(owner, [step('/__status/500')], 'Upstream down')
    const down = await runWorkflow(owner, failing)
    expect(down.status).toBe('failed')
    expect(down.steps[0]).toMatchObject({ status: 'failed', upstreamStatus: 500 })

    const tricky = await createWorkflow(owner, [step('/{{trigger.where}}/__echo')], 'Tricky')
    const { result, requests } = await outboundDuring(() => runWorkflow(owner, tricky, { where: '..%2F..%2Fadmin' }), toFake)
    expect((result as Awaited<ReturnType<typeof runWorkflow>>).status).toBe('failed')
    expect(requests).toEqual([])
  })
})
