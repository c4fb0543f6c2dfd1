// `npm run test:e2e`: starts wrangler dev on a free port with fresh local state, drives Debian's
// Chromium through every scenario, prints ✓/✗ per scenario and a summary; exit 1 on any failure.
// E2E_REPORT=<file> also writes {"numPassedTests":N,"numFailedTests":M} there (read by .ci/run).
// E2E_ONLY=<substring> runs only the matching scenarios (for local debugging).
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DESKTOP, launchBrowser } from './browser.mjs'
import { openPage, signUp } from './flows.mjs'
import { scenarios } from './scenarios/index.mjs'
import { startServer } from './server.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const screenshotDir = join(root, 'docs', 'screenshots')
const started = Date.now()
const results = []
let server = null
let browser = null

function report() {
  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed
  if (process.env.E2E_REPORT) {
    mkdirSync(dirname(resolve(process.env.E2E_REPORT)), { recursive: true })
    writeFileSync(process.env.E2E_REPORT, JSON.stringify({ numPassedTests: passed, numFailedTests: failed }))
  }
  return { passed, failed }
}

// Whatever happens, wrangler and workerd must not outlive the run.
process.on('exit', () => server?.killNow())
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\ne2e: interrupted by ${signal}`)
    results.push({ name: 'run interrupted', ok: false })
    report()
    process.exit(1)
  })
}

/** The run's shared owner workspace: signed up once, by the first scenario that needs it. */
function workspaceOwner(baseUrl) {
  let pending = null
  return (details) => {
    pending ??= (async () => {
      const context = await browser.newContext({ ...DESKTOP, baseURL: baseUrl })
      context.setDefaultTimeout(15_000)
      context.setDefaultNavigationTimeout(30_000)
      const page = await openPage(context)
      await signUp(page, baseUrl, details)
      return { context, page, owner: details }
    })().catch((error) => {
      pending = null
      throw error
    })
    return pending
  }
}

async function runScenario(scenario, shared, prepared) {
  const contexts = []
  const t = {
    baseUrl: server.baseUrl,
    shared,
    prepared,
    /** A fresh browser context: its own cookies, storage and viewport. */
    async newContext(options = DESKTOP) {
      const context = await browser.newContext({ ...options, baseURL: server.baseUrl })
      context.setDefaultTimeout(15_000)
      context.setDefaultNavigationTimeout(30_000)
      contexts.push(context)
      return context
    },
    async newPage(options) {
      return openPage(await t.newContext(options))
    },
    async screenshot(page, name, options = {}) {
      mkdirSync(screenshotDir, { recursive: true })
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), animations: 'disabled', ...options })
    },
  }
  const t0 = Date.now()
  try {
    await scenario.run(t)
    results.push({ name: scenario.name, ok: true, ms: Date.now() - t0 })
    console.log(`✓ ${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  } catch (error) {
    results.push({ name: scenario.name, ok: false, ms: Date.now() - t0, error })
    console.log(
      `✗ ${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n  ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 12)
        .join('\n  ')}`,
    )
  } finally {
    for (const context of contexts) await context.close().catch(() => {})
  }
}

async function main() {
  const only = process.env.E2E_ONLY
  const chosen = only ? scenarios.filter((s) => s.name.toLowerCase().includes(only.toLowerCase())) : scenarios
  browser = await launchBrowser()
  // A fresh key per run, so the suite never depends on a developer's .dev.vars.
  const key = `e2e:${randomBytes(32).toString('base64')}`
  server = await startServer({ root, extraVars: { ENCRYPTION_KEYS: key } })
  console.log(`e2e: wrangler dev on ${server.baseUrl}, state in ${server.stateDir}`)

  const shared = { workspace: workspaceOwner(server.baseUrl) }
  // Scenarios that wait on real time (a link's expiry) start their clock before everything else runs.
  const prepared = new Map()
  for (const scenario of chosen) {
    if (!scenario.prepare) continue
    const t = {
      baseUrl: server.baseUrl,
      browser,
      newContext: async (options = DESKTOP) => {
        const context = await browser.newContext({ ...options, baseURL: server.baseUrl })
        context.setDefaultTimeout(15_000)
        return context
      },
    }
    const promise = scenario.prepare(t)
    promise.catch(() => {})
    prepared.set(scenario, promise)
  }
  for (const scenario of chosen) {
    await runScenario(scenario, shared, prepared.get(scenario))
  }
}

let fatal = null
try {
  await main()
} catch (error) {
  fatal = error
  results.push({ name: 'e2e setup', ok: false, error })
  console.log(
    `✗ e2e setup\n  ${String(error?.stack ?? error)
      .split('\n')
      .slice(0, 8)
      .join('\n  ')}`,
  )
} finally {
  await browser?.close().catch(() => {})
  const anyFailed = results.some((r) => !r.ok)
  if (server && anyFailed) {
    try {
      const log = readFileSync(server.logPath, 'utf8')
        .split('\n')
        .filter((line) => /error|✘|exception/i.test(line))
        .slice(-15)
      if (log.length) console.log(`wrangler log (errors):\n  ${log.join('\n  ')}`)
    } catch {}
  }
  await server?.stop().catch(() => {})
}
const { passed, failed } = report()
console.log(`e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`)
process.exit(failed > 0 || fatal ? 1 : 0)
