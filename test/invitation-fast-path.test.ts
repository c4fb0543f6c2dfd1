import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import worker from '../src/index'
import { invitationFastPath } from '../src/routes/invitation-fast-path'
import { brandedOwner, call, ORIGIN, requestLink, signUpOwner } from './helpers'

/** One request answered twice: by the worker (which takes the fast path) and by the router alone. */
async function bothWays(path: string, headers: Record<string, string> = {}, bindings: Partial<typeof env> = {}) {
  const bound = { ...env, ...bindings } as typeof env
  const answer = async (fetcher: (request: Request, e: typeof env, ctx: ExecutionContext) => Promise<Response> | Response) => {
    const ctx = createExecutionContext()
    const response = await fetcher(new Request(new URL(path, ORIGIN), { headers }), bound, ctx)
    await waitOnExecutionContext(ctx)
    return { status: response.status, headers: [...response.headers], body: await response.text() }
  }
  return { fast: await answer(worker.fetch), router: await answer(buildApp().fetch) }
}

const HTTPS = { PUBLIC_URL: 'https://tether.example' }

describe('the invitation page before the router', () => {
  it('gives the bytes and headers the /connect/:token route gives', async () => {
    const owner = await brandedOwner({ displayName: 'Northwind', accent: '#1a56db' })
    const apiKey = await requestLink(owner)
    const oauth = await requestLink(owner, 'demo-docs')
    const german = await requestLink(owner, 'demo-tasks', { locale: 'de' })
    const cases: [string, Record<string, string>][] = [
      [apiKey.path, {}],
      [apiKey.path, { 'accept-language': 'fr-FR,fr;q=0.9' }],
      [apiKey.path, { cookie: 'tether_lang=ja' }],
      [oauth.path, {}],
      [german.path, {}],
      ['/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {}],
      ['/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { 'accept-language': 'es' }],
      ['/connect/short-but-plausible-token', {}],
    ]
    for (const [path, headers] of cases) {
      const { fast, router } = await bothWays(path, headers)
      expect(fast, `${path} ${JSON.stringify(headers)}`).toEqual(router)
    }
    const https = await bothWays(`https://tether.example${apiKey.path}`, {}, HTTPS)
    expect(https.fast).toEqual(https.router)
    expect(https.fast.headers.map(([name]) => name)).toContain('strict-transport-security')
    expect(https.fast.body).toContain('Northwind</span>')
  })

  it('leaves the router everything else', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const ctx = createExecutionContext()
    const plain = (url: string, init: RequestInit = {}, bindings: Partial<typeof env> = {}) =>
      invitationFastPath(new Request(url, init), { ...env, ...bindings } as typeof env, ctx)
    expect(await plain(`${ORIGIN}${link.path}`)).toBeInstanceOf(Response)
    // A language pick, a POST, a deeper path, plain http to an https deployment, a finished link's outcome cookie.
    expect(await plain(`${ORIGIN}${link.path}?lang=de`)).toBeNull()
    expect(await plain(`${ORIGIN}${link.path}`, { method: 'POST' })).toBeNull()
    expect(await plain(`${ORIGIN}${link.path}/accept`)).toBeNull()
    expect(await plain(`http://tether.example${link.path}`, {}, HTTPS)).toBeNull()
    const finished = { headers: { cookie: 'tether_outcome=x' } }
    expect(await plain(`${ORIGIN}/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, finished)).toBeNull()
    // A failing KV read is the router's to answer, through the app's one error path.
    const broken = { LINKS: { get: () => Promise.reject(new Error('kv down')) } as unknown as KVNamespace }
    expect(await plain(`${ORIGIN}${link.path}`, {}, broken)).toBeNull()
    await waitOnExecutionContext(ctx)
  })

  it('records "opened" on the first view here, and needs no D1 after it', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const first = await bothWays(link.path)
    expect(first.fast.status).toBe(200)
    const events = await (await call(`/api/v1/connections/${link.connectionId}/events`, { cookie: owner.cookie })).json<{
      events: { type: string }[]
    }>()
    expect(events.events.filter((event) => event.type === 'opened')).toHaveLength(1)
    const noDb = new Proxy(
      {},
      {
        get: () => {
          throw new Error('D1 used')
        },
      },
    ) as D1Database
    const ctx = createExecutionContext()
    const again = await worker.fetch(
      new Request(new URL(link.path, ORIGIN)),
      { ...env, DB: noDb, ENCRYPTION_KEYS: undefined } as typeof env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(again.status).toBe(200)
  })
})
