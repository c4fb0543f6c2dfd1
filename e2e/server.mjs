// Starts `npm start` (scripts/start.mjs → wrangler dev) on a free port with a fresh state directory,
// and stops its whole process group.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// E2E_READY_SECONDS: a loaded machine (a shared CI box, 2 cores) can take longer than 90 s to bring wrangler dev up.
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_SECONDS ?? 90) * 1000

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Any HTTP answer means wrangler is serving ("Ready on" is not always printed). */
async function answers(url) {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) })
    await response.body?.cancel()
    return true
  } catch {
    return false
  }
}

export async function startServer({ root, extraVars = {} }) {
  const port = await freePort()
  const stateDir = mkdtempSync(join(tmpdir(), 'tether-e2e-'))
  const logPath = join(stateDir, 'wrangler.log')
  const log = createWriteStream(logPath)
  const vars = Object.entries(extraVars).flatMap(([name, value]) => ['--var', `${name}:${value}`])
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', String(port), '--persist-to', join(stateDir, 'state'), ...vars], {
    cwd: root,
    // Its own process group, so stop() reaches wrangler and workerd too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  let exited = null
  child.on('exit', (code, signal) => {
    exited = { code, signal }
  })

  const baseUrl = `http://127.0.0.1:${port}`
  const server = {
    baseUrl,
    port,
    stateDir,
    logPath,
    async stop() {
      if (exited) return cleanup()
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {}
      const gone = await Promise.race([
        new Promise((resolve) => child.once('exit', () => resolve(true))),
        new Promise((resolve) => setTimeout(() => resolve(false), 5_000)),
      ])
      if (!gone)
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {}
      cleanup()
    },
    /** Synchronous last resort for process 'exit' handlers. */
    killNow() {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
    },
  }
  function cleanup() {
    log.end()
    if (!process.env.E2E_KEEP_STATE) rmSync(stateDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  while (!(await answers(`${baseUrl}/login`))) {
    if (exited) throw new Error(`wrangler dev exited (${JSON.stringify(exited)}) before serving; log: ${logPath}`)
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`wrangler dev did not answer on ${baseUrl} within ${READY_TIMEOUT_MS / 1000}s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return server
}
