import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { call, form, signUpOwner } from './helpers'
import {
  createWorkflow,
  directConnection,
  fakeWordPressSite,
  finishedRun,
  postStep,
  runWorkflow,
  storeCredentials,
  trigger,
  wordpressViaLink,
} from './workflow-helpers'

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const

function spyOnConsole() {
  const spies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method))
  return () =>
    spies
      .flatMap((spy) => spy.mock.calls)
      .map((args) => args.map((arg) => (typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg)))).join(' '))
      .join('\n')
}

/** Every text column of every run and run step, to prove no credential was recorded. */
async function allRunRecords(): Promise<string> {
  const runs = await env.DB.prepare('SELECT * FROM runs').all()
  const steps = await env.DB.prepare('SELECT * FROM run_steps').all()
  return JSON.stringify([runs.results, steps.results])
}

afterEach(() => vi.restoreAllMocks())

describe('failing steps', () => {
  it('upstream 401, 500 and timeout fail the run with the reason, skip later steps, and never leak credentials', async () => {
    const printed = spyOnConsole()
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const secrets = { refused: 'expired-app-password-401', broken: 'good-boom-app-password', slow: 'good-hang-app-password' }
    const cases = [
      { password: secrets.refused, status: 401, reason: 'WordPress did not accept these credentials.' },
      { password: secrets.broken, status: 500, reason: 'WordPress had a problem (HTTP 500). Try again later.' },
      { password: secrets.slow, status: null, reason: 'WordPress did not answer in time.' },
    ]
    for (const { password, status, reason } of cases) {
      const connectionId = await wordpressViaLink(owner, site, 'good-initial-password')
      // The client's site starts answering differently after the connection was made.
      await storeCredentials(connectionId, { siteUrl: site, username: 'wendy', applicationPassword: password })
      const workflow = await createWorkflow(owner, [postStep(connectionId), postStep(connectionId)])

      const run = await runWorkflow(owner, workflow, { title: 'x' })
      expect(run.status).toBe('failed')
      expect(run.error).toBe(`Step 1 failed: ${reason}`)
      expect(run.steps.map((step) => step.status)).toEqual(['failed', 'skipped'])
      expect(run.steps[0]).toMatchObject({ upstreamStatus: status, error: reason, output: null })
    }

    const records = await allRunRecords()
    const logs = printed()
    for (const secret of [...Object.values(secrets), 'good-initial-password']) {
      expect(records).not.toContain(secret)
      expect(logs).not.toContain(secret)
    }
  })

  it('a connection deleted or rejected after the workflow was built fails its step with a clear message', async () => {
    const owner = await signUpOwner()
    const deleted = await wordpressViaLink(owner, fakeWordPressSite(), 'good-soon-deleted')
    const workflow = await createWorkflow(owner, [postStep(deleted)])
    expect((await call(`/api/v1/connections/${deleted}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    const run = await runWorkflow(owner, workflow)
    expect(run).toMatchObject({ status: 'failed', steps: [{ status: 'failed', upstreamStatus: null }] })
    expect(run.steps[0]!.error).toBe('The connection does not exist or was deleted. Choose another connection for this step.')

    // No flow turns an active connection back to rejected today; a run must still cope if one ever does.
    const rejected = await directConnection(owner, 'demo-tasks', { apiKey: 'demo_correct_key_123' }, 'Demo')
    const tasks = await createWorkflow(owner, [
      { appId: 'demo-tasks', action: 'create-task', connectionId: rejected, input: { name: '{{trigger.title}}' } },
    ])
    expect((await runWorkflow(owner, tasks)).status).toBe('succeeded')
    await env.DB.prepare("UPDATE connections SET status = 'rejected' WHERE id = ?").bind(rejected).run()
    const after = await runWorkflow(owner, tasks)
    expect(after.status).toBe('failed')
    expect(after.steps[0]!.error).toContain('was rejected by the client')
  })

  it('never answers a webhook with a 5xx, even when every upstream fails', async () => {
    const owner = await signUpOwner()
    const connectionId = await wordpressViaLink(owner, fakeWordPressSite(), 'good-initial')
    await storeCredentials(connectionId, { siteUrl: `${env.FAKES_URL}/wp-html/site`, username: 'u', applicationPassword: 'good-but-html' })
    const workflow = await createWorkflow(owner, [postStep(connectionId)])
    const responses = await Promise.all(Array.from({ length: 5 }, () => trigger(workflow.webhookUrl, { title: 'x' })))
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202, 202])
    for (const response of responses) {
      const run = await finishedRun(owner, workflow.id, (await response.json<{ runId: string }>()).runId)
      expect(run.status).toBe('failed')
      expect(run.steps[0]!.error).toContain('web page')
    }
    expect((await call(new URL(workflow.webhookUrl).pathname, form({ a: '1' }))).status).toBe(400)
  })
})
