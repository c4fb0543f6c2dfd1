/**
 * Bench-only worker: Tether's real worker with its bindings, Web Crypto and outbound fetch
 * wrapped in timers. Every path is the app itself, except:
 * - POST /__bench/profile  replays requests one at a time and says where each one's time went
 *   (crypto, D1, KV, upstream, and the rest: routing, validation, query building, rendering),
 *   before the response and after it (waitUntil);
 * - GET  /__bench/micro    times pieces of the hot paths in a loop (µs per call);
 * - POST /__bench/scheduled runs the real scheduled handler once and times it, optionally
 *   returning the SQL it ran with each statement's EXPLAIN QUERY PLAN.
 */
import { Hono } from 'hono'
import worker from '../../src/index'
import { getApp } from '../../src/apps'
import { database } from '../../src/db/client'
import { loadKeyring, seal } from '../../src/domain/crypto'
import { hashToken, newToken } from '../../src/domain/tokens'
import type { Env } from '../../src/env'
import { edgeOf } from '../../src/http/deps'
import { depsFromEnv } from '../../src/services/deps'
import { InvitationPage } from '../../src/views/pages/connect/invitation'
import { renderInvitationPage } from '../../src/views/pages/connect/invitation-template'
import { InvalidLinkPage } from '../../src/views/pages/connect/outcomes'
import { renderPage } from '../../src/views/render'

type Bucket = 'crypto' | 'importKey' | 'd1' | 'kv' | 'upstream'
type Phase = 'response' | 'after'
const BUCKETS: Bucket[] = ['crypto', 'importKey', 'd1', 'kv', 'upstream']

let profiling = false
let phase: Phase = 'response'
let tally = emptyTally()
let capturedSql: { sql: string; params: unknown[] }[] | null = null

function emptyTally(): Record<Phase, Record<Bucket, { ms: number; calls: number }>> {
  const phaseTally = () => Object.fromEntries(BUCKETS.map((b) => [b, { ms: 0, calls: 0 }])) as Record<Bucket, { ms: number; calls: number }>
  return { response: phaseTally(), after: phaseTally() }
}

async function timed<T>(bucket: Bucket, run: () => Promise<T>): Promise<T> {
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

// Web Crypto and fetch are globals the app reaches at call time, so wrapping them here counts every use.
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

const INNER = Symbol('inner')
type Wrapped = D1PreparedStatement & { [INNER]: D1PreparedStatement }
const statementSql = new WeakMap<object, { sql: string; params: unknown[] }>()

/** D1 round trips that write (any statement not a plain select), counted apart from reads. */
let d1Writes: Record<Phase, number> = { response: 0, after: 0 }
const isWrite = (sql: string) => !/^\s*select\b/i.test(sql)
function countWrite(sqls: string[]) {
  if (profiling && sqls.some(isWrite)) d1Writes[phase]++
}

function wrapStatement(statement: D1PreparedStatement, sql: string, params: unknown[] = []): D1PreparedStatement {
  const run = <T,>(execute: () => Promise<T>): Promise<T> => {
    capturedSql?.push({ sql, params })
    countWrite([sql])
    return timed('d1', execute)
  }
  const wrapped = {
    [INNER]: statement,
    bind: (...values: unknown[]) => wrapStatement(statement.bind(...values), sql, values),
    first: (column?: string) => run(() => (column === undefined ? statement.first() : statement.first(column))),
    all: () => run(() => statement.all()),
    run: () => run(() => statement.run()),
    raw: (options?: { columnNames?: boolean }) => run(() => (statement.raw as (o?: unknown) => Promise<unknown>).call(statement, options)),
  }
  statementSql.set(wrapped, { sql, params })
  return wrapped as unknown as D1PreparedStatement
}

/** D1 with each round trip timed: a batch is one round trip, however many statements it holds. */
function wrapD1(db: D1Database): D1Database {
  return {
    prepare: (sql: string) => wrapStatement(db.prepare(sql), sql),
    batch: (statements: D1PreparedStatement[]) => {
      const known = statements.map((statement) => statementSql.get(statement)?.sql ?? 'update')
      for (const statement of statements) {
        const found = statementSql.get(statement)
        if (found) capturedSql?.push(found)
      }
      countWrite(known)
      return timed('d1', () => db.batch(statements.map((s) => (s as Wrapped)[INNER] ?? s)))
    },
    exec: (sql: string) => timed('d1', () => db.exec(sql)),
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

const wrappedEnv = (env: Env) => ({ ...env, DB: wrapD1(env.DB), LINKS: wrapKv(env.LINKS) }) as Env

function collectingContext(): { ctx: ExecutionContext; pending: Promise<unknown>[] } {
  const pending: Promise<unknown>[] = []
  const ctx = {
    waitUntil: (p: Promise<unknown>) => void pending.push(p),
    passThroughOnException() {},
    props: {},
  } as unknown as ExecutionContext
  return { ctx, pending }
}

interface RequestSpec {
  method: string
  url: string
  headers?: Record<string, string>
  body?: string
}

async function profile(env: Env, body: { requests: RequestSpec[]; warmup?: number }) {
  const bound = wrappedEnv(env)
  const send = async (spec: RequestSpec) => {
    const { ctx, pending } = collectingContext()
    phase = 'response'
    const start = performance.now()
    const response = await worker.fetch(new Request(spec.url, { method: spec.method, headers: spec.headers, body: spec.body }), bound, ctx)
    await response.arrayBuffer()
    const responseMs = performance.now() - start
    phase = 'after'
    const afterStart = performance.now()
    await Promise.allSettled(pending)
    return { status: response.status, responseMs, afterMs: performance.now() - afterStart }
  }
  const warmup = body.warmup ?? 0
  for (const spec of body.requests.slice(0, warmup)) await send(spec)
  const measured = body.requests.slice(warmup)
  tally = emptyTally()
  d1Writes = { response: 0, after: 0 }
  profiling = true
  let responseMs = 0
  let afterMs = 0
  const statuses: Record<number, number> = {}
  try {
    for (const spec of measured) {
      const result = await send(spec)
      responseMs += result.responseMs
      afterMs += result.afterMs
      statuses[result.status] = (statuses[result.status] ?? 0) + 1
    }
  } finally {
    profiling = false
  }
  const n = measured.length
  const perRequest = (p: Phase) => Object.fromEntries(BUCKETS.map((b) => [b, { ms: tally[p][b].ms / n, calls: tally[p][b].calls / n }]))
  return {
    n,
    statuses,
    responseMs: responseMs / n,
    afterMs: afterMs / n,
    response: perRequest('response'),
    after: perRequest('after'),
    d1Writes: { response: d1Writes.response / n, after: d1Writes.after / n },
  }
}

const SNAPSHOT = {
  v: 1 as const,
  linkId: 'link1',
  connectionId: 'conn1',
  workspaceId: 'ws1',
  appId: 'clickup',
  connectionName: 'Client ClickUp',
  requesterName: 'Olivia Owner',
  requesterEmail: 'olivia@agency.test',
  purpose: 'create' as const,
  expiresAt: Date.UTC(2030, 0, 1),
}
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'

/** Pieces of the hot paths, each timed over a loop (µs per call). */
const MICRO: Record<string, (env: Env) => unknown> = {
  'sha256 of a token (hashToken)': () => hashToken(TOKEN),
  'render invitation with preact (InvitationPage)': () =>
    renderPage(<InvitationPage snapshot={SNAPSHOT} app={getApp('clickup')!} token={TOKEN} />),
  'render invitation as served (renderInvitationPage)': () => renderInvitationPage(SNAPSHOT, getApp('clickup')!, TOKEN),
  'render invalid-link page with preact': () => renderPage(<InvalidLinkPage />),
  'drizzle instance (database())': (env) => database(env.DB),
  'request deps (depsFromEnv: config + drizzle)': (env) => depsFromEnv(env, 'http://127.0.0.1', edgeOf(env)),
  'AES key import (what a per-request import would cost)': () =>
    crypto.subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['encrypt', 'decrypt']),
  'keyring from cache (loadKeyring)': (env) => loadKeyring(env.ENCRYPTION_KEYS),
  'new token + seal it (AES-256-GCM)': async (env) => seal(await loadKeyring(env.ENCRYPTION_KEYS), newToken(), 'tether/link/x/token'),
}

/** KV held in memory, so the app's own work on the page paths can be timed without KV's. */
let memoryKv: KVNamespace | undefined
async function pageFromMemory(env: Env, path: string) {
  if (!memoryKv) {
    const entries = new Map([[`link:${await hashToken(TOKEN)}`, JSON.stringify(SNAPSHOT)]])
    memoryKv = {
      get: async (key: string, type?: string) => {
        const value = entries.get(key)
        return value === undefined ? null : type === 'json' ? JSON.parse(value) : value
      },
    } as unknown as KVNamespace
  }
  const { ctx } = collectingContext()
  const response = await worker.fetch(new Request(`http://127.0.0.1${path}`), { ...env, LINKS: memoryKv }, ctx)
  await response.arrayBuffer()
}
const FIXED_PAGE = 'x'.repeat(2900)
MICRO['whole app, invitation page (KV in memory)'] = (env) => pageFromMemory(env, `/connect/${TOKEN}`)
MICRO['whole app, invalid-link page (KV in memory)'] = (env) => pageFromMemory(env, '/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
MICRO['floor: new Request + new Response(fixed page)'] = async () => {
  void new Request('http://127.0.0.1/hit')
  await new Response(FIXED_PAGE, { headers: { 'content-type': 'text/html; charset=UTF-8' } }).arrayBuffer()
}

// The framework's share: Hono with as many pass-through middlewares as the page paths run, returning c.html().
const bareHono = new Hono()
for (let i = 0; i < 4; i++)
  bareHono.use(async (_c, next) => {
    await next()
  })
bareHono.get('/connect/:token', (c) => c.html(FIXED_PAGE))
MICRO['Hono alone: 4 pass-through middlewares + c.html(fixed page)'] = async () => {
  await (await bareHono.fetch(new Request('http://127.0.0.1/connect/AbCdEfGhIjKlMnOpQrStUvWxYz012345'))).arrayBuffer()
}

async function micro(env: Env, n: number) {
  const out: Record<string, number> = {}
  for (const [name, op] of Object.entries(MICRO)) {
    for (let i = 0; i < Math.min(200, n); i++) await op(env)
    const start = performance.now()
    for (let i = 0; i < n; i++) await op(env)
    out[name] = ((performance.now() - start) / n) * 1000
  }
  return out
}

/** One run of the real scheduled handler, awaited to its end (waitUntil included). */
async function scheduled(env: Env, { at, explain }: { at: number; explain?: boolean }) {
  const { ctx, pending } = collectingContext()
  const controller = { scheduledTime: at, cron: '*/5 * * * *', noRetry() {} } as ScheduledController
  const statements: { sql: string; params: unknown[] }[] = []
  capturedSql = explain ? statements : null
  const start = performance.now()
  try {
    await worker.scheduled(controller, explain ? wrappedEnv(env) : env, ctx)
    await Promise.all(pending)
  } finally {
    capturedSql = null
  }
  const ms = performance.now() - start
  if (!explain) return { ms }
  const seen = new Set<string>()
  const plans = []
  for (const { sql, params } of statements) {
    if (seen.has(sql)) continue
    seen.add(sql)
    const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>()
    plans.push({ sql, plan: rows.results.map((row) => row.detail) })
  }
  return { ms, statements: statements.length, plans }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/__bench/profile') return Response.json(await profile(env, await request.json()))
    if (url.pathname === '/__bench/micro') return Response.json(await micro(env, Number(url.searchParams.get('n') ?? 2000)))
    if (url.pathname === '/__bench/scheduled') return Response.json(await scheduled(env, await request.json()))
    return worker.fetch(request, env, ctx)
  },
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>
