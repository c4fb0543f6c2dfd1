import { env } from 'cloudflare:workers'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadKeyring } from '../src/domain/crypto'
import { openCredentials } from '../src/services/credentials'
import type { ConnectionRow } from '../src/db/connections'
import type { OAuthCredentials } from '../src/apps/types'
import { call, followRedirect, form, requestLink, signUpOwner, submitViaLink } from './helpers'
import { fakeCursor, fakeRequests } from './fake-requests'
import { forms } from './secret-forms'
import {
  createWorkflow,
  directConnection,
  fakeWordPressSite,
  postStep,
  runWorkflow,
  storeCredentials,
  wordpressViaLink,
} from './workflow-helpers'

async function dumpD1(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
  ).all<{ name: string }>()
  const dumps = await Promise.all(
    tables.results.map(async ({ name }) => JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results)),
  )
  return dumps.join('\n')
}

async function dumpKV(): Promise<string> {
  const keys = await env.LINKS.list()
  const values = await Promise.all(keys.keys.map(async (key) => `${key.name}=${await env.LINKS.get(key.name)}`))
  return values.join('\n')
}

async function storedCredentials(id: string): Promise<Record<string, unknown>> {
  const row = await env.DB.prepare(
    'SELECT id, credentials_blob AS credentialsBlob, credentials_key_version AS credentialsKeyVersion FROM connections WHERE id = ?',
  )
    .bind(id)
    .first<ConnectionRow>()
  return (await openCredentials(await loadKeyring(env.ENCRYPTION_KEYS), row!)) as Record<string, unknown>
}

/** Checks every secret, in every encoding, against D1, KV, the logs and (unless exempt) the responses; returns how many checks ran. */
async function expectNowhere(
  secrets: Record<string, string>,
  logged: string[],
  responses: string,
  exemptFromResponses: string[] = [],
): Promise<number> {
  const d1 = await dumpD1()
  const kv = await dumpKV()
  let checks = 0
  for (const [name, secret] of Object.entries(secrets)) {
    expect(secret.length, name).toBeGreaterThanOrEqual(8)
    for (const encoded of forms(secret)) {
      expect({ name, encoded, inD1: d1.includes(encoded) }).toEqual({ name, encoded, inD1: false })
      expect({ name, encoded, inKV: kv.includes(encoded) }).toEqual({ name, encoded, inKV: false })
      expect({ name, encoded, inLogs: logged.some((line) => line.includes(encoded)) }).toEqual({ name, encoded, inLogs: false })
      checks += 3
      if (exemptFromResponses.includes(name)) continue
      expect({ name, encoded, inResponses: responses.includes(encoded) }).toEqual({ name, encoded, inResponses: false })
      checks++
    }
  }
  return checks
}

const figures = { flows: 0, checks: 0 }

describe('no plaintext secret at rest, in responses or in logs', () => {
  const logged: string[] = []
  beforeEach(() => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '))
      })
    }
  })
  afterEach(() => vi.restoreAllMocks())
  afterAll(() =>
    console.info(
      `[figure] plaintext scan: ${figures.flows} flows, ${figures.checks} checks (secret × encoding × D1/KV/logs/responses), 0 found`,
    ),
  )

  it('after an API-key flow and an OAuth flow', async () => {
    const owner = await signUpOwner()
    const responses: string[] = []
    const keep = async (response: Response) => {
      responses.push(`${[...response.headers].join(';')}\n${await response.clone().text()}`)
      return response
    }

    const keyLink = await requestLink(owner)
    const canary = `demo_canary_${crypto.randomUUID()}`
    await keep(await call(keyLink.path))
    await keep(await call(`${keyLink.path}/accept`, form({})))
    await keep(await submitViaLink(keyLink, { apiKey: 'wrong-canary-attempt-123' }))
    expect((await keep(await submitViaLink(keyLink, { apiKey: canary }))).status).toBe(200)

    const oauthLink = await requestLink(owner, 'google-docs')
    const accepted = await keep(await call(`${oauthLink.path}/accept`, form({})))
    const cookie = accepted.headers
      .getSetCookie()
      .find((c) => c.startsWith('tether_oauth_state='))!
      .split(';')[0]!
    const provider = new URL(accepted.headers.get('location')!)
    const state = provider.searchParams.get('state')!
    const back = new URL((await fetch(provider, { redirect: 'manual' })).headers.get('location')!)
    const since = await fakeCursor()
    expect(
      (await keep(await followRedirect(await keep(await call(`/connect/oauth/callback${back.search}`, { cookie })), undefined, cookie)))
        .status,
    ).toBe(200)
    const tokenRequest = (await fakeRequests(since)).requests.find((r) => r.path === '/google/token')!
    const verifier = new URLSearchParams(tokenRequest.body).get('code_verifier')!

    const row = await env.DB.prepare(
      'SELECT id, credentials_blob AS credentialsBlob, credentials_key_version AS credentialsKeyVersion FROM connections WHERE id = ?',
    )
      .bind(oauthLink.connectionId)
      .first<ConnectionRow>()
    const tokens = (await openCredentials(await loadKeyring(env.ENCRYPTION_KEYS), row!)) as OAuthCredentials
    expect(tokens.accessToken).toBeTruthy()

    for (const path of [
      '/api/v1/connections',
      `/api/v1/connections/${keyLink.connectionId}`,
      `/api/v1/connections/${keyLink.connectionId}/events`,
      `/api/v1/connections/${oauthLink.connectionId}/link`,
    ]) {
      await keep(await call(path, { cookie: owner.cookie }))
    }
    await keep(await call(keyLink.path))

    const secrets = {
      linkToken: keyLink.token,
      oauthLinkToken: oauthLink.token,
      canary,
      wrongKey: 'wrong-canary-attempt-123',
      state,
      code: back.searchParams.get('code')!,
      verifier,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken!,
    }
    // Link tokens and the state travel in URLs the client was given; everything else never comes back.
    figures.checks += await expectNowhere(secrets, logged, responses.slice(3).join('\n'), ['linkToken', 'oauthLinkToken', 'state'])
    figures.flows += 2
  })

  it('after a refresh via link, direct and replaced credentials, API tokens and the dashboard', async () => {
    const owner = await signUpOwner()
    const responses: string[] = []
    const keep = async (response: Response) => {
      responses.push(`${[...response.headers].join(';')}\n${await response.clone().text()}`)
      return response
    }
    const canary = (label: string) => `demo_${label}_${crypto.randomUUID().replaceAll('-', '')}`
    const secrets: Record<string, string> = {}

    const link = await requestLink(owner)
    secrets.firstKey = canary('first')
    expect((await keep(await submitViaLink(link, { apiKey: secrets.firstKey }))).status).toBe(200)
    const refreshed = await keep(
      // Another Demo Tasks key is another workspace: the owner allows the change.
      await call(`/api/v1/connections/${link.connectionId}/link`, {
        method: 'POST',
        cookie: owner.cookie,
        json: { allowAccountChange: true },
      }),
    )
    const refreshPath = new URL((await refreshed.clone().json<{ link: { url: string } }>()).link.url).pathname
    secrets.refreshToken = refreshPath.split('/').pop()!
    secrets.wrongRefreshKey = `wrong_${crypto.randomUUID()}`
    const land = async (posted: Response) => keep(await followRedirect(await keep(posted)))
    expect((await land(await call(refreshPath, form({ apiKey: secrets.wrongRefreshKey })))).status).toBe(422)
    secrets.refreshedKey = canary('refreshed')
    expect((await land(await call(refreshPath, form({ apiKey: secrets.refreshedKey })))).status).toBe(200)
    expect(await storedCredentials(link.connectionId)).toEqual({ apiKey: secrets.refreshedKey })

    secrets.directToken = `pk_good_${crypto.randomUUID()}`
    const direct = await directConnection(owner, 'clickup', { apiToken: secrets.directToken })
    secrets.replacedToken = `pk_good_${crypto.randomUUID()}`
    expect(
      (
        await keep(
          await call(`/api/v1/connections/${direct}/credentials`, {
            method: 'PUT',
            cookie: owner.cookie,
            json: { credentials: { apiToken: secrets.replacedToken } },
          }),
        )
      ).status,
    ).toBe(200)
    secrets.refusedToken = `pk_refused_${crypto.randomUUID()}`
    expect(
      (
        await keep(
          await call(`/api/v1/connections/${direct}/credentials`, {
            method: 'PUT',
            cookie: owner.cookie,
            json: { credentials: { apiToken: secrets.refusedToken } },
          }),
        )
      ).status,
    ).toBe(422)

    secrets.dashboardKey = canary('dashboard')
    const created = await keep(
      await call('/connections/new/demo-tasks/direct', {
        ...form({ connectionName: 'Typed in', apiKey: secrets.dashboardKey }),
        cookie: owner.cookie,
      }),
    )
    expect(created.status).toBe(303)
    const dashboardId = new URL(created.headers.get('location')!, 'http://tether.test').searchParams.get('created')!
    secrets.dashboardUpdate = canary('update')
    expect(
      (
        await keep(
          await call(`/connections/${dashboardId}/credentials`, {
            ...form({ apiKey: secrets.dashboardUpdate, allowAccountChange: '1' }),
            cookie: owner.cookie,
          }),
        )
      ).status,
    ).toBe(303)
    expect(await storedCredentials(dashboardId)).toEqual({ apiKey: secrets.dashboardUpdate })

    const token = await keep(await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'CI' } }))
    secrets.apiToken = (await token.clone().json<{ token: string }>()).token
    secrets.session = owner.cookie.split('=')[1]!
    // The dashboard's token travels sealed in its one-time cookie: only the page that shows it holds it in clear.
    const minted = await keep(await call('/settings/tokens', { ...form({ name: 'Dashboard' }), cookie: owner.cookie }))
    const reveal = minted.headers
      .getSetCookie()
      .find((c) => c.startsWith('tether_new_token='))!
      .split(';')[0]
    const shown = await (await call('/settings', { cookie: `${owner.cookie}; ${reveal}` })).text()
    secrets.dashboardToken = /value="(tth_[^"]+)"/.exec(shown)![1]!
    expect((await keep(await call('/settings', { cookie: `${owner.cookie}; ${reveal}` }))).status).toBe(200)

    for (const path of [
      '/api/v1/connections',
      `/api/v1/connections/${link.connectionId}`,
      `/api/v1/connections/${link.connectionId}/events`,
      `/api/v1/connections/${link.connectionId}/link`,
      `/api/v1/connections/${direct}/events`,
      '/connections',
      `/connections/${link.connectionId}`,
      `/connections/${link.connectionId}/link`,
      `/connections/${dashboardId}`,
      `/connections/${direct}`,
      '/settings',
    ]) {
      expect((await keep(await call(path, { cookie: owner.cookie }))).status).toBe(200)
    }
    await keep(await call(refreshPath))
    // The API token is shown once, when created; the refresh link token is the owner's to send.
    figures.checks += await expectNowhere(secrets, logged, responses.join('\n'), ['refreshToken', 'apiToken', 'session'])
    figures.flows += 5
  })

  it('after workflow runs: a via-link WordPress post, an OAuth token refresh, a failing step, and a site that echoes', async () => {
    const owner = await signUpOwner()
    const responses: string[] = []
    const keep = async (response: Response) => {
      responses.push(await response.clone().text())
      return response
    }
    const secrets: Record<string, string> = {}

    const site = fakeWordPressSite()
    secrets.wordpressPassword = `good-canary-${crypto.randomUUID()}`
    const wordpress = await wordpressViaLink(owner, site, secrets.wordpressPassword)
    const posting = await createWorkflow(owner, [postStep(wordpress, { title: '{{trigger.title}}', content: 'Body' })])
    secrets.webhookToken = new URL(posting.webhookUrl).pathname.split('/').pop()!
    expect((await runWorkflow(owner, posting, { title: 'Published' })).status).toBe('succeeded')

    // A generation no other test uses, so a find can only be this flow's token; fixed, so every run is the same.
    const generation = 530_187
    secrets.staleAccess = `access-good-stale-${crypto.randomUUID()}`
    secrets.oldRefresh = `refresh-${generation}`
    const docs = await directConnection(
      owner,
      'google-docs',
      { accessToken: secrets.staleAccess, refreshToken: secrets.oldRefresh, expiresAt: Date.now() - 60_000 },
      'Client Docs',
    )
    const documents = await createWorkflow(owner, [
      { appId: 'google-docs', action: 'create-document', connectionId: docs, input: { title: '{{trigger.title}}' } },
    ])
    expect((await runWorkflow(owner, documents, { title: 'Report' })).status).toBe('succeeded')
    const rotated = await storedCredentials(docs)
    expect(rotated.refreshToken).toBe(`refresh-${generation + 1}`)
    secrets.newAccess = String(rotated.accessToken)
    secrets.newRefresh = String(rotated.refreshToken)

    // A client site that echoes the password back in every form (test/fakes/api-key-apps.ts): its name and its answers.
    secrets.echoedPassword = `good echo+/canary-${crypto.randomUUID()}`
    const echoing = await wordpressViaLink(owner, `${env.FAKES_URL}/wp-echo/${crypto.randomUUID().slice(0, 8)}`, secrets.echoedPassword)
    const echoFlow = await createWorkflow(owner, [
      postStep(echoing, { title: 'Echo', content: 'Body' }),
      postStep(wordpress, { title: '{{steps.1.status}}', content: '{{steps.1}}' }),
    ])
    expect((await runWorkflow(owner, echoFlow)).status).toBe('succeeded')

    const failing = await wordpressViaLink(owner, site, 'good-another-password', 'Failing blog')
    secrets.failingPassword = `boom-canary-${crypto.randomUUID()}`
    await storeCredentials(failing, { siteUrl: site, username: 'wendy', applicationPassword: secrets.failingPassword })
    const failingFlow = await createWorkflow(owner, [postStep(failing)])
    expect((await runWorkflow(owner, failingFlow)).status).toBe('failed')
    // The signing secret is shown in its creation answer only (not kept here): nowhere else, not even to the owner.
    const signing = await call(`/api/v1/workflows/${posting.id}/webhook/secret`, { method: 'POST', cookie: owner.cookie })
    secrets.webhookSigningSecret = (await signing.json<{ secret: string }>()).secret

    for (const workflow of [posting, documents, failingFlow, echoFlow]) {
      await keep(await call(`/api/v1/workflows/${workflow.id}/runs`, { cookie: owner.cookie }))
      await keep(await call(`/workflows/${workflow.id}`, { cookie: owner.cookie }))
    }
    for (const id of [wordpress, docs, failing, echoing])
      await keep(await call(`/api/v1/connections/${id}/events`, { cookie: owner.cookie }))
    await keep(await call('/api/v1/workflows', { cookie: owner.cookie }))
    for (const path of ['/api/v1/connections', '/connections', `/connections/${echoing}`])
      await keep(await call(path, { cookie: owner.cookie }))
    // The webhook URL is the owner's to use: shown to them, never stored or logged in the clear.
    figures.checks += await expectNowhere(secrets, logged, responses.join('\n'), ['webhookToken'])
    figures.flows += 4
  })
})
