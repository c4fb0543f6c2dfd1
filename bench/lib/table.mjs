import { performance } from 'node:perf_hooks'
import { median } from './load.mjs'
import { cpuMs } from './runtime.mjs'

const DAY = 86_400_000
const sequence = (to) => `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${to - 1})`

/**
 * The Connections table at agency scale. Rows are written straight into D1 (recursive CTEs, as the
 * cron sweep seeds its links), so one workspace can hold 10,000 connections: MAX_CONNECTIONS (5,000)
 * is an insert-time guard of the API, and the table must stay fast whatever a workspace holds. Every
 * badge is present (every fifth row pending, a tenth expired, …), spread over three apps, updated a
 * minute apart; a second workspace with 100 rows lives in the same tables, so both pages read the
 * same database and differ only in how many rows their owner has.
 */
export async function seedTable(db, workspaceId, count, prefix, now) {
  const kind = 'n % 10'
  await db
    .prepare(`${sequence(count)} INSERT INTO connections (id, workspace_id, app_id, name, status, via, account_label, credentials_blob,
      credentials_key_version, credentials_revision, needs_reconnect, credentials_source, credentials_updated_at, credentials_updated_by,
      created_at, updated_at)
    SELECT '${prefix}c' || n, '${workspaceId}', CASE n % 3 WHEN 0 THEN 'clickup' WHEN 1 THEN 'demo-tasks' ELSE 'wordpress' END,
      'Client ' || n || ' workspace', CASE WHEN ${kind} < 4 THEN 'pending' WHEN ${kind} = 4 THEN 'rejected' ELSE 'active' END, 'link',
      CASE WHEN ${kind} >= 5 THEN 'person' || n || '@client-' || (n % 97) || '.example' END,
      CASE WHEN ${kind} >= 5 THEN 'blob' END, CASE WHEN ${kind} >= 5 THEN 'k1' END, 1, 0,
      CASE WHEN ${kind} IN (5, 6, 7) THEN 'client_link' WHEN ${kind} = 8 THEN 'owner_direct' WHEN ${kind} = 9 THEN 'owner_oauth' END,
      CASE WHEN ${kind} >= 5 THEN ${now} - n * 60000 END, CASE WHEN ${kind} >= 5 THEN 'bench' END,
      ${now} - n * 60000 - ${DAY}, ${now} - n * 60000 FROM seq`)
    .run()
  // One link per connection but the direct ones: 0-1 open, 2 expired, 3 locked, 4 rejected, 5-6 used, 7 open refresh.
  await db
    .prepare(`${sequence(count)} INSERT INTO links (id, connection_id, workspace_id, token_hash, token_blob, token_key_version,
      purpose, status, failed_attempts, expires_at, created_at, closed_at)
    SELECT '${prefix}l' || n, '${prefix}c' || n, '${workspaceId}', '${prefix}h' || n, 'blob', 'k1',
      CASE WHEN ${kind} = 7 THEN 'refresh' ELSE 'create' END,
      CASE ${kind} WHEN 2 THEN 'expired' WHEN 3 THEN 'locked' WHEN 4 THEN 'rejected' WHEN 5 THEN 'used' WHEN 6 THEN 'used'
        ELSE 'pending' END,
      CASE WHEN ${kind} = 3 THEN 10 ELSE 0 END,
      CASE WHEN ${kind} = 2 THEN ${now} - ${DAY} ELSE ${now} + ${DAY} END, ${now} - n * 60000 - ${DAY},
      CASE WHEN ${kind} IN (2, 3, 4, 5, 6) THEN ${now} - n * 60000 END
    FROM seq WHERE ${kind} < 8`)
    .run()
}

/** Sequential GETs, alternating the two owners' pages each round, so load on the machine hits both alike. */
export async function measureTable({ origin, owners, paths, requests, rounds, pid }) {
  const samples = Object.fromEntries(Object.keys(owners).flatMap((who) => paths.map(([name]) => [`${who} ${name}`, []])))
  const cpu = Object.fromEntries(Object.keys(samples).map((key) => [key, []]))
  const bytes = {}
  for (let round = 0; round < rounds; round++) {
    for (const [who, cookie] of Object.entries(owners)) {
      for (const [name, path] of paths) {
        const key = `${who} ${name}`
        const cpuBefore = cpuMs(pid)
        for (let i = 0; i < requests; i++) {
          const started = performance.now()
          const response = await fetch(`${origin}${path}`, { headers: { cookie } })
          const body = await response.text()
          samples[key].push(performance.now() - started)
          if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`)
          bytes[key] = Buffer.byteLength(body)
        }
        const cpuAfter = cpuMs(pid)
        if (cpuBefore !== null && cpuAfter !== null) cpu[key].push((cpuAfter - cpuBefore) / requests)
      }
    }
  }
  const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]
  return Object.fromEntries(
    Object.entries(samples).map(([key, values]) => [
      key,
      { medianMs: median(values), p90Ms: percentile(values, 0.9), cpuMs: cpu[key].length ? median(cpu[key]) : null, bytes: bytes[key] },
    ]),
  )
}
