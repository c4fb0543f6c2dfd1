/**
 * `npm run bench:proxy` (also part of `npm run bench`): the credential proxy's overhead. The same loopback fake ClickUp
 * (its own process) is called directly from Node and through `GET /api/v1/connections/:id/proxy/api/v2/user` on
 * Miniflare driven directly, with the same client (closed loop, keep-alive, same concurrency), alternating in each round.
 * The fake answers after a set service time: at once (information: the fixed cost is the whole latency there), and after
 * tens of milliseconds, as a real API does. Goal (issue 14): proxied p50 ≤ 1.3× the direct p50 at a real API's latency.
 * The harness (bench/harness/worker.tsx) then replays proxied calls one at a time and counts their D1 round trips.
 * Writes its section of docs/BENCHMARKS.md (between the proxy markers) unless BENCH_WRITE=0.
 * Knobs: BENCH_PROXY_REQUESTS (100 per kind per round), BENCH_ROUNDS (5), BENCH_PROXY_CONCURRENCY (1),
 * BENCH_PROXY_LATENCIES (0,25,50 ms).
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundle } from './lib/build.mjs'
import { overRounds, sampleLatencies, summary } from './lib/latency.mjs'
import { startRuntime } from './lib/runtime.mjs'
import { writeSection } from './lib/section.mjs'

const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback)
const REQUESTS = number('BENCH_PROXY_REQUESTS', 100)
const ROUNDS = number('BENCH_ROUNDS', 5)
const CONCURRENCY = number('BENCH_PROXY_CONCURRENCY', 1)
const LATENCIES = (process.env.BENCH_PROXY_LATENCIES ?? '0,25,50').split(',').map(Number)
const WARMUP = 20
const RATIO_BUDGET = 1.3
const APP_TOKEN = 'pk_bench_proxy_0123456789'
const work = mkdtempSync(join(tmpdir(), 'tether-bench-proxy-'))
const fake = fork(new URL('./lib/fake-app.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
let runtime

async function ownerWithToken(origin, db) {
  const email = `proxy-${Date.now()}-${Math.random().toString(36).slice(2)}@agency.test`
  const password = 'correct horse battery staple'
  const post = (path, body, headers = {}) =>
    fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  if ((await post('/api/v1/auth/signup', { email, password, name: 'Proxy Owner' })).status !== 202) throw new Error('sign-up failed')
  await db.prepare('UPDATE users SET email_verified_at = ? WHERE email = ?').bind(Date.now(), email).run()
  const login = await post('/api/v1/auth/login', { email, password })
  const cookie = login.headers.getSetCookie()[0].split(';')[0]
  const created = await post(
    '/api/v1/connections',
    { appId: 'clickup', name: 'Bench', via: 'direct', credentials: { apiToken: APP_TOKEN } },
    { cookie },
  )
  if (created.status !== 201) throw new Error(`connection: HTTP ${created.status} ${await created.text()}`)
  const minted = await post('/api/v1/tokens', { name: 'bench', scope: 'read' }, { cookie })
  return { connectionId: (await created.json()).connection.id, token: (await minted.json()).token }
}

/** Found while building this (2026-12-02, on the same shared machine); the figures above are this run's. */
const WHERE_THE_TIME_GOES = [
  "What a proxied call costs on top of the upstream's time, and what was changed (measured while building this, on the same",
  'shared machine, where the same code moves by ±0.03× between runs; `workerd` CPU per call was 5–9 ms against the',
  "floor's 2–3 ms, so the overhead is CPU on a core shared with the client and the fake, not waiting):",
  '',
  '- **The audit** went to a queue (`tether-audit`, `src/services/proxy-audit.ts`): written to D1 after each answer, its',
  "  insert competed with the next call for the isolate's thread and the database (−3.6 ms at once with it switched off).",
  "  A send to the queue costs about as much here (1.33× → 1.27× with it off), so an isolate's calls within 100 ms share",
  '  one `sendBatch`, and the consumer writes a batch in one D1 round trip, nine events per statement.',
  '- **Small answers** of known length (≤ 256 KB) are read whole and scrubbed at once: a `TransformStream` through',
  '  JavaScript cost more to set up than the answer itself (1.29× → 1.24×). Larger or unknown answers stream through one',
  '  stream that scrubs, holds the 10 MiB cap and says when the answer has gone (there were three).',
  "- **Routing**: the proxy's URLs go to an app of their own (`buildProxyApp`), the same middlewares without matching",
  "  the whole app's ~300 routes in Hono's trie router first (the app's routes defeat its RegExp router).",
  '- **The gate** (`src/db/proxy.ts`: token, connection, both rate-limit counters, one D1 round trip) is two statements',
  '  built once per isolate with placeholders, instead of four built by drizzle on every call. It stays a write before',
  '  the call: counting while the call is in flight was tried and was slower (its write competed with the upstream',
  '  call), and the Workers rate-limit binding is slower still in Miniflare and only approximate; counted in the batch,',
  '  the limit holds exactly under concurrency, like every other counter in Tether.',
  '- **Left**: the gate batch (~3.5 ms in Miniflare, which compiles every statement anew and takes the database size',
  "  around each), the D1 binding's JSON and tracing, decrypting the credentials (AES-GCM), hashing the token, and",
  '  Hono with its four middlewares; a CPU profile over the inspector shows no single piece above ~0.5 ms.',
]

// The proxy's own per-minute limits would answer 429 to a benchmark: its counters are reset before each batch.
const resetLimits = (db) => db.prepare("DELETE FROM rate_limits WHERE key LIKE 'proxy-%'").run()
const fakeConnections = async (fakeUrl) => (await (await fetch(`${fakeUrl}/__stats`)).json()).connections

try {
  const fakePort = await new Promise((resolve) => fake.once('message', (message) => resolve(message.port)))
  const fakeUrl = `http://127.0.0.1:${fakePort}`
  console.log('Bundling the worker and the harness (wrangler deploy --dry-run)…')
  const appScript = bundle(join(work, 'app'))
  const harnessScript = bundle(join(work, 'harness'), 'bench/harness/worker.tsx')
  runtime = await startRuntime({ appScript, harnessScript, fakeAppUrl: fakeUrl })
  const db = await runtime.mf.getD1Database('DB', 'tether')
  const { connectionId, token } = await ownerWithToken(runtime.urls.tether, db)
  const proxyBase = `${runtime.urls.tether}/api/v1/connections/${connectionId}/proxy`
  const upstreamPath = (ms) => (ms > 0 ? `/delay/${ms}/api/v2/user` : '/api/v2/user')
  const kinds = LATENCIES.flatMap((ms) => [
    { ms, via: 'direct', request: { url: `${fakeUrl}${upstreamPath(ms)}`, headers: { authorization: APP_TOKEN } } },
    {
      ms,
      via: 'floor',
      request: { url: `${runtime.urls['proxy-floor']}${upstreamPath(ms)}`, headers: { authorization: `Bearer ${token}` } },
    },
    { ms, via: 'proxied', request: { url: `${proxyBase}${upstreamPath(ms)}`, headers: { authorization: `Bearer ${token}` } } },
  ])
  const connectionsOpened = { direct: 0, floor: 0, proxied: 0, calls: 0 }
  const batch = async (kind, requests) => {
    if (kind.via === 'proxied') await resetLimits(db)
    const before = await fakeConnections(fakeUrl)
    const samples = await sampleLatencies(kind.request, { requests, concurrency: CONCURRENCY })
    connectionsOpened[kind.via] += (await fakeConnections(fakeUrl)) - before
    if (kind.via === 'direct') connectionsOpened.calls += requests
    return samples
  }
  console.log(`Warm-up, then ${ROUNDS} rounds × ${REQUESTS} calls per kind at concurrency ${CONCURRENCY}…`)
  for (const kind of kinds) await batch(kind, WARMUP)
  Object.assign(connectionsOpened, { direct: 0, floor: 0, proxied: 0, calls: 0 })
  const rounds = kinds.map(() => [])
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, kind] of kinds.entries()) rounds[index].push(summary(await batch(kind, REQUESTS)))
    console.log(`  round ${round + 1}/${ROUNDS} done`)
  }

  const fmt = (value, digits = 2) => value.toFixed(digits)
  const range = ({ min, max }) => `${fmt(min)}–${fmt(max)}`
  const results = LATENCIES.map((ms, i) => {
    const [direct, floor, proxied] = rounds.slice(3 * i, 3 * i + 3)
    const of = (list) => ({ p50: overRounds(list.map((r) => r.p50)), p99: overRounds(list.map((r) => r.p99)) })
    const ratio = (a, b, key) => overRounds(a.map((r, round) => r[key] / b[round][key]))
    return {
      ms,
      direct: of(direct),
      floor: of(floor),
      proxied: of(proxied),
      overhead: overRounds(proxied.map((r, round) => r.p50 - direct[round].p50)),
      p50: ratio(proxied, direct, 'p50'),
      p99: ratio(proxied, direct, 'p99'),
      floorP50: ratio(floor, direct, 'p50'),
      overFloor: ratio(proxied, floor, 'p50'),
    }
  })

  // Where a proxied call's time goes, one at a time in the harness: its D1 round trips counted at the binding.
  const harnessDb = await runtime.mf.getD1Database('DB', 'harness')
  const probe = await ownerWithToken(runtime.urls.harness, harnessDb)
  await resetLimits(harnessDb)
  const probeUrl = `${runtime.urls.harness}/api/v1/connections/${probe.connectionId}/proxy${upstreamPath(LATENCIES.at(-1))}`
  const requests = Array.from({ length: REQUESTS + 10 }, () => ({
    method: 'GET',
    url: probeUrl,
    headers: { authorization: `Bearer ${probe.token}` },
  }))
  const profile = await (
    await fetch(`${runtime.urls.harness}/__bench/profile`, { method: 'POST', body: JSON.stringify({ requests, warmup: 10 }) })
  ).json()
  if (Object.keys(profile.statuses).join() !== '200') throw new Error(`harness proxied calls: ${JSON.stringify(profile.statuses)}`)

  const both = (kind) => `${fmt(kind.p50.median)} / ${fmt(kind.p99.median)}`
  const lines = [
    '| Upstream answers | direct p50 / p99 ms | floor p50 / p99 ms | proxied p50 / p99 ms | proxied − direct at p50 ms | ' +
      'proxied ÷ direct p50 (rounds) | p99 | floor ÷ direct p50 | proxied ÷ floor p50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.ms === 0 ? 'at once (information)' : `after ${r.ms} ms`} | ${both(r.direct)} | ${both(r.floor)} | ${both(r.proxied)} | ` +
        `${fmt(r.overhead.median)} | **${fmt(r.p50.median)}×** (${range(r.p50)}) | ${fmt(r.p99.median)}× | ` +
        `${fmt(r.floorP50.median)}× | ${fmt(r.overFloor.median)}× |`,
    ),
  ]
  const d1Trips = profile.response.d1.calls + profile.after.d1.calls
  const realistic = results.filter((r) => r.ms > 0)
  const verdicts = realistic.map((r) => `${r.p50.median <= RATIO_BUDGET ? 'met' : 'MISSED'} at ${r.ms} ms (${fmt(r.p50.median)}×)`)
  const verdict =
    `Goals: proxied p50 ≤ ${RATIO_BUDGET}× direct at a real API's latency: ${verdicts.join(', ')}; against an upstream that answers ` +
    `at once ${fmt(results.find((r) => r.ms === 0)?.p50.median ?? Number.NaN)}× (the proxy's fixed cost is the whole latency there). ` +
    `D1 round trips per proxied call without an OAuth refresh: ${fmt(d1Trips, 1)} ` +
    `(${fmt(profile.response.d1.calls, 1)} before the answer, ${fmt(profile.after.d1.calls, 1)} after it, plus a share of the ` +
    `audit consumer's one per batch of up to 100 calls; goal ≤ 2: ${d1Trips < 2 ? 'met' : 'MISSED'}).`
  const breakdown =
    `One at a time in the harness (${profile.n} calls, upstream after ${LATENCIES.at(-1)} ms): ${fmt(profile.responseMs)} ms to the last ` +
    `byte, of which D1 ${fmt(profile.response.d1.ms)} ms (${fmt(profile.response.d1.calls, 1)} trip), upstream ` +
    `${fmt(profile.response.upstream.ms)} ms, Web Crypto ${fmt(profile.response.crypto.ms)} ms, key imports ` +
    `${fmt(profile.response.importKey.calls, 1)}; after the answer ${fmt(profile.afterMs)} ms ` +
    `(D1 ${fmt(profile.after.d1.calls, 1)} trips: the audit is gathered for 100 ms, then enqueued; the consumer writes a whole ` +
    'batch of them in one more round trip). TCP connections the fake accepted during the measured rounds: ' +
    `${connectionsOpened.direct} from Node for ` +
    `${connectionsOpened.calls} direct calls, ${connectionsOpened.floor} and ${connectionsOpened.proxied} from workerd for as many ` +
    'calls through the floor and the proxy.'
  console.log(['', ...lines, '', verdict, '', breakdown].join('\n'))
  writeSection('proxy', [
    '## Credential proxy overhead (`npm run bench:proxy`)',
    '',
    `Run ${new Date().toISOString().slice(0, 10)}: ${ROUNDS} rounds; in each, ${REQUESTS} calls per kind (after ${WARMUP} warm-up`,
    `calls per kind before the first round) of \`GET /api/v2/user\` on a loopback fake ClickUp (its own process), directly from Node and`,
    'through the proxy (read token, ClickUp connection, Miniflare driven directly), the kinds alternating. _Floor_ is a worker in',
    'the same workerd that makes one D1 query and then the same upstream call, streaming the answer back: the least any',
    'authenticated proxy costs here (bench/lib/floors.mjs). One client for all three:',
    `Node's fetch, keep-alive, ${CONCURRENCY} call${CONCURRENCY === 1 ? '' : 's'} in flight, each body read to its last byte. p50 and p99`,
    'per round; the table shows the median of rounds, and each ratio is taken within a round, then its median. The fake',
    'answers after a set service time: at once (information), and after tens of milliseconds, as a real API does. Other',
    `sessions share the cores (1-minute load average at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores).`,
    '',
    ...lines,
    '',
    verdict,
    '',
    breakdown,
    '',
    ...WHERE_THE_TIME_GOES,
  ])
  if (realistic.some((r) => r.p50.median > RATIO_BUDGET) || d1Trips > 2) process.exitCode = 1
} finally {
  await runtime?.mf.dispose()
  fake.disconnect()
  rmSync(work, { recursive: true, force: true })
}
