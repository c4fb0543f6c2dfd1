/**
 * `npm run bench:health`: the cron's health sweep (src/services/health) at 100,000 connections with 1,000 due, against
 * 10,000 with the same 1,000 due, in one D1 on Miniflare. Times the sweep's selection and its claim (the real statements,
 * bundled from src/db/health.ts) and prints their query plans. Goal (issue 13): the claim stays bounded (≤ 2× from 10,000
 * to 100,000 connections) and walks connections_health_due. Writes its section of docs/BENCHMARKS.md (between the health
 * markers) unless BENCH_WRITE=0. Knobs: BENCH_HEALTH_ROWS (100000), BENCH_HEALTH_DUE (1000), BENCH_ROUNDS (15).
 */
import { writeSection } from './lib/section.mjs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { COMPATIBILITY_DATE } from './lib/config.mjs'
import { median } from './lib/load.mjs'
import { applyMigrations } from './lib/runtime.mjs'

const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback)
const ROWS = number('BENCH_HEALTH_ROWS', 100_000)
const SMALL = ROWS / 10
const DUE = number('BENCH_HEALTH_DUE', 1_000)
const ROUNDS = number('BENCH_ROUNDS', 15)
// A scan would grow about tenfold with the table; writes into a tenfold B-tree cost somewhat more, reads of the range nothing.
const RATIO_BUDGET = 2
const DAY = 86_400_000
const work = mkdtempSync(join(tmpdir(), 'tether-bench-health-'))
const sequence = (to) => `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${to - 1})`
let mf

/** `count` connections: `due` overdue, 90% of the rest active and scheduled over the next day, the others pending (never due). */
async function seed(db, prefix, count, due, now) {
  await db.prepare(`INSERT INTO workspaces (id, name, created_at) VALUES ('${prefix}w', 'Bench', ${now})`).run()
  await db
    .prepare(`${sequence(count)} INSERT INTO connections (id, workspace_id, app_id, name, status, via, credentials_revision,
      needs_reconnect, created_at, updated_at, last_checked_at, next_check_at, check_failures)
    SELECT '${prefix}c' || n, '${prefix}w', 'clickup', 'Client ' || n,
      CASE WHEN n >= ${due} AND n % 10 = 9 THEN 'pending' ELSE 'active' END, 'link', 1, 0, ${now} - ${DAY}, ${now} - ${DAY},
      ${now} - ${DAY},
      CASE WHEN n < ${due} THEN ${now} - 1 - n WHEN n % 10 = 9 THEN NULL ELSE ${now} + 1 + (n * 7919) % ${DAY} END, 0 FROM seq`)
    .run()
}

/** One claim (and, before it, one selection) on a table where everything overdue is due again, as a fresh cron run finds it. */
async function timeOneClaim(db, statements, now, into) {
  const { claim, select } = statements
  await db
    .prepare(`UPDATE connections SET next_check_at = ${now} - 1, check_claimed_until = NULL WHERE next_check_at = ?`)
    .bind(claim.params[1])
    .run()
  const selecting = performance.now()
  await db
    .prepare(select.sql)
    .bind(...select.params)
    .all()
  into.selects.push(performance.now() - selecting)
  const started = performance.now()
  const { results } = await db
    .prepare(claim.sql)
    .bind(...claim.params)
    .all()
  into.claims.push(performance.now() - started)
  into.claimed = results.length
}

async function planOf(db, statement) {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
    .bind(...statement.params)
    .all()
  return results.map((row) => row.detail)
}

try {
  const bundled = join(work, 'health-sql.mjs')
  await build({
    entryPoints: ['bench/lib/health-sql.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundled,
    logLevel: 'error',
  })
  const { sweepStatements } = await import(pathToFileURL(bundled).href)
  const now = Date.now()
  const statements = sweepStatements(now)

  mf = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        {
          name: 'health',
          modules: true,
          script: 'export default { fetch: () => new Response("") }',
          compatibilityDate: COMPATIBILITY_DATE,
          d1Databases: { BIG: 'bench-health-big', SMALL: 'bench-health-small' },
        },
      ],
    }),
  )
  const results = {}
  const databases = {}
  for (const [binding, count] of [
    ['SMALL', SMALL],
    ['BIG', ROWS],
  ]) {
    const db = await mf.getD1Database(binding)
    databases[binding] = db
    await applyMigrations(db)
    await seed(db, binding.toLowerCase(), count, DUE, now)
    const select = await planOf(db, statements.select)
    const claim = await planOf(db, statements.claim)
    // One sweep after another until nothing is due: each takes at most the bound.
    let runs = 0
    let total = 0
    for (;;) {
      const { results: rows } = await db
        .prepare(statements.claim.sql)
        .bind(...statements.claim.params)
        .all()
      if (rows.length === 0) break
      runs++
      total += rows.length
      await db
        .prepare('UPDATE connections SET next_check_at = ?, check_claimed_until = NULL WHERE check_claimed_until IS NOT NULL')
        .bind(now + DAY)
        .run()
    }
    await db.prepare(`UPDATE connections SET next_check_at = ${statements.claim.params[1]} WHERE next_check_at = ${now + DAY}`).run()
    results[binding] = { count, select, claim, runs, total, claims: [], selects: [], claimed: 0 }
  }
  // Alternating, so both sizes see the same load from the other sessions on this machine.
  for (let round = 0; round < ROUNDS; round++)
    for (const binding of ['SMALL', 'BIG']) await timeOneClaim(databases[binding], statements, now, results[binding])
  for (const row of Object.values(results)) {
    row.medianMs = median(row.claims)
    row.selectMs = median(row.selects)
    console.log(
      `${row.count.toLocaleString('en')} connections: selection ${row.selectMs.toFixed(2)} ms, claim ${row.medianMs.toFixed(2)} ms`,
    )
  }
  const big = results.BIG
  const small = results.SMALL
  const ratio = big.medianMs / small.medianMs
  const usesIndex = [...big.select, ...big.claim].some((line) => line.includes('USING INDEX connections_health_due'))
  const sorts = [...big.select, ...big.claim].some((line) => line.includes('TEMP B-TREE'))
  const ok = ratio <= RATIO_BUDGET && usesIndex && !sorts && big.claimed === statements.limit
  const fmt = (value) => value.toLocaleString('en')
  const lines = [
    '| Connections | due | selection median ms | claim median ms | claimed per run | runs to drain the due ones |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[small, big].map(
      (row) =>
        `| ${fmt(row.count)} | ${fmt(DUE)} | ${row.selectMs.toFixed(2)} | ${row.medianMs.toFixed(2)} | ${row.claimed} | ` +
        `${row.runs} (${fmt(row.total)} claimed) |`,
    ),
  ]
  const plan = ['```', 'selection:', ...big.select.map((line) => `  ${line}`), 'claim:', ...big.claim.map((line) => `  ${line}`), '```']
  const verdict =
    `Goals: the claim at ${fmt(ROWS)} connections takes ${ratio.toFixed(2)}× its time at ${fmt(SMALL)} (≤ ${RATIO_BUDGET}×), ` +
    `claims ${big.claimed} of ${fmt(DUE)} due (the bound, HEALTH_CHECKS_PER_RUN = ${statements.limit}), walks connections_health_due: ` +
    `${usesIndex ? 'yes' : 'NO'}, sorts in a temporary B-tree: ${sorts ? 'YES' : 'no'}: ${ok ? 'met' : 'MISSED'}.`
  console.log(['', ...lines, '', ...plan, '', verdict].join('\n'))
  writeSection('health', [
    `## Health sweep at ${fmt(ROWS)} connections (\`npm run bench:health\`)`,
    '',
    `Run ${new Date().toISOString().slice(0, 10)}: the cron's selection and claim of due connections (src/db/health.ts, the`,
    `statements drizzle writes, bundled for the bench) in a D1 of ${fmt(ROWS)} connections and one of ${fmt(SMALL)}, each with`,
    `${fmt(DUE)} overdue; the rest are scheduled over the next day or pending. ${ROUNDS} claims each, everything made due again`,
    'between them; the checks themselves (calls to apps) are bounded by the same claim and not timed here. Miniflare from Node,',
    'on 2 cores shared with other sessions: both sizes pay the same round trip from Node into Miniflare, which dominates',
    'the milliseconds under load; the ratio and the plans are the result.',
    '',
    ...lines,
    '',
    `Query plans at ${fmt(ROWS)} connections:`,
    '',
    ...plan,
    '',
    verdict,
  ])
  if (!ok) process.exitCode = 1
} finally {
  await mf?.dispose()
  rmSync(work, { recursive: true, force: true })
}
