import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'
import { createRequire } from 'node:module'
import { chart } from './chart.mjs'
import { BUNDLE_BUDGET_GZIP, WEIGHT_BUDGET } from './config.mjs'
import { median, ratio } from './load.mjs'
import { markdown } from './markdown.mjs'
import { startupLines } from './startup.mjs'
import { HELLO, KV_HIT, KV_MISS, mainTable, ms, profileTable, textTable, x } from './tables.mjs'

const require = createRequire(import.meta.url)
const version = (pkg) => {
  try {
    return require(`${pkg}/package.json`).version
  } catch {
    return '?'
  }
}

/** Which KV floor each scenario is compared with: a page served from a KV hit, or a miss. */
const KV_FLOOR_OF = { 'invitation page': KV_HIT, 'invalid-link page': KV_MISS, [KV_HIT]: KV_HIT, [KV_MISS]: KV_MISS }

export function summarise({ runs, profile, micro, cron, weight, bundle, startup, hookPath, poolRanDry, fakeStats, settings, seconds }) {
  const rows = Object.entries(runs).map(([name, list]) => {
    const kvFloor = KV_FLOOR_OF[name]
    return {
      name,
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      cpu: median(list.map((r) => r.cpuUsPerRequest)),
      unexpected: list.reduce((sum, r) => sum + r.unexpected, 0),
      vsHello: ratio(list, runs[HELLO]),
      vsKv: kvFloor ? ratio(list, runs[kvFloor]) : null,
      p99VsKv: kvFloor ? ratio(list, runs[kvFloor], 'p99') : null,
      cpuVsKv: kvFloor ? ratio(list, runs[kvFloor], 'cpuUsPerRequest') : null,
    }
  })
  const row = (name) => rows.find((r) => r.name === name)
  const sweep = (links, overdue) => cron.rows.find((r) => r.index && r.live === links && r.overdue === overdue)
  const largest = Math.max(...settings.cronSizes)
  const profiled = (name) => profile.find((p) => p.name === name)
  const smallest = Math.min(...settings.cronSizes)
  const indexUsed = cron.plans.some((p) => p.plan.some((line) => line.includes('links_pending_expiry')))
  // A plan step on links keyed by status alone visits every pending link, whatever is overdue.
  const bounded = !cron.plans.some((p) =>
    p.plan.some((line) => /links USING (COVERING )?INDEX links_pending_expiry \(status=\?\)$/.test(line)),
  )
  const goals = [
    goal(
      'Invitation page throughput ≥ 0.9× the one-KV-get floor',
      row('invitation page').vsKv.median >= 0.9,
      `${x(row('invitation page').vsKv.median)} (rounds: ${range(row('invitation page').vsKv)}; ` +
        `CPU/request ${x(row('invitation page').cpuVsKv.median)})`,
    ),
    goal(
      "Invitation page p99 ≤ 1.5× the floor's p99",
      row('invitation page').p99VsKv.median <= 1.5,
      `${x(row('invitation page').p99VsKv.median)} (${row('invitation page').p99} ms vs ${row(KV_HIT).p99} ms)`,
    ),
    goal(
      'Invitation page: no D1 and no key import on the path',
      noD1(profiled('invitation page (repeat view)')),
      describeIo(profiled('invitation page (repeat view)')),
    ),
    goal(
      'Invalid-link page throughput ≥ 0.9× the one-KV-get floor',
      row('invalid-link page').vsKv.median >= 0.9,
      `${x(row('invalid-link page').vsKv.median)} of the floor whose get misses too ` +
        `(rounds: ${range(row('invalid-link page').vsKv)}; CPU/request ${x(row('invalid-link page').cpuVsKv.median)}); ` +
        `${x(ratio(runs['invalid-link page'], runs[KV_HIT]).median)} of the KV-hit floor`,
    ),
    goal(
      'Invitation HTML + CSS ≤ 12 KB, 0 KB of required JavaScript',
      weight.htmlPlusCss <= WEIGHT_BUDGET && weight.jsBytes === 0 && weight.scriptTags === 0,
      `${kb(weight.htmlPlusCss)} (HTML ${kb(weight.htmlBytes)} + CSS ${kb(weight.cssBytes)}), ${weight.scriptTags} <script> tags`,
    ),
    goal(
      `Cron sweep, ${count(largest)} links with 1k overdue: < 1 s`,
      sweep(largest, 1000) && sweep(largest, 1000).ms < 1000,
      sweep(largest, 1000) ? `${sweep(largest, 1000).ms.toFixed(1)} ms` : 'not run (quick mode)',
    ),
    goal(
      `Cron sweep, ${count(largest)} links with 0 overdue: < 50 ms`,
      sweep(largest, 0) && sweep(largest, 0).ms < 50,
      sweep(largest, 0) ? `${sweep(largest, 0).ms.toFixed(1)} ms; index used: ${indexUsed ? 'yes' : 'NO'}` : 'not run',
    ),
    goal(
      'Cron sweep time follows the overdue links, not the table',
      bounded && sweep(largest, 0).ms <= 2 * sweep(smallest, 0).ms + 5,
      `0 overdue: ${sweep(smallest, 0).ms.toFixed(1)} ms at ${count(smallest)} links, ` +
        `${sweep(largest, 0).ms.toFixed(1)} ms at ${count(largest)}; ` +
        (bounded ? 'no statement walks the pending links' : 'a statement walks every pending link (status-only index range)'),
    ),
    goal(
      `Worker bundle ≤ ${BUNDLE_BUDGET_GZIP / 1024} KiB gzip`,
      bundle.gzip <= BUNDLE_BUDGET_GZIP,
      `${kib(bundle.gzip)} gzip -9 (${kib(bundle.bytes)} raw)` +
        (startup.error ? '' : `; startup ${startup.activeMs} ms active CPU (wrangler check startup, local)`),
    ),
    goal(
      'Link generation: one D1 write (one batch) per request',
      d1Writes(profiled('link generation')) === 1,
      `${describeIo(profiled('link generation'))}; ${x(row('link generation').vsHello.median)} of hello world`,
    ),
    goal(
      'Credential submission: one D1 write (one batch) per request',
      d1Writes(profiled('credential submission')) === 1,
      `${describeIo(profiled('credential submission'))}; ${x(row('credential submission').vsHello.median)} of hello world`,
    ),
  ]
  return {
    when: new Date().toISOString(),
    seconds,
    settings,
    machine: machine(),
    versions: {
      node: process.version,
      wrangler: version('wrangler'),
      miniflare: version('miniflare'),
      workerd: version('workerd'),
      autocannon: version('autocannon'),
    },
    rows,
    goals,
    profile,
    micro,
    cron,
    weight,
    bundle,
    startup,
    hookPath,
    poolRanDry,
    fakeStats,
  }
}

const goal = (text, met, detail) => ({ text, met: Boolean(met), detail })
const round = (v) => (Math.abs(v - Math.round(v)) < 0.005 ? String(Math.round(v)) : v.toFixed(2))
const range = (r) => `${r.min.toFixed(2)}–${r.max.toFixed(2)}`
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
const count = (n) => (n >= 1000 ? `${n / 1000}k` : String(n))
const d1Writes = (p) => (p ? p.d1Writes.response + p.d1Writes.after : null)
const noD1 = (p) => p && p.response.d1.calls === 0 && p.after.d1.calls === 0 && p.response.importKey.calls === 0
const describeIo = (p) => {
  if (!p) return 'not profiled'
  const io = (bucket) => p.response[bucket].calls + p.after[bucket].calls
  const trips = io('d1')
  return (
    `D1 round trips per request: ${round(trips)} (${round(trips - d1Writes(p))} read, ${round(d1Writes(p))} write), ` +
    `KV calls: ${round(io('kv'))}, key imports: ${round(io('importKey'))}`
  )
}

function machine() {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /model name\s*:\s*(.*)/.exec(info)?.[1] ?? cpus()[0]?.model ?? '?'
  return { cpus: cpus().length, model, memoryGb: (totalmem() / 2 ** 30).toFixed(1), kernel: release(), platform: process.platform }
}

export async function writeReport(results, { write, log }) {
  log(`\n${textTable(mainTable(results))}`)
  log('\nGoals')
  for (const g of results.goals) log(`  ${g.met ? 'met   ' : 'MISSED'}  ${g.text}: ${g.detail}`)
  log('\nWhere the time goes (ms per request, one request at a time)')
  log(textTable(profileTable(results)))
  log('\nCron sweep')
  for (const r of results.cron.rows) {
    const dropped = r.index ? '' : ' (index dropped)'
    log(`  ${String(r.links).padStart(7)} links, ${String(r.overdue).padStart(5)} overdue${dropped}: ${ms(r.ms)} ms`)
  }
  if (results.poolRanDry)
    log(`\nWARNING: the submission link pool ran dry ${results.poolRanDry} times; those requests hit an unknown link.`)
  const w = results.weight
  log(`\nPage weight: HTML ${w.htmlBytes} B + CSS ${w.cssBytes} B = ${w.htmlPlusCss} B; <script> tags: ${w.scriptTags}`)
  for (const line of startupLines(results)) log(line)
  log(`Took ${results.seconds.toFixed(0)} s.`)
  if (!write) {
    log('(quick run: docs/BENCHMARKS.md left as it is; BENCH_WRITE=1 writes it)')
    return
  }
  mkdirSync('docs', { recursive: true })
  writeFileSync('docs/bench-chart.svg', chart(results))
  // bench/table.mjs, bench/health-sweep.mjs, bench/proxy.mjs and bench/runs.mjs own their sections between their
  // markers; a rerun of this part keeps them.
  const previous = existsSync('docs/BENCHMARKS.md') ? readFileSync('docs/BENCHMARKS.md', 'utf8') : ''
  const kept = ['table', 'health', 'proxy', 'runs'].map(
    (name) => new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`).exec(previous)?.[0],
  )
  writeFileSync('docs/BENCHMARKS.md', `${[markdown(results).trimEnd(), ...kept.filter(Boolean)].join('\n\n')}\n`)
  log('Wrote docs/BENCHMARKS.md and docs/bench-chart.svg')
}
