/**
 * Bench-only worker: Tether's real app, with its bindings, Web Crypto and outbound fetch wrapped
 * in timers, so `/__bench/profile` can say where a request's time goes (crypto, D1, KV,
 * upstream, and the rest: routing, validation, drizzle query building, rendering). Requests are
 * replayed one at a time, so every millisecond belongs to exactly one bucket.
 * `/__bench/micro` times isolated pieces in a loop. Every other path is the app itself.
 */
import { h } from 'preact'
import worker from '../../src/index'
import { getApp } from '../../src/apps'
import { database } from '../../src/db/client'
import { depsFromEnv } from '../../src/services/deps'
import { hashToken } from '../../src/domain/tokens'
import { renderPage } from '../../src/views/render'
import { InvitationPage } from '../../src/views/pages/connect/invitation'
import { InvalidLinkPage } from '../../src/views/pages/connect/outcomes'
import type { Env } from '../../src/env'

type Bucket = 'crypto' | 'd1' | 'kv' | 'upstream'
type Phase = 'response' | 'after'
const BUCKETS: Bucket[] = ['crypto', 'd1', 'kv', 'upstream']

let profiling = false
let phase: Phase = 'response'
const blank = () => ({ ms: 0, calls: 0 })
let tally: Record<Phase, Record<Bucket | 'importKey', { ms: number; calls: number }>>
function reset() {
  tally = {
    response: { crypto: blank(), d1: blank(), kv: blank(), upstream: blank(), importKey: blank() },
    after: { crypto: blank(), d1: blank(), kv: blank(), upstream: blank(), importKey: blank() },
  }
}
reset()

async function timed<T>(bucket: Bucket | 'importKey', run: () => Promise<T>): Promise<T> {
  if (!profiling) return run()
  const start = performance.now()
  try {
    return await run()
  } finally {
    const entry = tally[phase][bucket]
    entry.ms += performance.now() - start
    entry.calls++
  }
}

// Web Crypto and outbound fetch are globals the app reaches at call time.
const subtle = crypto.subtle as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
for (const method of ['digest', 'encrypt', 'decrypt', 'importKey', 'deriveBits', 'deriveKey', 'sign', 'verify']) {
  const original = subtle[method]!.bind(crypto.subtle)
  Object.defineProperty(crypto.subtle, method, {
    configurable: true,
    value: (...args: unknown[]) => timed(method === 'importKey' ? 'importKey' : 'crypto', () => original(...args)),
  })
}
const originalFetch = globalThis.fetch
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => timed('upstream', () => originalFetch(input, init))) as typeof fetch

function wrapStatement(statement: D1PreparedStatement): D1PreparedStatement {
  const wrapped = {
    bind: (...values: unknown[]) => wrapStatement(statement.bind(...values)),
    first: (column?: string) => timed('d1', () => (column === undefined ? statement.first() : statement.first(column))),
    all: () => timed('d1', () => statement.all()),
    run: () => timed('d1', () => statement.run()),
  } as Record<string, unknown>
  wrapped.raw = (options?: { columnNames?: boolean }) => timed('d1', () => statement.raw(options as { columnNames: true }))
  Object.defineProperty(wrapped, 'inner', { value: statement })
  return wrapped as unknown as D1PreparedStatement
}

function wrapD1(db: D1Database): D1Database {
  return {
    prepare: (query: string) => wrapStatement(db.prepare(query)),
    batch: (statements: D1PreparedStatement[]) =>
      timed('d1', () => db.batch(statements.map((s) => (s as unknown as { inner: D1PreparedStatement }).inner ?? s))),
    exec: (query: string) => timed('d1', () => db.exec(query)),
    dump: () => db.dump(),
    withSession: (...args: Parameters<D1Database['withSession']>) => db.withSession(...args),
  } as D1Database
}

function wrapKv(kv: KVNamespace): KVNamespace {
  return new Proxy(kv, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => timed('kv', () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args))
    },
  })
}

async function profile(env: Env, body: { requests: { method: string; url: string; headers?: Record<string, string>; body?: string }[]; warmup?: number }) {
  const wrappedEnv = { ...env, DB: wrapD1(env.DB), LINKS: wrapKv(env.LINKS) } as Env
  const run = async (spec: (typeof body.requests)[number]) => {
    const pending: Promise<unknown>[] = []
    const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} } as unknown as ExecutionContext
    phase = 'response'
    const start = performance.now()
    const response = await worker.fetch(new Request(spec.url, { method: spec.method, headers: spec.headers, body: spec.body }), wrappedEnv, ctx)
    await response.arrayBuffer()
    const responseMs = performance.now() - start
    phase = 'after'
    const afterStart = performance.now()
    await Promise.allSettled(pending)
    return { status: response.status, responseMs, afterMs: performance.now() - afterStart }
  }
  for (const spec of body.requests.slice(0, body.warmup ?? 0)) await run(spec)
  const measured = body.requests.slice(body.warmup ?? 0)
  reset()
  profiling = true
  let responseMs = 0
  let afterMs = 0
  const statuses: Record<number, number> = {}
  try {
    for (const spec of measured) {
      const result = await run(spec)
      responseMs += result.responseMs
      afterMs += result.afterMs
      statuses[result.status] = (statuses[result.status] ?? 0) + 1
    }
  } finally {
    profiling = false
  }
  const n = measured.length
  const per = (phaseName: Phase) => Object.fromEntries(
    [...BUCKETS, 'importKey' as const].map((bucket) => [bucket, { ms: tally[phaseName][bucket].ms / n, calls: tally[phaseName][bucket].calls / n }]),
  )
  return { n, statuses, responseMs: responseMs / n, afterMs: afterMs / n, response: per('response'), after: per('after') }
}

const SNAPSHOT = {
  v: 1 as const, linkId: 'link1', connectionId: 'conn1', workspaceId: 'ws1', appId: 'clickup', connectionName: 'Client ClickUp',
  requesterName: 'Olivia Owner', requesterEmail: 'olivia@agency.test', purpose: 'create' as const, expiresAt: Date.UTC(2030, 0, 1),
}
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'

/** Pieces of the invitation path, in a loop; returns microseconds per iteration. */
const MICRO: Record<string, (env: Env) => unknown> = {
  noop: () => undefined,
  'sha256 (hashToken)': () => hashToken(TOKEN),
  'render invitation page': () => renderPage(h(InvitationPage, { snapshot: SNAPSHOT, app: getApp('clickup')!, token: TOKEN })),
  'render invalid-link page': () => renderPage(h(InvalidLinkPage, {})),
  'drizzle instance (database())': (env) => database(env.DB),
  'depsFromEnv (config + drizzle)': (env) => depsFromEnv(env, 'http://127.0.0.1'),
}

/** A KV namespace held in memory, so the app's own work can be timed without KV's. */
function memoryKv(entries: Record<string, string>): KVNamespace {
  return { get: async (key: string, type?: string) => {
    const value = entries[key]
    return value === undefined ? null : type === 'json' ? JSON.parse(value) : value
  } } as unknown as KVNamespace
}

async function appFetchOnly(env: Env, path: string) {
  const kv = memoryKv({ [`link:${await hashToken(TOKEN)}`]: JSON.stringify(SNAPSHOT) })
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext
  const response = await worker.fetch(new Request(`http://127.0.0.1${path}`), { ...env, LINKS: kv }, ctx)
  await response.arrayBuffer()
}
MICRO['app.fetch invitation (KV in memory)'] = (env) => appFetchOnly(env, `/connect/${TOKEN}`)
MICRO['app.fetch invalid link (KV in memory)'] = (env) => appFetchOnly(env, '/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
MICRO['floor: new Response(fixed page)'] = () => new Response('x'.repeat(2900), { headers: { 'content-type': 'text/html; charset=UTF-8' } }).arrayBuffer()

async function micro(env: Env, n: number, only: string | null) {
  const out: Record<string, number> = {}
  for (const [name, op] of Object.entries(MICRO)) {
    if (only && name !== only) continue
    for (let i = 0; i < Math.min(200, n); i++) await op(env)
    const start = performance.now()
    for (let i = 0; i < n; i++) await op(env)
    out[name] = ((performance.now() - start) / n) * 1000
  }
  return out
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/__bench/profile') return Response.json(await profile(env, await request.json()))
    if (url.pathname === '/__bench/micro') return Response.json(await micro(env, Number(url.searchParams.get('n') ?? 2000), url.searchParams.get('only')))
    return worker.fetch(request, env, ctx)
  },
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>
