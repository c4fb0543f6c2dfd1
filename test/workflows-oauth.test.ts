import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { OAuthCredentials } from '../src/apps/types'
import type { ConnectionRow } from '../src/db/connections'
import { loadKeyring } from '../src/domain/crypto'
import { openCredentials } from '../src/services/credentials'
import { requestsSince } from './app-calls'
import { fakeCursor, type RecordedRequest } from './fake-requests'
import { findWorkflow } from '../src/db/workflows'
import { edgeOf } from '../src/http/deps'
import { depsFromEnv } from '../src/services/deps'
import { startRun } from '../src/services/workflows/runs'
import { advanceRun } from '../src/services/workflows/advance-run'
import { call, getConnection, ORIGIN, signUpOwner } from './helpers'
import { createWorkflow, directConnection, runsOf, runWorkflow } from './workflow-helpers'

async function stored(id: string): Promise<OAuthCredentials & { revision: number }> {
  const row = await env.DB.prepare(
    'SELECT id, credentials_blob AS credentialsBlob, credentials_key_version AS credentialsKeyVersion, ' +
      'credentials_revision AS revision FROM connections WHERE id = ?',
  )
    .bind(id)
    .first<ConnectionRow & { revision: number }>()
  return { ...((await openCredentials(await loadKeyring(env.ENCRYPTION_KEYS), row!)) as OAuthCredentials), revision: row!.revision }
}

const refreshCallsWith = (refreshToken: string) => (request: RecordedRequest) =>
  request.path === '/google/token' && new URLSearchParams(request.body).get('refresh_token') === refreshToken

/** A Google Docs connection whose access token expired a minute ago; unique tokens keep tests apart. */
async function expiredGoogleDocs(owner: { cookie: string }, refreshToken: string) {
  const accessToken = `access-good-stale-${crypto.randomUUID()}`
  const id = await directConnection(owner, 'google-docs', { accessToken, refreshToken, expiresAt: Date.now() - 60_000 }, 'Client Docs')
  const workflow = await createWorkflow(owner, [
    { appId: 'google-docs', action: 'create-document', connectionId: id, input: { title: '{{trigger.title}}' } },
  ])
  return { id, accessToken, workflow }
}

describe('OAuth tokens at run time', () => {
  it('refreshes an expired access token before the call and stores the rotated refresh token', async () => {
    const owner = await signUpOwner()
    const { id, accessToken, workflow } = await expiredGoogleDocs(owner, 'refresh-41')
    const before = await stored(id)
    const cursor = await fakeCursor()

    const run = await runWorkflow(owner, workflow, { title: 'Quarterly report' })
    expect(run.status).toBe('succeeded')
    const after = await stored(id)
    expect(after.refreshToken).toBe('refresh-42')
    expect(after.accessToken).not.toBe(accessToken)
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 3000_000)
    expect(after.revision).toBe(before.revision + 1)

    const calls = (await requestsSince(cursor, () => true)).filter(
      (request) => refreshCallsWith('refresh-41')(request) || request.body.includes('Quarterly report'),
    )
    expect(calls.map((request) => request.path)).toEqual(['/google/token', '/google-docs/v1/documents'])
    expect(calls[1]!.headers.authorization).toBe(`Bearer ${after.accessToken}`)

    // The fresh token is used as is on the next run: no second refresh.
    const next = await fakeCursor()
    expect((await runWorkflow(owner, workflow, { title: 'Second' })).status).toBe('succeeded')
    expect(await requestsSince(next, refreshCallsWith('refresh-42'))).toHaveLength(0)
    const events = await (await call(`/api/v1/connections/${id}/events`, { cookie: owner.cookie })).json<{ events: { type: string }[] }>()
    expect(events.events.filter((event) => event.type === 'tokens_refreshed')).toHaveLength(1)
  })

  it('two runs racing on an expired token both succeed and only one rotation is stored', async () => {
    const owner = await signUpOwner()
    const { id, workflow } = await expiredGoogleDocs(owner, 'refresh-70')
    const before = await stored(id)
    // Run directly, side by side, with a roomy upstream timeout so a busy test machine cannot decide the outcome.
    const deps = depsFromEnv({ ...env, UPSTREAM_TIMEOUT_MS: '5000' }, ORIGIN, edgeOf(env))
    const found = (await findWorkflow(deps.db, owner.workspaceId, workflow.id))!
    const started = await Promise.all(['a', 'b'].map((title) => startRun(deps, found, { title }, Date.now())))
    await Promise.all(started.map((run) => advanceRun(deps, run.runId)))
    const runs = (await runsOf(owner, workflow.id)).filter((run) => started.some((mine) => mine.runId === run.id))
    expect(runs.map((run) => [run.status, run.error])).toEqual([
      ['succeeded', null],
      ['succeeded', null],
    ])
    const after = await stored(id)
    expect(after.revision).toBe(before.revision + 1)
    expect(after.refreshToken).toBe('refresh-71')
  })

  it('a refused refresh marks the connection as needing reconnect and fails the step with that reason', async () => {
    const owner = await signUpOwner()
    const { id, workflow } = await expiredGoogleDocs(owner, 'refresh-bad')
    const cursor = await fakeCursor()
    const run = await runWorkflow(owner, workflow, { title: 'Never written' })

    expect(run.status).toBe('failed')
    expect(run.error).toContain('Reconnect')
    expect(run.steps[0]).toMatchObject({ status: 'failed', upstreamStatus: 400, output: null })
    expect(await requestsSince(cursor, (request) => request.path === '/google-docs/v1/documents')).toHaveLength(0)
    expect(await getConnection(owner, id)).toMatchObject({ status: 'active', needsReconnect: true })
    const events = await (await call(`/api/v1/connections/${id}/events`, { cookie: owner.cookie })).json<{
      events: { type: string; actor: string }[]
    }>()
    expect(events.events).toContainEqual(expect.objectContaining({ type: 'needs_reconnect', actor: 'system' }))

    // New credentials from the owner clear the flag.
    const fixed = await call(`/api/v1/connections/${id}/credentials`, {
      method: 'PUT',
      cookie: owner.cookie,
      json: { credentials: { accessToken: 'access-good-fixed', refreshToken: 'refresh-1' } },
    })
    expect(fixed.status).toBe(200)
    expect(await getConnection(owner, id)).toMatchObject({ needsReconnect: false })
    expect((await runWorkflow(owner, workflow, { title: 'Works again' })).status).toBe('succeeded')
  })
})
