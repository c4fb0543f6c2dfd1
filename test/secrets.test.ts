import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadKeyring } from '../src/domain/crypto'
import { toBase64, toBase64Url, toHex, utf8 } from '../src/domain/encoding'
import { openCredentials } from '../src/services/credentials'
import type { ConnectionRow } from '../src/db/connections'
import type { OAuthCredentials } from '../src/apps/types'
import { call, form, requestLink, signUpOwner, submitViaLink } from './helpers'
import { fakeCursor, fakeRequests } from './fake-requests'

function forms(secret: string): string[] {
  const bytes = utf8.encode(secret)
  return [secret, toHex(bytes), toBase64(bytes), toBase64Url(bytes), encodeURIComponent(secret)]
}

async function dumpD1(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'").all<{ name: string }>()
  const dumps = await Promise.all(tables.results.map(async ({ name }) => JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results)))
  return dumps.join('\n')
}

async function dumpKV(): Promise<string> {
  const keys = await env.LINKS.list()
  const values = await Promise.all(keys.keys.map(async (key) => `${key.name}=${await env.LINKS.get(key.name)}`))
  return values.join('\n')
}

describe('no plaintext secret at rest, in responses or in logs', () => {
  const logged: string[] = []
  beforeEach(() => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')) })
    }
  })
  afterEach(() => vi.restoreAllMocks())

  it('after an API-key flow and an OAuth flow', async () => {
    const owner = await signUpOwner()
    const responses: string[] = []
    const keep = async (response: Response) => { responses.push(`${[...response.headers].join(';')}\n${await response.clone().text()}`); return response }

    const keyLink = await requestLink(owner)
    const canary = `demo_canary_${crypto.randomUUID()}`
    await keep(await call(keyLink.path))
    await keep(await call(`${keyLink.path}/accept`, form({})))
    await keep(await submitViaLink(keyLink, { apiKey: 'wrong-canary-attempt-123' }))
    expect((await keep(await submitViaLink(keyLink, { apiKey: canary }))).status).toBe(200)

    const oauthLink = await requestLink(owner, 'google-docs')
    const accepted = await keep(await call(`${oauthLink.path}/accept`, form({})))
    const cookie = accepted.headers.getSetCookie().find((c) => c.startsWith('tether_oauth_state='))!.split(';')[0]!
    const provider = new URL(accepted.headers.get('location')!)
    const state = provider.searchParams.get('state')!
    const back = new URL((await fetch(provider, { redirect: 'manual' })).headers.get('location')!)
    const since = await fakeCursor()
    expect((await keep(await call(`/connect/oauth/callback${back.search}`, { cookie }))).status).toBe(200)
    const tokenRequest = (await fakeRequests(since)).requests.find((r) => r.path === '/google/token')!
    const verifier = new URLSearchParams(tokenRequest.body).get('code_verifier')!

    const row = await env.DB.prepare('SELECT id, credentials_blob AS credentialsBlob, credentials_key_version AS credentialsKeyVersion FROM connections WHERE id = ?')
      .bind(oauthLink.connectionId).first<ConnectionRow>()
    const tokens = await openCredentials(await loadKeyring(env.ENCRYPTION_KEYS), row!) as OAuthCredentials
    expect(tokens.accessToken).toBeTruthy()

    for (const path of ['/api/v1/connections', `/api/v1/connections/${keyLink.connectionId}`, `/api/v1/connections/${keyLink.connectionId}/events`, `/api/v1/connections/${oauthLink.connectionId}/link`]) {
      await keep(await call(path, { cookie: owner.cookie }))
    }
    await keep(await call(keyLink.path))

    const secrets = {
      linkToken: keyLink.token, oauthLinkToken: oauthLink.token, canary, wrongKey: 'wrong-canary-attempt-123',
      state, code: back.searchParams.get('code')!, verifier, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken!,
    }
    const d1 = await dumpD1()
    const kv = await dumpKV()
    const afterSubmission = responses.slice(3).join('\n')
    for (const [name, secret] of Object.entries(secrets)) {
      for (const encoded of forms(secret)) {
        expect({ name, inD1: d1.includes(encoded) }).toEqual({ name, inD1: false })
        expect({ name, inKV: kv.includes(encoded) }).toEqual({ name, inKV: false })
        expect({ name, inLogs: logged.some((line) => line.includes(encoded)) }).toEqual({ name, inLogs: false })
      }
    }
    for (const name of ['canary', 'wrongKey', 'code', 'verifier', 'accessToken', 'refreshToken'] as const) {
      for (const encoded of forms(secrets[name])) {
        expect({ name, inResponses: afterSubmission.includes(encoded) }).toEqual({ name, inResponses: false })
      }
    }
  })
})
