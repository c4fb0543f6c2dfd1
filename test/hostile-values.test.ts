import { env } from 'cloudflare:workers'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { call, form, getConnection, requestLink, signUpOwner, submitViaLink } from './helpers'
import { submit } from './dashboard-helpers'
import { fakeCursor, fakeRequests } from './fake-requests'
import { createWorkflow, directConnection, runWorkflow, storeCredentials } from './workflow-helpers'

/** Each hostile character in the middle of a ClickUp token (sent as the raw Authorization header); trimming cannot remove it. */
const HOSTILE = { CR: '\r', LF: '\n', NUL: '\u0000', é: 'é', emoji: '🔑' } as const
const CONTROL_MESSAGE = 'API token contains a line break or another invisible character. Copy it again from ClickUp.'
const ASCII_MESSAGE = 'API token contains characters it cannot have, such as accented letters or emoji. Copy it again from ClickUp.'
const messageFor = (name: string) => (name === 'é' || name === 'emoji' ? ASCII_MESSAGE : CONTROL_MESSAGE)

type Owner = Awaited<ReturnType<typeof signUpOwner>>
type Path = (owner: Owner, token: string) => Promise<Response>

const apiCreate: Path = (owner, token) =>
  call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId: 'clickup', name: 'Hostile', via: 'direct', credentials: { apiToken: token } },
  })

const PATHS: Record<string, { json: boolean; send: Path }> = {
  'the client form': {
    json: false,
    send: async (owner, token) => submitViaLink(await requestLink(owner, 'clickup'), { apiToken: token }),
  },
  'the API (direct create)': { json: true, send: apiCreate },
  'the API (PUT credentials)': {
    json: true,
    send: async (owner, token) =>
      call(`/api/v1/connections/${await directConnection(owner, 'clickup', { apiToken: 'pk_good_existing' })}/credentials`, {
        method: 'PUT',
        cookie: owner.cookie,
        json: { credentials: { apiToken: token } },
      }),
  },
  'the dashboard (new connection)': {
    json: false,
    send: (owner, token) => submit('/connections/new/clickup/direct', { connectionName: 'Hostile', apiToken: token }, owner.cookie),
  },
  'the dashboard (update credentials)': {
    json: false,
    send: async (owner, token) =>
      submit(
        `/connections/${await directConnection(owner, 'clickup', { apiToken: 'pk_good_existing' })}/credentials`,
        { apiToken: token },
        owner.cookie,
      ),
  },
}

const logged: string[] = []
beforeEach(() => {
  logged.length = 0
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
  }
})
afterEach(() => vi.restoreAllMocks())

const figures = { refused: 0, outbound: 0, logLines: 0 }
afterAll(() =>
  console.info(
    `[figure] hostile values: ${figures.refused} submissions (CR, LF, NUL, é, emoji × ${Object.keys(PATHS).length} paths) → 422 ` +
      `with the field's error; ${figures.outbound} outbound requests, ${figures.logLines} log lines carrying them`,
  ),
)

/** What the fakes received that carries `marker` anywhere. */
async function requestsCarrying(since: number, marker: string) {
  return (await fakeRequests(since)).requests.filter((request) => JSON.stringify(request).includes(marker))
}

describe('credential values that cannot travel in a header are refused with the field’s error', () => {
  for (const [path, { json, send }] of Object.entries(PATHS)) {
    it.each(Object.entries(HOSTILE))(`%s in an API token, through ${path}`, async (name, character) => {
      const owner = await signUpOwner()
      const marker = crypto.randomUUID()
      const token = `pk_good_${marker}${character}tail`
      const since = await fakeCursor()
      const response = await send(owner, token)
      const body = await response.text()

      expect(response.status).toBe(422)
      if (json) {
        expect(JSON.parse(body)).toEqual({
          error: { code: 'invalid_credential_value', message: messageFor(name), issues: [{ path: 'apiToken', message: messageFor(name) }] },
        })
      } else {
        const field = /<input[^>]*name="apiToken"[^>]*>/.exec(body)?.[0] ?? ''
        expect(field).toContain('aria-invalid="true"')
        const errorId = /aria-describedby="([^" ]+-error)/.exec(field)?.[1]
        expect(body).toContain(`id="${errorId}"`)
        expect(body.slice(body.indexOf(`id="${errorId}"`))).toContain(messageFor(name).replace(/'/g, '&#39;'))
      }
      expect(body).not.toContain(marker)
      const outbound = await requestsCarrying(since, marker)
      const lines = logged.filter((line) => line.includes(marker) || line.includes('unexpected error'))
      expect(outbound).toEqual([])
      expect(lines).toEqual([])
      figures.refused++
      figures.outbound += outbound.length
      figures.logLines += lines.length
    })
  }

  it('refuses control characters in every field, but lets non-ASCII through where it is Base64-encoded (Basic auth)', async () => {
    const owner = await signUpOwner()
    const site = `${env.FAKES_URL}/wp/${crypto.randomUUID().slice(0, 8)}`
    const wordpress = (credentials: Record<string, string>) =>
      call('/api/v1/connections', {
        method: 'POST',
        cookie: owner.cookie,
        json: { appId: 'wordpress', name: 'WP', via: 'direct', credentials: { siteUrl: site, username: 'wendy', ...credentials } },
      })
    const broken = await wordpress({ username: 'wen\u0000dy', applicationPassword: 'good pass\nword 1234' })
    expect(broken.status).toBe(422)
    const { error } = await broken.json<{ error: { code: string; issues: { path: string }[] } }>()
    expect(error.code).toBe('invalid_credential_value')
    expect(error.issues.map((issue) => issue.path)).toEqual(['username', 'applicationPassword'])

    const since = await fakeCursor()
    expect((await wordpress({ applicationPassword: 'good pässwörd 1234' })).status).toBe(201)
    const sent = (await fakeRequests(since)).requests.find((request) => request.path.startsWith(new URL(site).pathname))
    expect(Buffer.from(sent!.headers.authorization!.replace('Basic ', ''), 'base64').toString('utf8')).toBe('wendy:good pässwörd 1234')
  })

  it('refuses OAuth tokens with a line break given through the API', async () => {
    const owner = await signUpOwner()
    const response = await call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'google-docs', name: 'Docs', via: 'direct', credentials: { accessToken: 'access-good\r\nX-Injected: yes' } },
    })
    expect(response.status).toBe(422)
    expect((await response.json<{ error: { issues: unknown } }>()).error.issues).toEqual([
      { path: 'accessToken', message: expect.stringContaining('line break') },
    ])
  })
})

describe('credentials stored before values were checked', () => {
  it('fail the step with a message that does not quote them, and nothing is sent or logged', async () => {
    const owner = await signUpOwner()
    const clickup = await directConnection(owner, 'clickup', { apiToken: 'pk_good_existing' })
    const marker = crypto.randomUUID()
    await storeCredentials(clickup, { apiToken: `pk_good_${marker}é` })
    const workflow = await createWorkflow(owner, [
      { appId: 'clickup', action: 'create-task', connectionId: clickup, input: { listId: '900', name: 'Task' } },
    ])
    const since = await fakeCursor()
    const run = await runWorkflow(owner, workflow)
    expect(run.status).toBe('failed')
    expect(run.steps[0]!.error).toBe('Tether could not send these credentials to ClickUp: they contain characters a request cannot carry.')
    expect(await requestsCarrying(since, marker)).toEqual([])
    expect(logged.filter((line) => line.includes(marker) || line.includes('unexpected'))).toEqual([])
  })
})

describe('a provider that returns a token with a line break', () => {
  it('fails the sign-in with a clear page, not a 500, and stores nothing', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const accepted = await call(`${link.path}/accept`, form({}))
    const cookie = accepted.headers
      .getSetCookie()
      .find((c) => c.startsWith('tether_oauth_state='))!
      .split(';')[0]!
    const state = new URL(accepted.headers.get('location')!).searchParams.get('state')!
    const response = await call(`/connect/oauth/callback?code=code-good-hostile&state=${state}`, { cookie })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Google Docs sent a token Tether cannot use.')
    expect((await getConnection(owner, link.connectionId)).status).toBe('pending')
    expect(logged.filter((line) => line.includes('X-Injected') || line.includes('unexpected error'))).toEqual([])
  })

  it('fails the run’s step on refresh, with the reason, and stores nothing of it', async () => {
    const owner = await signUpOwner()
    const docs = await directConnection(owner, 'google-docs', {
      accessToken: 'access-good-stale',
      refreshToken: `refresh-hostile-${crypto.randomUUID()}`,
      expiresAt: Date.now() - 60_000,
    })
    const workflow = await createWorkflow(owner, [
      { appId: 'google-docs', action: 'create-document', connectionId: docs, input: { title: '{{trigger.title}}' } },
    ])
    const run = await runWorkflow(owner, workflow, { title: 'Report' })
    expect(run.status).toBe('failed')
    expect(run.steps[0]!.error).toBe('Google Docs sent a token Tether cannot use. Try again later.')
    const row = await env.DB.prepare('SELECT credentials_revision AS r FROM connections WHERE id = ?').bind(docs).first<{ r: number }>()
    expect(row!.r).toBe(1)
    expect(logged.filter((line) => line.includes('X-Injected') || line.includes('unexpected'))).toEqual([])
  })
})
