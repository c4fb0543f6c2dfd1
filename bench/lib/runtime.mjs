import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { COMPATIBILITY_DATE } from './config.mjs'
import { helloWorldScript, kvFloorScript, proxyFloorScript } from './floors.mjs'

const loopbackSocket = () => [{ host: '127.0.0.1', port: 0 }]

/**
 * One workerd process, driven directly (no wrangler dev proxy, no inspector), fresh in-memory
 * state: the app, the timing harness (the app plus timers), a harness copy for the cron sweep
 * with a table of its own, and the floors. Each listens on its own loopback port.
 */
export async function startRuntime({ appScript, harnessScript, fakeAppUrl }) {
  const bindings = {
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    DEMO_APPS: '1',
    ALLOW_LOOPBACK_APPS: '1',
    APP_ENDPOINTS: JSON.stringify({ clickup: { apiBaseUrl: fakeAppUrl } }),
  }
  // The proxy's audit queue as wrangler.jsonc has it, consumed by the app; the harness and cron copies enqueue into queues
  // of their own that nothing consumes (their timings are of the request, and the consumer would need the queue's name).
  const auditQueue = (name) => (name === 'tether' ? 'tether-audit' : `tether-audit-${name}`)
  const tetherWorker = (name, scriptPath) => ({
    name,
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: { DB: `bench-${name}` },
    kvNamespaces: { LINKS: `bench-${name}-links` },
    email: { send_email: [{ name: 'EMAIL' }] },
    queueProducers: { AUDIT: { queueName: auditQueue(name) } },
    ...(name === 'tether' ? { queueConsumers: { 'tether-audit': { maxBatchSize: 100, maxBatchTimeout: 2 } } } : {}),
    bindings,
    unsafeDirectSockets: loopbackSocket(),
  })
  const floor = (name, script, extra = {}) => ({
    name,
    modules: true,
    script,
    compatibilityDate: COMPATIBILITY_DATE,
    unsafeDirectSockets: loopbackSocket(),
    ...extra,
  })
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      logRequests: false,
      workers: [
        tetherWorker('tether', appScript),
        tetherWorker('harness', harnessScript),
        tetherWorker('cron', harnessScript),
        floor('hello', helloWorldScript),
        floor('kv-floor', kvFloorScript, { kvNamespaces: { LINKS: 'bench-floor-links' } }),
        floor('proxy-floor', proxyFloorScript, { d1Databases: { DB: 'bench-proxy-floor' }, bindings: { UPSTREAM: fakeAppUrl } }),
      ],
    }),
  )
  await mf.ready
  const url = async (name) => (await mf.unsafeGetDirectURL(name)).origin
  const urls = Object.fromEntries(
    await Promise.all(['tether', 'harness', 'cron', 'hello', 'kv-floor', 'proxy-floor'].map(async (name) => [name, await url(name)])),
  )
  for (const name of ['tether', 'harness', 'cron']) await applyMigrations(await mf.getD1Database('DB', name))
  return { mf, urls, workerdPid: findWorkerdPid() }
}

/** migrations/*.sql in order, split where drizzle-kit marks statement breaks. */
export async function applyMigrations(db, dir = 'migrations') {
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    const statements = readFileSync(join(dir, file), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean)
    for (const statement of statements) await db.prepare(statement).run()
  }
}

/** The workerd child of this process, whose CPU time tells what each request cost the runtime. */
export function findWorkerdPid() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const [comm, rest] = [stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), stat.slice(stat.lastIndexOf(')') + 2).split(' ')]
      if (comm === 'workerd' && rest[1] === String(process.pid)) return Number(entry)
    } catch {
      // a process that ended while we looked
    }
  }
  return null
}

/** User + system CPU of a process, in ms (Linux only; null elsewhere). */
export function cpuMs(pid) {
  if (!pid) return null
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}
