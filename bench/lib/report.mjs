import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'
import { createRequire } from 'node:module'
import { chart } from './chart.mjs'
import { median, ratio } from './load.mjs'

const require = createRequire(import.meta.url)
const version = (pkg) => {
  try {
    return require(`${pkg}/package.json`).version
  } catch {
    return '?'
  }
}

const HELLO = 'floor: hello world'
const KV_HIT = 'floor: one KV get (hit)'
const KV_MISS = 'floor: one KV get (miss)'
/** Which KV floor each scenario is compared with: a page served from a KV hit, or a miss. */
const KV_FLOOR_OF = { 'invitation page': KV_HIT, 'invalid-link page': KV_MISS, [KV_HIT]: KV_HIT, [KV_MISS]: KV_MISS }
const WEIGHT_BUDGET = 12_000

export function summarise({ runs, profile, micro, cron, weight, hookPath, poolRanDry, fakeStats, settings, seconds }) {
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
      `${x(row('invitation page').vsKv.median)} (rounds: ${range(row('invitation page').vsKv)}; CPU/request ${x(row('invitation page').cpuVsKv.median)})`,
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
      `${x(row('invalid-link page').vsKv.median)} of the floor whose get misses too (rounds: ${range(row('invalid-link page').vsKv)}; CPU/request ${x(row('invalid-link page').cpuVsKv.median)}); ` +
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
      `0 overdue: ${sweep(smallest, 0).ms.toFixed(1)} ms at ${count(smallest)} links, ${sweep(largest, 0).ms.toFixed(1)} ms at ${count(largest)}; ` +
        (bounded ? 'no statement walks the pending links' : 'a statement walks every pending link (status-only index range)'),
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
    hookPath,
    poolRanDry,
    fakeStats,
  }
}

const goal = (text, met, detail) => ({ text, met: Boolean(met), detail })
const round = (v) => (Math.abs(v - Math.round(v)) < 0.005 ? String(Math.round(v)) : v.toFixed(2))
const x = (value) => (value === null || value === undefined ? '–' : `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}×`)
const range = (r) => `${r.min.toFixed(2)}–${r.max.toFixed(2)}`
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`
const count = (n) => (n >= 1000 ? `${n / 1000}k` : String(n))
const ms = (v) => (v === null || v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1))
const d1Writes = (p) => (p ? p.d1Writes.response + p.d1Writes.after : null)
const noD1 = (p) => p && p.response.d1.calls === 0 && p.after.d1.calls === 0 && p.response.importKey.calls === 0
const describeIo = (p) => {
  if (!p) return 'not profiled'
  const io = (bucket) => p.response[bucket].calls + p.after[bucket].calls
  const trips = io('d1')
  return `D1 round trips per request: ${round(trips)} (${round(trips - d1Writes(p))} read, ${round(d1Writes(p))} write), KV calls: ${round(io('kv'))}, key imports: ${round(io('importKey'))}`
}

function machine() {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /model name\s*:\s*(.*)/.exec(info)?.[1] ?? cpus()[0]?.model ?? '?'
  return { cpus: cpus().length, model, memoryGb: (totalmem() / 2 ** 30).toFixed(1), kernel: release(), platform: process.platform }
}

const SCENARIO_ORDER = [
  HELLO,
  KV_HIT,
  'invitation page',
  KV_MISS,
  'invalid-link page',
  'link generation',
  'credential submission',
  'workflow run (webhook)',
]

function mainTable(results) {
  const head = ['Target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', '× hello', '× KV floor', 'p99 × KV floor']
  const body = SCENARIO_ORDER.map((name) => results.rows.find((r) => r.name === name))
    .filter(Boolean)
    .map((r) => [
      r.name,
      r.rps.toFixed(0),
      String(r.p50),
      String(r.p99),
      r.cpu === null ? '–' : r.cpu.toFixed(0),
      x(r.vsHello.median),
      r.vsKv ? x(r.vsKv.median) : '',
      r.p99VsKv ? x(r.p99VsKv.median) : '',
    ])
  return { head, body }
}

function profileTable(results) {
  const head = [
    'Scenario',
    'response ms',
    'crypto',
    'D1 (trips)',
    'KV (calls)',
    'upstream (calls)',
    'other JS',
    'after response ms',
    'after: D1 (trips)',
    'after: upstream',
  ]
  const cell = (b) => `${ms(b.ms)} (${b.calls.toFixed(b.calls % 1 ? 2 : 0)})`
  const body = results.profile.map((p) => {
    const io = ['crypto', 'importKey', 'd1', 'kv', 'upstream'].reduce((sum, b) => sum + p.response[b].ms, 0)
    return [
      p.name,
      ms(p.responseMs),
      ms(p.response.crypto.ms + p.response.importKey.ms),
      cell(p.response.d1),
      cell(p.response.kv),
      cell(p.response.upstream),
      ms(Math.max(0, p.responseMs - io)),
      ms(p.afterMs),
      cell(p.after.d1),
      cell(p.after.upstream),
    ]
  })
  return { head, body }
}

function markdownTable({ head, body }) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join('\n')
}

function textTable({ head, body }) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

export async function writeReport(results, { write, log }) {
  log(`\n${textTable(mainTable(results))}`)
  log('\nGoals')
  for (const g of results.goals) log(`  ${g.met ? 'met   ' : 'MISSED'}  ${g.text}: ${g.detail}`)
  log('\nWhere the time goes (ms per request, one request at a time)')
  log(textTable(profileTable(results)))
  log('\nCron sweep')
  for (const r of results.cron.rows)
    log(
      `  ${String(r.links).padStart(7)} links, ${String(r.overdue).padStart(5)} overdue${r.index ? '' : ' (index dropped)'}: ${ms(r.ms)} ms`,
    )
  if (results.poolRanDry)
    log(`\nWARNING: the submission link pool ran dry ${results.poolRanDry} times; those requests hit an unknown link.`)
  log(
    `\nPage weight: HTML ${results.weight.htmlBytes} B + CSS ${results.weight.cssBytes} B = ${results.weight.htmlPlusCss} B; <script> tags: ${results.weight.scriptTags}`,
  )
  log(`Took ${results.seconds.toFixed(0)} s.`)
  if (!write) {
    log('(quick run: docs/BENCHMARKS.md left as it is; BENCH_WRITE=1 writes it)')
    return
  }
  mkdirSync('docs', { recursive: true })
  writeFileSync('docs/bench-chart.svg', chart(results))
  writeFileSync('docs/BENCHMARKS.md', markdown(results))
  log('Wrote docs/BENCHMARKS.md and docs/bench-chart.svg')
}

function markdown(r) {
  const notes = existsSync('bench/NOTES.md') ? readFileSync('bench/NOTES.md', 'utf8').trim() : ''
  const s = r.settings
  const w = r.weight
  const plans = r.cron.plans.map((p) => `${p.sql}\n  → ${p.plan.join('\n  → ')}`).join('\n\n')
  const micro = markdownTable({ head: ['Piece', 'µs per call'], body: r.micro.map((m) => [m.name, m.us.toFixed(1)]) })
  const cron = markdownTable({
    head: ['Links in table', 'of which overdue', 'One scheduled run (ms)', 'Index'],
    body: r.cron.rows.map((row) => [
      row.links.toLocaleString('en'),
      row.overdue.toLocaleString('en'),
      row.ms.toFixed(0),
      row.index ? 'links_pending_expiry' : '**dropped**',
    ]),
  })
  const assets = (list) => list.map((a) => `${a.href} ${a.bytes} B (gzip ${a.gzip} B)`).join(', ') || 'none'
  return `# Benchmarks

_Generated by \`npm run bench\` on ${r.when} (${r.seconds.toFixed(0)} s). Do not edit by hand: the figures are
rewritten on every run; the narrative at the end comes from \`bench/NOTES.md\`._

![Throughput relative to the floors](bench-chart.svg)

## Goals

| Goal | Result | Figure |
|---|---|---|
${r.goals.map((g) => `| ${g.text} | ${g.met ? '**met**' : '**missed**'} | ${g.detail} |`).join('\n')}

## Throughput and latency

${s.rounds} alternating rounds × ${s.seconds} s per target, ${s.connections} connections, after a ${s.warmupSeconds} s warm-up per
target. Medians over rounds; every ratio is taken within a round (runs seconds apart) and then the median
is shown, so load from elsewhere on the machine mostly cancels. *CPU µs/req* is workerd's user + system
CPU time during the run (and, for the workflow, until its runs finished) divided by the requests served.
The KV floor for the invalid-link page is the KV *miss* floor, since that page's read misses.

${markdownTable(mainTable(r))}

Per-round ratios (throughput): ${r.rows
    .filter((row) => row.vsKv && !row.name.startsWith('floor'))
    .map((row) => `${row.name} ${row.vsKv.values.map((v) => v.toFixed(2)).join(', ')}`)
    .join('; ')}.
${r.hookPath ? '' : '\nThe workflow scenario was **not yet available** (POST /api/v1/workflows answered 404).\n'}${r.poolRanDry ? `\n**Warning:** the submission link pool ran dry ${r.poolRanDry} times.\n` : ''}
Upstream fake (ClickUp API on loopback, its own process): ${r.fakeStats.verify.toLocaleString('en')} verify calls, ${r.fakeStats.task.toLocaleString('en')} task creations, ${r.fakeStats.refused} refused.

## Where the time goes

Each scenario replayed ${s.profileRequests} times, one request at a time, through the real worker inside a
harness (\`bench/harness/worker.tsx\`) that wraps Web Crypto, the D1 and KV bindings and outbound
\`fetch\` with timers. A D1 *trip* is one call to the binding (a batch is one trip). *Other JS* is the rest of
the response time: routing, validation, query building, rendering. *After response* is \`waitUntil\` work.
Milliseconds per request; counts are per request.

${markdownTable(profileTable(r))}

Pieces timed in a loop (median of three loops):

${micro}

## Cron sweep scaling

One run of the real scheduled handler, timed inside the worker from the call to the end of its
\`waitUntil\` work (median of ${s.cronRepeats}; workerd's clock advances in whole milliseconds here). The table holds 90% live pending links and 10% closed ones; overdue
pending links are added on top. The sweep expires up to 500 links per batch.

${cron}

The SQL one run executes (captured at the D1 binding) and SQLite's plan for each:

\`\`\`
${plans}
\`\`\`

## Page weight (invitation page)

| | Bytes | gzip |
|---|---:|---:|
| HTML | ${w.htmlBytes} | ${w.htmlGzip} |
| CSS (${w.stylesheets.map((a) => a.href).join(', ')}) | ${w.cssBytes} | ${w.stylesheets.reduce((t, a) => t + a.gzip, 0)} |
| **HTML + CSS** | **${w.htmlPlusCss}** (budget ${WEIGHT_BUDGET}) | |
| JavaScript | ${w.jsBytes} (${w.scriptTags} \`<script>\` tags, ${w.inlineScripts} inline) | |

Images (not in the budget): ${assets(w.images)}.

## Machine, versions, command

- Machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGb} GB RAM, Linux ${r.machine.kernel}. The load generator, the
  fake app and workerd share these cores, and other work on the machine may too: read the ratios, not the
  absolute figures.
- Node ${r.versions.node}, wrangler ${r.versions.wrangler}, miniflare ${r.versions.miniflare}, workerd ${r.versions.workerd}, autocannon ${r.versions.autocannon}.
- Command: \`npm run bench\` (settings: BENCH_SECONDS=${s.seconds}, BENCH_ROUNDS=${s.rounds}, BENCH_CONNECTIONS=${s.connections}${s.quick ? ', BENCH_QUICK=1' : ''}).
  \`BENCH_QUICK=1 npm run bench\` is a ~1-minute check that prints without writing this file.

${notes}
`
}
