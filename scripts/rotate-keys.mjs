// `npm run rotate-keys`: re-seals every stored secret under the first key of ENCRYPTION_KEYS, in
// the local D1 that `npm start` uses. It runs the worker's own cron handler (bundled as
// `wrangler deploy` would, on wrangler's Miniflare) until no value is left under an older key:
// each run is the bounded, resumable pass the deployed cron makes every 5 minutes.
//   ENCRYPTION_KEYS="k2:<new>,k1:<old>" npm run rotate-keys [-- --persist-to DIR]
// Keys come from $ENCRYPTION_KEYS, else .dev.vars. In production the cron does this by itself;
// see docs/SECURITY.md, "Rotating the encryption key".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unstable_readConfig } from 'wrangler'

const args = process.argv.slice(2)
const persistTo = args.includes('--persist-to') ? args[args.indexOf('--persist-to') + 1] : '.wrangler/state'
const MAX_RUNS = 1000

const keys = process.env.ENCRYPTION_KEYS ?? readDevVar('ENCRYPTION_KEYS')
if (!keys) fail('Set ENCRYPTION_KEYS (new key first, then the old ones) or put it in .dev.vars.')
const versions = keys
  .split(',')
  .map((entry) => entry.trim().split(':')[0])
  .filter(Boolean)
const [current] = versions
const config = unstable_readConfig({ config: 'wrangler.jsonc' }, { hideWarnings: true })

// wrangler's own Miniflare: the one that wrote the local state `npm start` uses.
const fromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'))
const { Miniflare, convertV4MiniflareOptions } = await import(fromWrangler.resolve('miniflare'))

const outdir = mkdtempSync(join(tmpdir(), 'tether-rotate-'))
const built = spawnSync(process.execPath, [fromWrangler.resolve('./bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir], {
  encoding: 'utf8',
  env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
})
if (built.status !== 0) fail(`bundling the worker failed:\n${built.stdout}\n${built.stderr}`)
const scriptPath = join(
  outdir,
  readdirSync(outdir).find((file) => file.endsWith('.js')),
)

const mf = new Miniflare(
  convertV4MiniflareOptions({
    workers: [
      {
        name: 'tether',
        modules: true,
        scriptPath,
        modulesRoot: dirname(scriptPath),
        compatibilityDate: config.compatibility_date,
        d1Databases: { DB: binding(config.d1_databases, 'DB').database_id },
        kvNamespaces: { LINKS: binding(config.kv_namespaces, 'LINKS').id },
        bindings: { ENCRYPTION_KEYS: keys },
      },
    ],
    // Where wrangler keeps local state: <persist-to>/v3 (default .wrangler/state/v3).
    resourcePersistencePath: join(persistTo, 'v3'),
  }),
)
try {
  const db = await mf.getD1Database('DB', 'tether')
  const worker = await mf.getWorker('tether')
  let counts = await sealedCounts(db)
  console.log(`Current key: ${current}. Keys held: ${versions.join(', ')}. Sealed values by key version: ${describe(counts)}`)
  let stale = waiting(counts)
  for (let run = 1; stale > 0 && run <= MAX_RUNS; run++) {
    await worker.scheduled({ scheduledTime: new Date(), cron: '*/5 * * * *' })
    counts = await sealedCounts(db)
    const left = waiting(counts)
    console.log(`run ${run}: ${stale - left} re-sealed, ${left} left`)
    if (left === stale) break
    stale = left
  }
  const unknown = Object.entries(counts).filter(([version]) => !versions.includes(version))
  if (unknown.length > 0)
    console.error(`Sealed under keys not in ENCRYPTION_KEYS, which nothing can open: ${describe(Object.fromEntries(unknown))}`)
  if (stale > 0) console.error(`${stale} values under an older key did not open: keep that key and look at them (the cron logs them too).`)
  if (unknown.length > 0 || stale > 0) process.exitCode = 1
  else console.log(`Done: every sealed value is under ${current}. The other keys can now be removed from ENCRYPTION_KEYS.`)
} finally {
  await mf.dispose()
  rmSync(outdir, { recursive: true, force: true })
}

/** Values per key version over every `<x>_blob` / `<x>_key_version` pair in the schema. */
async function sealedCounts(db) {
  const counts = {}
  const tables = await db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
    )
    .all()
  for (const { name: table } of tables.results) {
    const columns = (await db.prepare(`PRAGMA table_info("${table}")`).all()).results.map((column) => column.name)
    for (const blob of columns.filter((column) => column.endsWith('_blob'))) {
      const version = `${blob.slice(0, -'_blob'.length)}_key_version`
      if (!columns.includes(version)) continue
      const rows = await db
        .prepare(`SELECT "${version}" AS version, count(*) AS n FROM "${table}" WHERE "${blob}" IS NOT NULL GROUP BY 1`)
        .all()
      for (const { version: v, n } of rows.results) counts[v] = (counts[v] ?? 0) + n
    }
  }
  return counts
}

function waiting(counts) {
  return Object.entries(counts)
    .filter(([version]) => version !== current && versions.includes(version))
    .reduce((sum, [, n]) => sum + n, 0)
}

function describe(counts) {
  return (
    Object.entries(counts)
      .map(([version, n]) => `${version}: ${n}`)
      .join(', ') || 'none'
  )
}

function readDevVar(name) {
  if (!existsSync('.dev.vars')) return undefined
  const line = readFileSync('.dev.vars', 'utf8')
    .split('\n')
    .find((text) => text.startsWith(`${name}=`))
  return line
    ?.slice(name.length + 1)
    .trim()
    .replace(/^"(.*)"$/, '$1')
}

function binding(list, name) {
  return list.find((entry) => entry.binding === name) ?? fail(`wrangler.jsonc has no ${name} binding`)
}

function fail(message) {
  console.error(message)
  process.exit(1)
}
