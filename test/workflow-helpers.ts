import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import worker from '../src/index'
import { expect } from 'vitest'
import type { Credentials } from '../src/apps/types'
import { loadKeyring } from '../src/domain/crypto'
import { sealCredentials } from '../src/services/credentials'
import { call, requestLink, submitViaLink } from './helpers'
import type { PublicRun, PublicWorkflow, StepDefinition } from '../src/domain/shapes'

type Owner = { cookie: string }

/** A WordPress site of its own on the fake, so requests can be told apart from other tests'. */
export function fakeWordPressSite(): string {
  return `${env.FAKES_URL}/wp/${crypto.randomUUID().slice(0, 8)}`
}

/** The owner asks by link; the client submits their site, username and application password. */
export async function wordpressViaLink(
  owner: Owner,
  site: string,
  applicationPassword: string,
  name = 'Client WordPress',
): Promise<string> {
  const link = await requestLink(owner, 'wordpress', { name })
  const submitted = await submitViaLink(link, { siteUrl: site, username: 'wendy', applicationPassword })
  expect(submitted.status).toBe(200)
  return link.connectionId
}

export async function directConnection(
  owner: Owner,
  appId: string,
  credentials: Record<string, string | number>,
  name = 'Direct',
): Promise<string> {
  const response = await call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId, name, via: 'direct', credentials },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json<{ connection: { id: string } }>()).connection.id
}

export function postStep(
  connectionId: string,
  input: Record<string, string> = { title: '{{trigger.title}}', content: 'Body: {{trigger.body}}' },
): StepDefinition {
  return { appId: 'wordpress', action: 'create-post', connectionId, input }
}

export async function createWorkflow(owner: Owner, steps: StepDefinition[], name = 'Publish posts'): Promise<PublicWorkflow> {
  const response = await call('/api/v1/workflows', { method: 'POST', cookie: owner.cookie, json: { name, steps } })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json<{ workflow: PublicWorkflow }>()).workflow
}

export async function trigger(webhookUrl: string, payload: unknown): Promise<Response> {
  return call(new URL(webhookUrl).pathname, { method: 'POST', json: payload })
}

export async function runsOf(owner: Owner, workflowId: string): Promise<PublicRun[]> {
  const response = await call(`/api/v1/workflows/${workflowId}/runs`, { cookie: owner.cookie })
  expect(response.status).toBe(200)
  return (await response.json<{ runs: PublicRun[] }>()).runs
}

let deliveries = 0

/**
 * One delivery of the run's message, as the runs queue would make it (no consumer runs on its own in tests, see
 * vitest.config.ts); `attempts` is the message's own count.
 */
export async function deliverRun(runId: string, attempts = 1, bound: Cloudflare.Env = env) {
  const batch = createMessageBatch('tether-runs', [{ id: `run-msg-${++deliveries}`, timestamp: new Date(), attempts, body: { runId } }])
  const ctx = createExecutionContext()
  await worker.queue(batch, bound)
  return getQueueResult(batch, ctx)
}

/** As if a step's backoff had passed: the next delivery may try it again. */
export async function skipBackoff(runId: string): Promise<void> {
  await env.DB.prepare('UPDATE runs SET next_attempt_at = NULL WHERE id = ?').bind(runId).run()
}

/** Delivers the run's message (skipping backoffs) until the run has finished, as the queue would over time. */
export async function finishedRun(owner: Owner, workflowId: string, runId: string): Promise<PublicRun> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const run = (await runsOf(owner, workflowId)).find((candidate) => candidate.id === runId)
    if (run && run.status !== 'queued' && run.status !== 'running') return run
    await skipBackoff(runId)
    await deliverRun(runId)
  }
  throw new Error(`run ${runId} did not finish`)
}

/** Triggers the workflow and waits for the run; the webhook must answer 202 at once. */
export async function runWorkflow(
  owner: Owner,
  workflow: PublicWorkflow,
  payload: unknown = { title: 'Hello', body: 'World' },
): Promise<PublicRun> {
  const response = await trigger(workflow.webhookUrl, payload)
  expect(response.status).toBe(202)
  const { runId } = await response.json<{ runId: string }>()
  return finishedRun(owner, workflow.id, runId)
}

/** Writes credentials straight into the row, as if they had been stored earlier. */
export async function storeCredentials(connectionId: string, credentials: Credentials): Promise<void> {
  const sealed = await sealCredentials(await loadKeyring(env.ENCRYPTION_KEYS), connectionId, credentials)
  await env.DB.prepare(
    'UPDATE connections SET credentials_blob = ?, credentials_key_version = ?, ' +
      'credentials_revision = credentials_revision + 1 WHERE id = ?',
  )
    .bind(sealed.blob, sealed.keyVersion, connectionId)
    .run()
}

export function basicPasswordOf(authorization: string | undefined): string {
  const decoded = atob((authorization ?? '').replace(/^Basic /, ''))
  return decoded.slice(decoded.indexOf(':') + 1)
}
