import { env } from 'cloudflare:workers'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { windowStartOf } from '../src/domain/rate-limit'
import { WEBHOOK_PER_WORKFLOW } from '../src/services/rate-limits'
import type { PublicWorkflow } from '../src/domain/shapes'
import { call, signUpOwner } from './helpers'
import { createWorkflow } from './workflow-helpers'

// Fixed windows follow the wall clock: frozen just after a minute began, every burst below falls in one window.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: windowStartOf(Date.now(), WEBHOOK_PER_WORKFLOW.windowMs) + 1_000 })
})
afterAll(() => {
  vi.useRealTimers()
})

type Owner = { cookie: string }
const MINUTE = 60_000

function hook(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return call(new URL(url).pathname, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })
}

/** Signed by the reference implementation, not by our own code. */
function signed(secret: string, body: string, at = new Date(), id = `msg_${crypto.randomUUID()}`): Record<string, string> {
  const signature = new Webhook(secret).sign(id, at, body)
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature }
}

async function runCount(workflowId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM runs WHERE workflow_id = ?').bind(workflowId).first<{ n: number }>()
  return row?.n ?? 0
}

async function api<T>(owner: Owner, method: string, path: string): Promise<{ response: Response; body: T }> {
  const response = await call(path, { method, cookie: owner.cookie })
  return { response, body: (await response.clone().json()) as T }
}

async function errorCode(response: Response): Promise<string> {
  return (await response.json<{ error: { code: string } }>()).error.code
}

describe('rotating the webhook URL', () => {
  it('gives a new URL that works; the old one is 404 at once, like a token that never existed', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [], 'Rotate me')
    expect((await hook(workflow.webhookUrl, '{}')).status).toBe(202)
    const rotated = await api<{ workflow: PublicWorkflow }>(owner, 'POST', `/api/v1/workflows/${workflow.id}/webhook/rotate`)
    expect(rotated.response.status).toBe(200)
    const { webhookUrl } = rotated.body.workflow
    expect(webhookUrl).not.toBe(workflow.webhookUrl)
    const old = await hook(workflow.webhookUrl, '{}')
    expect(old.status).toBe(404)
    expect(await old.json()).toEqual(await (await hook(`${new URL(webhookUrl).origin}/hooks/${'x'.repeat(32)}`, '{}')).json())
    expect((await hook(webhookUrl, '{}')).status).toBe(202)
    const shown = await api<{ workflow: PublicWorkflow }>(owner, 'GET', `/api/v1/workflows/${workflow.id}`)
    expect(shown.body.workflow.webhookUrl).toBe(webhookUrl)
  })
})

describe('signed triggers (Standard Webhooks)', () => {
  it('with a secret, accepts only triggers signed with it by the standardwebhooks package; 401 otherwise, and no run', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [], 'Signed')
    expect(workflow.webhookSigning).toBe(false)
    const created = await api<{ workflow: PublicWorkflow; secret: string }>(
      owner,
      'POST',
      `/api/v1/workflows/${workflow.id}/webhook/secret`,
    )
    expect(created.response.status).toBe(200)
    expect(created.response.headers.get('cache-control')).toBe('no-store')
    const { secret } = created.body
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(created.body.workflow.webhookSigning).toBe(true)
    const shown = await api<Record<string, unknown>>(owner, 'GET', `/api/v1/workflows/${workflow.id}`)
    expect(JSON.stringify(shown.body)).not.toContain(secret.slice(6))

    const body = '{"title":"Signed hello","n":1}'
    const accepted = await hook(workflow.webhookUrl, body, signed(secret, body))
    expect(accepted.status).toBe(202)
    // Several signatures, one valid (as during the sender's own key rotation).
    const several = signed(secret, body)
    const other = signed(`whsec_${btoa('another key of 24 bytes!')}`, body, new Date(), several['webhook-id'])
    several['webhook-signature'] = `${other['webhook-signature']} ${several['webhook-signature']}`
    expect((await hook(workflow.webhookUrl, body, several)).status).toBe(202)
    expect(await runCount(workflow.id)).toBe(2)

    const tampered = signed(secret, body)
    const old = signed(secret, body, new Date(Date.now() - 6 * MINUTE))
    const future = signed(secret, body, new Date(Date.now() + 6 * MINUTE))
    const { 'webhook-signature': _, ...unsigned } = signed(secret, body)
    const refused: [string, string, Record<string, string>][] = [
      ['tampered body', body.replace('hello', 'HELLO'), tampered],
      ['whitespace added', `${body} `, signed(secret, body)],
      ['6 minutes old', body, old],
      ['6 minutes ahead', body, future],
      ['no signature header', body, unsigned],
      ['no headers at all', body, {}],
      ['wrong secret', body, signed(`whsec_${btoa('a different secret here!!')}`, body)],
      [
        'v2 label',
        body,
        { ...signed(secret, body), 'webhook-signature': signed(secret, body)['webhook-signature']!.replace('v1,', 'v2,') },
      ],
    ]
    for (const [label, sentBody, headers] of refused) {
      const response = await hook(workflow.webhookUrl, sentBody, headers)
      expect(response.status, label).toBe(401)
      expect(await errorCode(response), label).toBe('invalid_signature')
    }
    expect(await runCount(workflow.id)).toBe(2)

    // A replaced secret stops working at once; removing it lets unsigned triggers in again.
    const replaced = await api<{ secret: string }>(owner, 'POST', `/api/v1/workflows/${workflow.id}/webhook/secret`)
    expect(replaced.body.secret).not.toBe(secret)
    expect((await hook(workflow.webhookUrl, body, signed(secret, body))).status).toBe(401)
    expect((await hook(workflow.webhookUrl, body, signed(replaced.body.secret, body))).status).toBe(202)
    const removed = await api<{ workflow: PublicWorkflow }>(owner, 'DELETE', `/api/v1/workflows/${workflow.id}/webhook/secret`)
    expect(removed.response.status).toBe(200)
    expect(removed.body.workflow.webhookSigning).toBe(false)
    expect((await hook(workflow.webhookUrl, body)).status).toBe(202)
  })

  it('a workflow without a secret still accepts unsigned triggers (and ignores stray signature headers)', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [], 'Unsigned')
    expect((await hook(workflow.webhookUrl, '{"a":1}')).status).toBe(202)
    expect((await hook(workflow.webhookUrl, '{"a":1}', { 'webhook-signature': 'v1,garbage' })).status).toBe(202)
  })
})

describe('trigger rate limit per workflow', () => {
  it(`${WEBHOOK_PER_WORKFLOW.limit} triggers a minute, then 429 with Retry-After and no run; another workflow is unaffected`, async () => {
    const owner = await signUpOwner()
    const busy = await createWorkflow(owner, [], 'Busy')
    const quiet = await createWorkflow(owner, [], 'Quiet')
    for (let i = 0; i < WEBHOOK_PER_WORKFLOW.limit; i++) expect((await hook(busy.webhookUrl, '{}')).status).toBe(202)
    const refused = await hook(busy.webhookUrl, '{}')
    expect(refused.status).toBe(429)
    expect(await errorCode(refused)).toBe('rate_limited')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await runCount(busy.id)).toBe(WEBHOOK_PER_WORKFLOW.limit)
    expect((await hook(quiet.webhookUrl, '{}')).status).toBe(202)
    expect(await runCount(quiet.id)).toBe(1)
    // The next window lets the busy workflow in again.
    vi.setSystemTime(Date.now() + WEBHOOK_PER_WORKFLOW.windowMs)
    expect((await hook(busy.webhookUrl, '{}')).status).toBe(202)
  })

  it('forged triggers of a signed workflow are refused before they count against its limit', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [], 'Signed and busy')
    const { body } = await api<{ secret: string }>(owner, 'POST', `/api/v1/workflows/${workflow.id}/webhook/secret`)
    for (let i = 0; i < WEBHOOK_PER_WORKFLOW.limit + 5; i++) expect((await hook(workflow.webhookUrl, '{}')).status).toBe(401)
    expect((await hook(workflow.webhookUrl, '{}', signed(body.secret, '{}'))).status).toBe(202)
  })
})
