import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { median } from './load.mjs'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Cron sweep scaling on its own table: links are inserted with SQL (recursive CTEs, one
 * statement per batch of rows), then one run of the real scheduled handler is timed in the
 * worker. The base population is 90% live pending links and 10% closed ones; overdue pending
 * links are added on top, so "links" and "overdue" vary independently.
 */
export async function cronSweep({ db, origin, sizes, overdueCounts, repeats, log }) {
  const now = Date.now()
  await db.prepare(`INSERT INTO workspaces (id, name, created_at) VALUES ('ws-bench', 'Bench', ${now})`).run()
  const rows = []
  let size = 0
  const run = async (explain = false) => post(`${origin}/__bench/scheduled`, { at: now, explain })
  const timeSweep = async (overdue) => {
    await setOverdue(db, overdue, now)
    const samples = []
    for (let i = 0; i < repeats; i++) {
      if (i > 0) await resetOverdue(db)
      samples.push((await run()).ms)
      const expired = await count(db, `SELECT COUNT(*) AS n FROM links WHERE id >= 'odl' AND id < 'odm' AND status = 'expired'`)
      if (expired !== overdue) throw new Error(`the sweep expired ${expired} of ${overdue} overdue links`)
    }
    return median(samples)
  }
  await run() // warms the isolate (JIT, first queries) before anything is timed
  for (const target of sizes) {
    await addBaseLinks(db, size, target, now)
    size = target
    for (const overdue of overdueCounts) {
      const ms = await timeSweep(overdue)
      rows.push({ links: size + overdue, live: size, overdue, ms, index: true })
      log(`  ${String(size).padStart(7)} links + ${String(overdue).padStart(5)} overdue: ${ms.toFixed(1)} ms`)
    }
  }
  const largest = Math.max(...overdueCounts) * 5
  rows.push({ links: size + largest, live: size, overdue: largest, ms: await timeSweep(largest), index: true })
  log(`  ${String(size).padStart(7)} links + ${String(largest).padStart(5)} overdue: ${rows.at(-1).ms.toFixed(1)} ms`)

  await setOverdue(db, Math.max(...overdueCounts), now)
  const explained = await run(true)

  // The same sweeps without the index, to show what it buys.
  const createIndex = indexStatement('links_pending_expiry')
  await db.prepare('DROP INDEX links_pending_expiry').run()
  for (const overdue of [0, Math.max(...overdueCounts)]) {
    const ms = await timeSweep(overdue)
    rows.push({ links: size + overdue, live: size, overdue, ms, index: false })
    log(`  ${String(size).padStart(7)} links + ${String(overdue).padStart(5)} overdue, index dropped: ${ms.toFixed(1)} ms`)
  }
  await db.prepare(createIndex).run()
  return { rows, plans: explained.plans, statements: explained.statements }
}

async function post(url, body) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`)
  return response.json()
}

const count = async (db, sql) => (await db.prepare(sql).first()).n

const sequence = (from, to) => `WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to - 1})`

/** Rows [from, to): every tenth link closed (used), the rest pending and live for up to a week. */
async function addBaseLinks(db, from, to, now) {
  for (let start = from; start < to; start += 50_000) {
    const end = Math.min(to, start + 50_000)
    await insertLinks(db, 'b', start, end, now, {
      status: `CASE WHEN n % 10 = 0 THEN 'used' ELSE 'pending' END`,
      expiresAt: `CASE WHEN n % 10 = 0 THEN ${now - DAY} ELSE ${now + HOUR} + (n % 10080) * 60000 END`,
      closedAt: `CASE WHEN n % 10 = 0 THEN ${now - DAY} ELSE NULL END`,
    })
  }
}

/** Exactly `overdue` pending links past their expiry, ids 'odl…'. */
async function setOverdue(db, overdue, now) {
  await db.prepare(`DELETE FROM links WHERE id >= 'odl' AND id < 'odm'`).run()
  await db.prepare(`DELETE FROM connections WHERE id >= 'odc' AND id < 'odd'`).run()
  await db.prepare(`DELETE FROM events WHERE type = 'expired'`).run()
  if (overdue > 0)
    await insertLinks(db, 'od', 0, overdue, now, { status: `'pending'`, expiresAt: `${now - 60_000} - n * 1000`, closedAt: 'NULL' })
}

async function resetOverdue(db) {
  await db.prepare(`UPDATE links SET status = 'pending', closed_at = NULL, claim_id = NULL WHERE id >= 'odl' AND id < 'odm'`).run()
  await db.prepare(`DELETE FROM events WHERE type = 'expired'`).run()
}

async function insertLinks(db, prefix, from, to, now, { status, expiresAt, closedAt }) {
  await db
    .prepare(`${sequence(from, to)} INSERT INTO connections (id, workspace_id, app_id, name, status, via, created_at, updated_at)
    SELECT '${prefix}c' || n, 'ws-bench', 'clickup', 'Bench ' || n, 'pending', 'link', ${now}, ${now} FROM seq`)
    .run()
  await db
    .prepare(`${sequence(from, to)} INSERT INTO links (id, connection_id, workspace_id, token_hash, token_blob, token_key_version,
      purpose, status, expires_at, created_at, closed_at)
    SELECT '${prefix}l' || n, '${prefix}c' || n, 'ws-bench', '${prefix}h' || n, 'blob', 'k1', 'create',
      ${status}, ${expiresAt}, ${now}, ${closedAt} FROM seq`)
    .run()
}

/** The index's CREATE statement as the migrations define it. */
function indexStatement(name, dir = 'migrations') {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const found = readFileSync(join(dir, file), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .find((s) => s.includes(`\`${name}\``) && s.startsWith('CREATE'))
    if (found) return found
  }
  throw new Error(`no migration creates ${name}`)
}
