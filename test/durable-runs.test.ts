import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../src/index'
import { findWorkflow } from '../src/db/workflows'
import { edgeOf } from '../src/http/deps'
import { depsFromEnv } from '../src/services/deps'
import { DEAD_LETTERED } from '../src/services/workflows/consume-runs'
import { startRun } from '../src/services/workflows/runs'
import { failureOf, requestsSince } from './app-calls'
import { fakeCursor } from './fake-requests'
import { call, ORIGIN, signUpOwner } from './helpers'
import {
  createWorkflow,
  deliverRun,
  fakeWordPressSite,
  finishedRun,
  postStep,
  runsOf,
  skipBackoff,
  trigger,
  wordpressViaLink,
} from './workflow-helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

const postsTo = (site: string) => (request: { method: string; path: string }) =>
  request.method === 'POST' && request.path === `${new URL(site).pathname}/wp-json/wp/v2/posts`

/** A WordPress site on the fake that first answers `answers` (e.g. '500,500'), then works. */
const flakySite = (answers: string) => `${env.FAKES_URL}/wp-flaky/${answers}/${crypto.randomUUID()}`

async function queuedRun(owner: Owner, sites: string[], payload: unknown = { title: 'Hello' }, attempts?: number) {
  const steps = []
  for (const site of sites) {
    const connectionId = await wordpressViaLink(owner, site, 'good-durable-password')
    steps.push({ ...postStep(connectionId, { title: '{{trigger.title}}', content: site }), attempts })
  }
  const workflow = await createWorkflow(owner, steps)
  const response = await trigger(workflow.webhookUrl, payload)
  expect(response.status).toBe(202)
  const { runId } = await response.json<{ runId: string }>()
  return { workflow, runId }
}

async function runOf(owner: Owner, workflowId: string, runId: string) {
  return (await runsOf(owner, workflowId)).find((run) => run.id === runId)!
}

// Each test signs up, connects WordPress through a link and drives several deliveries: roomy on a loaded machine.
describe('durable runs on the runs queue', { timeout: 30_000 }, () => {
  it('answers 202 with the run queued and its payload sealed; nothing runs before the queue delivers it', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const cursor = await fakeCursor()
    const { workflow, runId } = await queuedRun(owner, [site], { title: 'Sealed secret title' })
    expect(await runOf(owner, workflow.id, runId)).toMatchObject({ status: 'queued', steps: [], retryable: true, retryOf: null })
    expect(await requestsSince(cursor, postsTo(site))).toEqual([])
    const row = await env.DB.prepare('SELECT trigger_blob, trigger_key_version FROM runs WHERE id = ?')
      .bind(runId)
      .first<{ trigger_blob: string; trigger_key_version: string }>()
    expect(row!.trigger_key_version).toBe('k2')
    expect(row!.trigger_blob).not.toContain('Sealed secret title')
    expect(atob(row!.trigger_blob.replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('Sealed secret title')

    const result = await deliverRun(runId)
    expect(result.explicitAcks).toHaveLength(1)
    expect(await runOf(owner, workflow.id, runId)).toMatchObject({ status: 'succeeded', steps: [{ status: 'succeeded', attempts: 1 }] })
  })

  it('a flaky upstream (500, 500, 201): the step succeeds on its third try, and redeliveries never repeat step 1', async () => {
    const owner = await signUpOwner()
    const steady = fakeWordPressSite()
    const flaky = flakySite('500,500')
    const cursor = await fakeCursor()
    const { workflow, runId } = await queuedRun(owner, [steady, flaky])

    // The same message, delivered again after each backoff (at-least-once), as the queue would.
    const message = { id: 'the-one-message', timestamp: new Date(), body: { runId } }
    for (const attempts of [1, 2, 3]) {
      const batch = createMessageBatch('tether-runs', [{ ...message, attempts }])
      const ctx = createExecutionContext()
      await worker.queue(batch, env)
      expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['the-one-message'])
      if (attempts < 3) {
        const waiting = await runOf(owner, workflow.id, runId)
        expect(waiting).toMatchObject({ status: 'running', finishedAt: null })
        expect(waiting.steps.map((step) => step.position)).toEqual([1])
        await skipBackoff(runId)
      }
    }

    expect(await requestsSince(cursor, postsTo(steady))).toHaveLength(1)
    expect(await requestsSince(cursor, postsTo(flaky))).toHaveLength(3)
    const run = await runOf(owner, workflow.id, runId)
    expect(run).toMatchObject({ status: 'succeeded', error: null })
    expect(run.steps.map((step) => [step.position, step.status, step.upstreamStatus, step.attempts])).toEqual([
      [1, 'succeeded', 201, 1],
      [2, 'succeeded', 201, 3],
    ])
  })

  it('waits out the backoff: a copy of the message arriving early is put back, and calls nothing', async () => {
    const owner = await signUpOwner()
    const flaky = flakySite('503')
    const { workflow, runId } = await queuedRun(owner, [flaky])
    await deliverRun(runId)
    const cursor = await fakeCursor()
    const early = await deliverRun(runId)
    expect(early.retryMessages).toHaveLength(1)
    expect(await requestsSince(cursor, postsTo(flaky))).toEqual([])
    expect(await finishedRun(owner, workflow.id, runId)).toMatchObject({ status: 'succeeded', steps: [{ attempts: 2 }] })
  })

  it('retries timeouts and 429 too, but never another 4xx', async () => {
    const owner = await signUpOwner()
    const slow = await queuedRun(owner, [flakySite('hang,429')])
    expect(await finishedRun(owner, slow.workflow.id, slow.runId)).toMatchObject({ status: 'succeeded', steps: [{ attempts: 3 }] })

    const refused = flakySite('404')
    const cursor = await fakeCursor()
    const failed = await queuedRun(owner, [refused, fakeWordPressSite()])
    const run = await finishedRun(owner, failed.workflow.id, failed.runId)
    expect(await requestsSince(cursor, postsTo(refused))).toHaveLength(1)
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Step 1 failed: /) })
    expect(run.steps.map((step) => [step.status, step.upstreamStatus, step.attempts])).toEqual([
      ['failed', 404, 1],
      ['skipped', null, 0],
    ])
  })

  it('gives up after the step’s own number of tries, and says so', async () => {
    const owner = await signUpOwner()
    const flaky = flakySite('500,500,500')
    const cursor = await fakeCursor()
    const { workflow, runId } = await queuedRun(owner, [flaky], { title: 'x' }, 2)
    const run = await finishedRun(owner, workflow.id, runId)
    expect(await requestsSince(cursor, postsTo(flaky))).toHaveLength(2)
    expect(run).toMatchObject({ status: 'failed', steps: [{ status: 'failed', upstreamStatus: 500, attempts: 2 }] })
  })

  it('two deliveries never run a step at once: while one holds the claim, the other is put back and calls nothing', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const { workflow, runId } = await queuedRun(owner, [site])
    await env.DB.prepare("UPDATE runs SET claim_id = 'other-delivery', claimed_until = ? WHERE id = ?")
      .bind(Date.now() + 60_000, runId)
      .run()
    const cursor = await fakeCursor()
    const busy = await deliverRun(runId)
    expect(busy.retryMessages).toHaveLength(1)
    expect(busy.explicitAcks).toEqual([])
    expect(await requestsSince(cursor, postsTo(site))).toEqual([])

    // Both at once: whatever the order, the step runs once.
    await env.DB.prepare('UPDATE runs SET claim_id = NULL, claimed_until = NULL WHERE id = ?').bind(runId).run()
    await Promise.all([deliverRun(runId), deliverRun(runId)])
    expect(await requestsSince(cursor, postsTo(site))).toHaveLength(1)
    expect(await runOf(owner, workflow.id, runId)).toMatchObject({ status: 'succeeded', steps: [{ attempts: 1 }] })
  })

  it('a claim whose holder died (its lease ran out) is taken over, from the last checkpoint', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const { workflow, runId } = await queuedRun(owner, [site])
    await env.DB.prepare("UPDATE runs SET status = 'running', claim_id = 'dead-delivery', claimed_until = ? WHERE id = ?")
      .bind(Date.now() - 1, runId)
      .run()
    expect(await finishedRun(owner, workflow.id, runId)).toMatchObject({ status: 'succeeded' })
  })

  it('a message the consumer cannot handle is retried; once dead-lettered, the run shows as failed with the reason', async () => {
    const owner = await signUpOwner()
    const { workflow, runId } = await queuedRun(owner, [fakeWordPressSite()])
    // A payload that no longer opens: the consumer throws, and the queue is asked to deliver the message again.
    await env.DB.prepare("UPDATE runs SET trigger_blob = 'AAAA' WHERE id = ?").bind(runId).run()
    const failing = await deliverRun(runId)
    expect(failing.retryMessages).toHaveLength(1)
    expect(await runOf(owner, workflow.id, runId)).toMatchObject({ status: 'running' })

    const batch = createMessageBatch('tether-runs-dlq', [{ id: 'dead', timestamp: new Date(), attempts: 1, body: { runId } }])
    const ctx = createExecutionContext()
    await worker.queue(batch, env)
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['dead'])
    expect(await runOf(owner, workflow.id, runId)).toMatchObject({ status: 'failed', error: DEAD_LETTERED, finishedAt: expect.any(String) })
  })

  it('when the queue refuses the run: 503, the run recorded as failed with why, and no step ran', async () => {
    const owner = await signUpOwner()
    const site = fakeWordPressSite()
    const connectionId = await wordpressViaLink(owner, site, 'good-durable-password')
    const workflow = await createWorkflow(owner, [postStep(connectionId)])
    const refusing = {
      ...env,
      RUNS: {
        send: async () => {
          throw new Error('Queue send failed: Too Many Requests')
        },
      } as unknown as Queue,
    }
    const deps = depsFromEnv(refusing, ORIGIN, edgeOf(env))
    const found = await findWorkflow(deps.db, owner.workspaceId, workflow.id)
    const error = await failureOf(startRun(deps, found!, { title: 'x' }, Date.now()))
    expect([error.code, error.status]).toEqual(['queue_unavailable', 503])
    const [run] = await runsOf(owner, workflow.id)
    expect(run).toMatchObject({ status: 'failed', steps: [], error: expect.stringContaining('could not queue this run') })
  })
})

describe('POST /api/v1/runs/:id/retry', { timeout: 30_000 }, () => {
  it('runs the workflow again with the stored payload; the new run points back at the one it retried', async () => {
    const owner = await signUpOwner()
    const refused = flakySite('404')
    const { workflow, runId } = await queuedRun(owner, [refused], { title: 'Kept for the retry' })
    expect(await finishedRun(owner, workflow.id, runId)).toMatchObject({ status: 'failed' })

    const cursor = await fakeCursor()
    const response = await call(`/api/v1/runs/${runId}/retry`, { method: 'POST', cookie: owner.cookie })
    expect(response.status).toBe(202)
    const retried = (await response.json<{ runId: string }>()).runId
    expect(retried).not.toBe(runId)
    const run = await finishedRun(owner, workflow.id, retried)
    expect(run).toMatchObject({ status: 'succeeded', retryOf: runId })
    const [post] = await requestsSince(cursor, postsTo(refused))
    expect(JSON.parse(post!.body)).toMatchObject({ title: 'Kept for the retry' })
    expect(await runOf(owner, workflow.id, runId)).toMatchObject({ status: 'failed' })
  })

  it('refuses a run that has not finished (409), one from before stored payloads (409), and another owner’s (404)', async () => {
    const owner = await signUpOwner()
    const { workflow, runId } = await queuedRun(owner, [fakeWordPressSite()])
    const retry = (id: string, cookie = owner.cookie) => call(`/api/v1/runs/${id}/retry`, { method: 'POST', cookie })
    expect((await retry(runId)).status).toBe(409)
    await env.DB.prepare(
      "INSERT INTO runs (id, workflow_id, workspace_id, status, started_at, finished_at) VALUES ('legacy-run', ?, ?, 'failed', 1, 2)",
    )
      .bind(workflow.id, owner.workspaceId)
      .run()
    expect((await retry('legacy-run')).status).toBe(409)
    await finishedRun(owner, workflow.id, runId)
    const other = await signUpOwner('Other Owner')
    const refused = await retry(runId, other.cookie)
    expect(refused.status).toBe(404)
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe('not_found')
  })
})
