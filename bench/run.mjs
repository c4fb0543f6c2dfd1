/**
 * `npm run bench`: Tether's edge hot paths on Miniflare driven directly, against the runtime's
 * own floors, in alternating rounds; then where the time goes, the cron sweep's scaling, the
 * invitation's page weight, and the bundle's size and startup profile. Prints the table; full
 * runs write docs/BENCHMARKS.md and docs/bench-chart.svg. Knobs: BENCH_SECONDS, BENCH_ROUNDS,
 * BENCH_CONNECTIONS, BENCH_QUICK=1.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundle } from './lib/build.mjs'
import { settings } from './lib/config.mjs'
import { cronSweep } from './lib/cron.mjs'
import { rounds } from './lib/load.mjs'
import { microTimings, profileScenarios } from './lib/profile.mjs'
import { summarise, writeReport } from './lib/report.mjs'
import { startRuntime } from './lib/runtime.mjs'
import { bundleWeight, startupProfile } from './lib/startup.mjs'
import { createLinks, invitationTargets, linkGenerationRequests, seedOwners, seedWorkflows, submissionRequests } from './lib/scenarios.mjs'
import { pageWeight } from './lib/weight.mjs'

const log = (line) => console.log(line)
const started = Date.now()
const work = mkdtempSync(join(tmpdir(), 'tether-bench-'))
const fake = fork(new URL('./lib/fake-app.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
let runtime

try {
  const fakePort = await new Promise((resolve) => fake.once('message', (message) => resolve(message.port)))
  log(`Bundling the worker with wrangler (deploy --dry-run)…`)
  const appScript = bundle(join(work, 'app'))
  const harnessScript = bundle(join(work, 'harness'), 'bench/harness/worker.tsx')
  const weightOfBundle = bundleWeight(appScript)
  // Before Miniflare starts, so the profile does not share the cores with it.
  log('Profiling startup (wrangler check startup)…')
  const startup = startupProfile(work, settings.quick ? 1 : 3)
  runtime = await startRuntime({ appScript, harnessScript, fakeAppUrl: `http://127.0.0.1:${fakePort}` })
  const { mf, urls, workerdPid } = runtime
  log(`Miniflare up: workerd pid ${workerdPid ?? '?'}; fake ClickUp on :${fakePort}`)

  // Seed through the public API: owners (links go to them in turn, under each workspace's quotas),
  // 20 invitation links, and workflows (triggers go to them in turn, under each one's rate limit).
  const app = urls.tether
  const owners = await seedOwners(app, settings.owners, await mf.getD1Database('DB', 'tether'))
  const { targets: invitationPages, invitationHtml } = await invitationTargets({ mf, urls, owners })
  const hookPaths = await seedWorkflows(app, owners.owners[0], settings.workflows)
  const hookPath = hookPaths[0]

  const pool = []
  let poolRanDry = 0
  let submissionRate = 200
  const appDb = await mf.getD1Database('DB', 'tether')
  let nextHook = 0
  const targets = [
    { name: 'floor: hello world', url: urls.hello },
    ...invitationPages,
    { name: 'link generation', url: app, expectStatus: 201, requests: linkGenerationRequests(owners, pool) },
    {
      name: 'credential submission',
      url: app,
      // Every submission consumes a link: top the pool up first, at 1.5× the last rate seen.
      prepare: async () => {
        const needed = Math.ceil(submissionRate * Math.max(settings.seconds, settings.warmupSeconds) * 1.5) + 100
        if (pool.length < needed) pool.push(...(await createLinks(app, owners, needed - pool.length)))
      },
      requests: submissionRequests(pool, () => poolRanDry++),
    },
  ]
  if (hookPath) {
    targets.push({
      name: 'workflow run (webhook)',
      url: app,
      expectStatus: 202,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"event":"bench"}',
          setupRequest: (request) => ({ ...request, path: hookPaths[nextHook++ % hookPaths.length] }),
        },
      ],
      // The run happens after the 202; wait for it so its CPU is charged here.
      drain: () => waitFor(async () => (await appDb.prepare(`SELECT COUNT(*) AS n FROM runs WHERE status = 'running'`).first()).n === 0),
    })
  }
  log(`\nLoad: ${settings.rounds} rounds × ${targets.length} targets × ${settings.seconds} s, ${settings.connections} connections`)
  const runs = await rounds(
    targets,
    { ...settings, workerdPid },
    {
      log,
      onRun: (target, run) => {
        if (target.name === 'credential submission') submissionRate = run.rps
      },
    },
  )
  const fakeStats = await (await fetch(`http://127.0.0.1:${fakePort}/__stats`)).json()

  log('\nWhere the time goes (one request at a time, in the harness)…')
  const profile = await profileScenarios(urls.harness, { requests: settings.profileRequests, db: await mf.getD1Database('DB', 'harness') })
  const micro = await microTimings(urls.harness, settings.quick ? 300 : 2000)

  log('\nCron sweep scaling…')
  const cron = await cronSweep({
    db: await mf.getD1Database('DB', 'cron'),
    origin: urls.cron,
    sizes: settings.cronSizes,
    overdueCounts: settings.cronOverdue,
    repeats: settings.cronRepeats,
    log,
  })

  const weight = pageWeight(invitationHtml)
  const results = summarise({
    runs,
    profile,
    micro,
    cron,
    weight,
    bundle: weightOfBundle,
    startup,
    hookPath,
    poolRanDry,
    fakeStats,
    settings,
    seconds: (Date.now() - started) / 1000,
  })
  await writeReport(results, { write: settings.writeDocs, log })
} finally {
  await runtime?.mf.dispose()
  fake.disconnect()
  rmSync(work, { recursive: true, force: true })
}

async function waitFor(check, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting for background work')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
