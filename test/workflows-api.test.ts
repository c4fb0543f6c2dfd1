import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, rejectViaLink, requestLink, signUpOwner } from './helpers'
import { createWorkflow, fakeWordPressSite, finishedRun, postStep, runsOf, trigger, wordpressViaLink } from './workflow-helpers'

async function post(owner: { cookie: string }, body: unknown) {
  return call('/api/v1/workflows', { method: 'POST', cookie: owner.cookie, json: body })
}

async function errorOf(response: Response) {
  return (await response.json<{ error: { code: string; message: string; issues?: { path: string }[] } }>()).error
}

describe('workflows API', () => {
  it('refuses a step on a pending or rejected connection with 422 connection_not_ready', async () => {
    const owner = await signUpOwner()
    const pending = await requestLink(owner, 'wordpress', { name: 'Waiting WP' })
    const rejected = await requestLink(owner, 'wordpress', { name: 'Declined WP' })
    expect((await rejectViaLink(rejected)).status).toBe(200)

    for (const [connection, word] of [
      [pending, 'pending'],
      [rejected, 'rejected'],
    ] as const) {
      const response = await post(owner, { name: 'Not ready', steps: [postStep(connection.connectionId)] })
      expect(response.status).toBe(422)
      const error = await errorOf(response)
      expect(error.code).toBe('connection_not_ready')
      expect(error.message).toContain(word)
    }
    const missing = await post(owner, { name: 'Gone', steps: [postStep('no-such-connection')] })
    expect(missing.status).toBe(422)
    expect((await errorOf(missing)).code).toBe('connection_not_ready')
    expect((await (await call('/api/v1/workflows', { cookie: owner.cookie })).json<{ workflows: unknown[] }>()).workflows).toEqual([])
  })

  it('refuses unknown apps and actions, a connection of another app, bad input and unknown keys with 400', async () => {
    const owner = await signUpOwner()
    const wp = await wordpressViaLink(owner, fakeWordPressSite(), 'good-validation-pw')
    const cases: [unknown, string][] = [
      [{ name: 'x', steps: [{ ...postStep(wp), appId: 'myspace' }] }, 'steps.0.appId'],
      [{ name: 'x', steps: [{ ...postStep(wp), action: 'delete-site' }] }, 'steps.0.action'],
      [
        { name: 'x', steps: [{ ...postStep(wp), appId: 'demo-tasks', action: 'create-task', input: { name: 'n' } }] },
        'steps.0.connectionId',
      ],
      [{ name: 'x', steps: [postStep(wp, { title: 'only a title' })] }, 'steps.0.input.content'],
      [{ name: 'x', steps: [postStep(wp, { title: 't', content: 'c', color: 'red' })] }, 'steps.0.input.color'],
      [{ name: 'x', steps: [postStep(wp, { title: '{{steps.1.id}}', content: 'c' })] }, 'steps.0.input.title'],
      [{ name: 'x', steps: [postStep(wp, { title: '{{ eval(1) }}', content: 'c' })] }, 'steps.0.input.title'],
      [{ name: '', steps: [] }, 'name'],
      [{ name: 'x', steps: [], extra: true }, ''],
    ]
    for (const [body, path] of cases) {
      const response = await post(owner, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      const error = await errorOf(response)
      expect(error.code).toBe('invalid_request')
      if (path) expect(error.issues?.map((issue) => issue.path)).toContain(path)
    }
  })

  it('creates, reads, lists, updates and deletes a workflow; the webhook URL survives updates', async () => {
    const owner = await signUpOwner()
    const wp = await wordpressViaLink(owner, fakeWordPressSite(), 'good-crud-password')
    const created = await createWorkflow(owner, [postStep(wp)], 'First name')
    expect(created).toMatchObject({
      name: 'First name',
      steps: [{ position: 1, appId: 'wordpress', action: 'create-post', connectionId: wp }],
    })

    const read = await (await call(`/api/v1/workflows/${created.id}`, { cookie: owner.cookie })).json<{ workflow: unknown }>()
    expect(read.workflow).toEqual(created)
    const list = await (await call('/api/v1/workflows', { cookie: owner.cookie })).json<{ workflows: { id: string }[] }>()
    expect(list.workflows.map((workflow) => workflow.id)).toEqual([created.id])

    const updated = await call(`/api/v1/workflows/${created.id}`, {
      method: 'PUT',
      cookie: owner.cookie,
      json: { name: 'Renamed', steps: [postStep(wp), postStep(wp, { title: 'Again {{steps.1.postId}}', content: 'x' })] },
    })
    expect(updated.status).toBe(200)
    const { workflow } = await updated.json<{ workflow: { name: string; webhookUrl: string; steps: unknown[] } }>()
    expect(workflow).toMatchObject({ name: 'Renamed', webhookUrl: created.webhookUrl })
    expect(workflow.steps).toHaveLength(2)

    const run = await trigger(created.webhookUrl, {})
    expect(run.status).toBe(202)
    expect((await call(`/api/v1/workflows/${created.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    expect((await call(`/api/v1/workflows/${created.id}`, { cookie: owner.cookie })).status).toBe(404)
    expect((await call(`/api/v1/workflows/${created.id}/runs`, { cookie: owner.cookie })).status).toBe(404)
    const gone = await trigger(created.webhookUrl, {})
    expect(gone.status).toBe(404)
    expect((await errorOf(gone)).code).toBe('not_found')
  })

  it('keeps workflows inside their workspace', async () => {
    const owner = await signUpOwner()
    const other = await signUpOwner('Mallory')
    const wp = await wordpressViaLink(owner, fakeWordPressSite(), 'good-isolated-pw')
    const workflow = await createWorkflow(owner, [postStep(wp)])
    for (const [method, path] of [
      ['GET', ''],
      ['PUT', ''],
      ['DELETE', ''],
      ['GET', '/runs'],
    ] as const) {
      const response = await call(`/api/v1/workflows/${workflow.id}${path}`, {
        method,
        cookie: other.cookie,
        json: method === 'PUT' ? { name: 'x', steps: [] } : undefined,
      })
      expect(response.status).toBe(404)
    }
    // Another workspace's connection is as good as missing.
    expect((await post(other, { name: 'steal', steps: [postStep(wp)] })).status).toBe(422)
    expect((await call('/api/v1/workflows', {})).status).toBe(401)
  })

  it('stores the webhook token only as a hash and a sealed blob', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [])
    const token = new URL(workflow.webhookUrl).pathname.split('/').pop()!
    const row = await env.DB.prepare('SELECT * FROM workflows WHERE id = ?').bind(workflow.id).first<Record<string, unknown>>()
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row!.webhook_token_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('the webhook answers 202 for any JSON, 400 for broken JSON, 413 beyond 64 KB, 404 for unknown tokens', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [])
    const path = new URL(workflow.webhookUrl).pathname
    const runIds: string[] = []
    for (const body of ['[1,2,3]', '"just a string"', '{"a":{"b":null}}', '']) {
      const response = await call(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
      expect(response.status, body).toBe(202)
      runIds.push((await response.json<{ runId: string }>()).runId)
    }
    const broken = await call(path, { method: 'POST', body: '{"title": "unterminated', headers: { 'content-type': 'application/json' } })
    expect(broken.status).toBe(400)
    expect((await errorOf(broken)).code).toBe('invalid_request')
    const huge = await call(path, { method: 'POST', json: { text: 'x'.repeat(70 * 1024) } })
    expect(huge.status).toBe(413)
    for (const unknown of ['/hooks/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/hooks/short']) {
      const response = await call(unknown, { method: 'POST', json: {} })
      expect(response.status).toBe(404)
      expect((await errorOf(response)).code).toBe('not_found')
    }
    // A workflow without steps runs and succeeds.
    for (const runId of runIds) expect(await finishedRun(owner, workflow.id, runId)).toMatchObject({ status: 'succeeded', steps: [] })
    expect((await runsOf(owner, workflow.id)).map((run) => run.id).sort()).toEqual([...runIds].sort())
  })
})
