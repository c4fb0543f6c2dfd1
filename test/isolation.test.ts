import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { toHex, utf8 } from '../src/domain/encoding'
import { call, DEMO_KEY, form, requestLink, signUpOwner, submitViaLink, rejectViaLink } from './helpers'
import { createWorkflow, runWorkflow } from './workflow-helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

/** Everything of B's, in every table, hashed: any change an attempt by A made would show. */
async function checksumOf(owner: Owner): Promise<string> {
  const inWorkspace = (table: string, where = 'workspace_id = ?') =>
    [table, `SELECT * FROM ${table} WHERE ${where}`, owner.workspaceId] as const
  const queries: (readonly [string, string, string])[] = [
    ['users', 'SELECT * FROM users WHERE id = ?', owner.userId],
    ['sessions', 'SELECT * FROM sessions WHERE user_id = ?', owner.userId],
    ['api_tokens', 'SELECT * FROM api_tokens WHERE user_id = ?', owner.userId],
    inWorkspace('connections'),
    inWorkspace('links'),
    inWorkspace('events'),
    inWorkspace('oauth_states', 'link_id IN (SELECT id FROM links WHERE workspace_id = ?1) OR workspace_id = ?1'),
    inWorkspace('workflows'),
    inWorkspace('workflow_steps', 'workflow_id IN (SELECT id FROM workflows WHERE workspace_id = ?)'),
    inWorkspace('runs'),
    inWorkspace('run_steps', 'run_id IN (SELECT id FROM runs WHERE workspace_id = ?)'),
  ]
  const parts: string[] = []
  for (const [table, sql, param] of queries) {
    const rows = await env.DB.prepare(`${sql} ORDER BY 1`).bind(param).all()
    parts.push(`${table}:${JSON.stringify(rows.results)}`)
  }
  const snapshots = await env.LINKS.list({ prefix: 'link:' })
  for (const key of snapshots.keys) {
    const value = await env.LINKS.get(key.name)
    if (value?.includes(owner.workspaceId)) parts.push(`${key.name}=${value}`)
  }
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(parts.join('\n')))))
}

/** B's workspace with one of everything: pending, active (with an open refresh link) and rejected connections, a workflow and a run. */
async function populate(owner: Owner, workflowName: string) {
  const pending = await requestLink(owner)
  const active = await requestLink(owner)
  expect((await submitViaLink(active, { apiKey: DEMO_KEY })).status).toBe(200)
  expect((await call(`/api/v1/connections/${active.connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} })).status).toBe(
    201,
  )
  const rejected = await requestLink(owner)
  expect((await rejectViaLink(rejected)).status).toBe(200)
  const workflow = await createWorkflow(
    owner,
    [{ appId: 'demo-tasks', action: 'create-task', connectionId: active.connectionId, input: { name: 'Task {{trigger.title}}' } }],
    workflowName,
  )
  const run = await runWorkflow(owner, workflow)
  expect(run.status).toBe('succeeded')
  const token = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: `${workflowName} token` } })
  expect(token.status).toBe(201)
  const tokenId = (await token.json<{ id: string }>()).id
  return {
    connectionIds: [pending.connectionId, active.connectionId, rejected.connectionId],
    workflowId: workflow.id,
    tokenId,
    runId: run.id,
  }
}

describe('workspace isolation', () => {
  it("A gets 404 on every route for B's connections, links, workflows, runs, events, API tokens; changes nothing", async () => {
    const a = await signUpOwner('Alice')
    const b = await signUpOwner('Bob')
    const mine = await populate(a, 'A flow')
    const theirs = await populate(b, 'B flow')
    const before = await checksumOf(b)
    const wf = theirs.workflowId
    const attempts: [string, string, { json?: unknown; form?: Record<string, string> }?][] = [
      ['GET', `/api/v1/workflows/${wf}`],
      ['PUT', `/api/v1/workflows/${wf}`, { json: { name: 'Taken', steps: [] } }],
      ['DELETE', `/api/v1/workflows/${wf}`],
      ['GET', `/api/v1/workflows/${wf}/runs`],
      ['POST', `/api/v1/workflows/${wf}/webhook/rotate`],
      ['POST', `/api/v1/workflows/${wf}/webhook/secret`],
      ['DELETE', `/api/v1/workflows/${wf}/webhook/secret`],
      ['POST', `/workflows/${wf}/webhook/rotate`, { form: {} }],
      ['POST', `/workflows/${wf}/webhook/secret`, { form: {} }],
      ['POST', `/workflows/${wf}/webhook/secret/delete`, { form: {} }],
      ['GET', `/workflows/${wf}`],
      ['GET', `/workflows/${wf}/delete`],
      ['POST', `/workflows/${wf}/delete`, { form: {} }],
      ['POST', `/workflows/${wf}/rename`, { form: { name: 'Taken' } }],
      ['GET', `/workflows/${wf}/steps/new`],
      ['GET', `/workflows/${wf}/steps/new/demo-tasks?action=create-task`],
      [
        'POST',
        `/workflows/${wf}/steps`,
        { form: { appId: 'demo-tasks', action: 'create-task', connectionId: mine.connectionIds[1]!, name: 'x' } },
      ],
      ['GET', `/workflows/${wf}/steps/1/edit`],
      ['POST', `/workflows/${wf}/steps/1`, { form: { name: 'x' } }],
      ['POST', `/workflows/${wf}/steps/1/move`, { form: { direction: 'down' } }],
      ['POST', `/workflows/${wf}/steps/1/delete`, { form: {} }],
      ['POST', `/api/v1/runs/${theirs.runId}/retry`],
      ['POST', `/workflows/${wf}/runs`, { form: { payload: '{}' } }],
      ['POST', `/workflows/${wf}/runs/${theirs.runId}/retry`, { form: {} }],
      ['POST', `/workflows/${mine.workflowId}/runs/${theirs.runId}/retry`, { form: {} }],
      ['DELETE', `/api/v1/tokens/${theirs.tokenId}`],
      ['POST', `/settings/tokens/${theirs.tokenId}/revoke`, { form: {} }],
    ]
    for (const id of theirs.connectionIds) {
      attempts.push(
        ['GET', `/api/v1/connections/${id}`],
        ['PUT', `/api/v1/connections/${id}/credentials`, { json: { credentials: { apiKey: DEMO_KEY } } }],
        ['GET', `/api/v1/connections/${id}/link`],
        ['POST', `/api/v1/connections/${id}/link`, { json: {} }],
        ['DELETE', `/api/v1/connections/${id}/link`],
        ['GET', `/api/v1/connections/${id}/events`],
        ['DELETE', `/api/v1/connections/${id}`],
        ['GET', `/connections/${id}`],
        ['GET', `/connections/${id}/link`],
        ['POST', `/connections/${id}/link`, { form: { expiresInMinutes: '60' } }],
        ['POST', `/connections/${id}/revoke`, { form: {} }],
        ['POST', `/connections/${id}/credentials`, { form: { apiKey: DEMO_KEY } }],
        ['POST', `/connections/${id}/oauth`, { form: {} }],
        ['GET', `/connections/${id}/delete`],
        ['POST', `/connections/${id}/delete`, { form: {} }],
      )
    }
    for (const [method, path, body] of attempts) {
      const response = await call(path, {
        method,
        cookie: a.cookie,
        ...(body?.json !== undefined ? { json: body.json } : {}),
        ...(body?.form ? form(body.form) : {}),
      })
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 })
      expect(await response.text()).not.toContain('Bob')
    }
    console.log(
      `[figure] isolation: ${attempts.length} cross-tenant requests on ${theirs.connectionIds.length} connections, ` +
        "1 workflow and its runs, 1 API token → all 404; B's rows unchanged",
    )

    // A cannot point a workflow of their own at B's connection: answered exactly as for an id that never existed.
    const step = (connectionId: string) => ({
      name: 'Borrow',
      steps: [{ appId: 'demo-tasks', action: 'create-task', connectionId, input: { name: 'x' } }],
    })
    const borrowed = await call('/api/v1/workflows', { method: 'POST', cookie: a.cookie, json: step(theirs.connectionIds[1]!) })
    const missing = await call('/api/v1/workflows', { method: 'POST', cookie: a.cookie, json: step('no-such-connection-id') })
    expect(borrowed.status).toBe(422)
    expect(await borrowed.text()).toBe((await missing.text()).replaceAll('no-such-connection-id', theirs.connectionIds[1]!))

    // Lists show A's own things only.
    for (const path of ['/api/v1/connections', '/api/v1/workflows', '/api/v1/tokens', '/connections', '/workflows', '/settings']) {
      const text = await (await call(path, { cookie: a.cookie })).text()
      for (const id of [...theirs.connectionIds, theirs.workflowId, theirs.tokenId])
        expect({ path, leaks: text.includes(id) }).toEqual({ path, leaks: false })
      expect(text).not.toContain('B flow')
    }
    expect(await checksumOf(b)).toBe(before)
    // B still has everything.
    expect((await call(`/api/v1/workflows/${wf}`, { cookie: b.cookie })).status).toBe(200)
    for (const id of theirs.connectionIds) expect((await call(`/api/v1/connections/${id}`, { cookie: b.cookie })).status).toBe(200)
    // Some 90 requests and two workspaces: more than the default 5 s on a loaded machine.
  }, 30_000)

  it('refuses anonymous and bad-token API calls with 401', async () => {
    expect((await call('/api/v1/connections')).status).toBe(401)
    const bad = await call('/api/v1/connections', { bearer: 'tth_nope' })
    expect(bad.status).toBe(401)
    expect(await bad.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } })
    expect((await call('/api/v1/workflows')).status).toBe(401)
  })
})
