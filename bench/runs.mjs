/**
 * `node bench/runs.mjs` (the last part of `npm run bench`): workflow runs through the runs queue under `wrangler dev`,
 * which runs the producer and the consumer locally. Measures the time from a webhook POST to the run reading
 * `succeeded` in the runs API (the queue's batching, the consumer, one ClickUp step against a loopback fake), and
 * runs one step whose upstream takes 45 seconds to answer, past the 30 s a run once had after the response: that step sets
 * its own `timeoutSeconds` (every other call keeps the deployment's 10 s UPSTREAM_TIMEOUT_MS).
 * Writes its section of docs/BENCHMARKS.md (between the runs markers) unless BENCH_WRITE=0.
 * Knobs: BENCH_RUNS (20 sequential triggers), BENCH_SLOW_STEP_MS (45000).
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { cpus, loadavg } from 'node:os'
import { emailedLink } from '../e2e/flows.mjs'
import { startServer } from '../e2e/server.mjs'
import { percentile } from './lib/latency.mjs'
import { writeSection } from './lib/section.mjs'

const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback)
const RUNS = number('BENCH_RUNS', 20)
const SLOW_MS = number('BENCH_SLOW_STEP_MS', 45_000)
// The slow step's own limit per call (the API's timeoutSeconds), a margin over its upstream's 45 s.
const SLOW_STEP_TIMEOUT_SECONDS = Math.ceil(SLOW_MS / 1000) + 15
const POLL_MS = 25

/** ClickUp's two calls on loopback; a list id `slow` answers after SLOW_MS. */
function startFakeClickUp() {
  const server = http.createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      const send = (status, body) => {
        const text = JSON.stringify(body)
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
        response.end(text)
      }
      if (request.method === 'GET' && request.url === '/api/v2/user')
        return send(200, { user: { id: 1, username: 'Bench', email: 'b@x.test' } })
      const task = /^\/api\/v2\/list\/([^/]+)\/task$/.exec(request.url ?? '')
      if (request.method !== 'POST' || !task) return send(404, { err: 'Not found' })
      const id = `task-${randomBytes(4).toString('hex')}`
      const answer = () => send(200, { id, url: `https://app.clickup.com/t/${id}`, list: { id: task[1] } })
      if (task[1] === 'slow') setTimeout(answer, SLOW_MS)
      else answer()
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })),
  )
}

async function json(base, path, { method = 'GET', cookie, body } = {}) {
  const headers = { origin: base, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, response }
}

/** Signs up through the API, confirms through the emailed link (Local Explorer), logs in. */
async function owner(base) {
  const email = `runs-bench-${Date.now()}@agency.test`
  const password = 'correct horse battery staple'
  const signup = await json(base, '/api/v1/auth/signup', { method: 'POST', body: { email, password, name: 'Bench Owner' } })
  if (signup.status !== 202) throw new Error(`sign-up: HTTP ${signup.status}`)
  await (await fetch(await emailedLink(base, email, '/verify-email/'), { redirect: 'manual' })).body?.cancel()
  const login = await json(base, '/api/v1/auth/login', { method: 'POST', body: { email, password } })
  if (login.status !== 200) throw new Error(`log-in: HTTP ${login.status}`)
  return login.response.headers.getSetCookie()[0].split(';')[0]
}

async function workflow(base, cookie, connectionId, listId, timeoutSeconds) {
  const step = { appId: 'clickup', action: 'create-task', connectionId, input: { listId, name: 'From the runs bench' } }
  const steps = [timeoutSeconds ? { ...step, timeoutSeconds } : step]
  const created = await json(base, '/api/v1/workflows', { method: 'POST', cookie, body: { name: `Runs ${listId}`, steps } })
  if (created.status !== 201) throw new Error(`workflow: HTTP ${created.status} ${JSON.stringify(created.body)}`)
  return created.body.workflow
}

/** POSTs the trigger and polls the runs API until the run has finished: milliseconds from the POST, and the run. */
async function timedRun(base, cookie, flow) {
  const started = performance.now()
  const hook = await fetch(flow.webhookUrl.replace(/^https?:\/\/[^/]+/, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"title":"bench"}',
  })
  if (hook.status !== 202) throw new Error(`trigger: HTTP ${hook.status}`)
  const { runId } = await hook.json()
  const accepted = performance.now() - started
  for (;;) {
    const { body } = await json(base, `/api/v1/workflows/${flow.id}/runs?limit=5`, { cookie })
    const run = body.runs.find((candidate) => candidate.id === runId)
    if (run && (run.status === 'succeeded' || run.status === 'failed')) return { ms: performance.now() - started, accepted, run }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

const fake = await startFakeClickUp()
const server = await startServer({
  root: process.cwd(),
  extraVars: { APP_ENDPOINTS: JSON.stringify({ clickup: { apiBaseUrl: fake.url } }) },
})
try {
  console.log(`runs bench: wrangler dev on ${server.baseUrl}; fake ClickUp on ${fake.url}`)
  const base = server.baseUrl
  const cookie = await owner(base)
  const connection = await json(base, '/api/v1/connections', {
    method: 'POST',
    cookie,
    body: { appId: 'clickup', name: 'Bench ClickUp', via: 'direct', credentials: { apiToken: 'pk_bench_runs' } },
  })
  if (connection.status !== 201) throw new Error(`connection: HTTP ${connection.status}`)
  const connectionId = connection.body.connection.id
  const fast = await workflow(base, cookie, connectionId, '901')
  const slow = await workflow(base, cookie, connectionId, 'slow', SLOW_STEP_TIMEOUT_SECONDS)

  await timedRun(base, cookie, fast) // warm-up: the first delivery also compiles and starts the consumer
  const times = []
  const accepted = []
  for (let i = 0; i < RUNS; i++) {
    const { ms, run, accepted: answered } = await timedRun(base, cookie, fast)
    if (run.status !== 'succeeded') throw new Error(`run ${run.id} ${run.status}: ${run.error}`)
    times.push(ms)
    accepted.push(answered)
  }
  const long = await timedRun(base, cookie, slow)
  const step = long.run.steps[0]
  const fmt = (ms) => `${Math.round(ms).toLocaleString('en')} ms`
  const spread = (values) => [percentile(values, 50), percentile(values, 95), Math.max(...values)].map(fmt).join(' / ')
  const slowResult =
    `**${long.run.status}**, ${fmt(step?.durationMs ?? 0)} in ${step?.attempts ?? 0} ${step?.attempts === 1 ? 'try' : 'tries'}, ` +
    `${fmt(long.ms)}`
  const lines = [
    '| measurement | result |',
    '| --- | --- |',
    `| webhook POST → 202, ${RUNS} sequential runs (p50 / p95 / max) | ${spread(accepted)} |`,
    `| webhook POST → run \`succeeded\`, the same ${RUNS} runs of one ClickUp step (p50 / p95 / max) | ${spread(times)} |`,
    `| a step whose upstream answers after ${SLOW_MS / 1000} s (\`timeoutSeconds: ${SLOW_STEP_TIMEOUT_SECONDS}\`): run, step duration ` +
      `and tries, webhook → finished | ${slowResult} |`,
  ]
  const verdict =
    long.run.status === 'succeeded' && (step?.durationMs ?? 0) >= SLOW_MS
      ? `Met: the ${SLOW_MS / 1000}-second step completed inside one queue delivery (a consumer invocation may run 15 minutes of ` +
        'wall clock; a step may set up to 300 s per call, and no step starts after 10 minutes of a delivery).'
      : `Missed: the ${SLOW_MS / 1000}-second step did not complete (${long.run.status}: ${long.run.error ?? step?.error}).`
  console.log(['', ...lines, '', verdict].join('\n'))
  writeSection('runs', [
    '## Workflow runs through the queue (`node bench/runs.mjs`)',
    '',
    `Run ${new Date().toISOString().slice(0, 10)} under \`wrangler dev\` (local queue: producer, \`tether-runs\` consumer with`,
    '`max_batch_timeout` 1 s, and D1 on disk), the load generator and a loopback ClickUp fake on the same 2 shared cores. The time',
    `includes the queue's batching wait and ${POLL_MS} ms polling of the runs API; \`wrangler dev\` itself is several times slower`,
    'than production Workers (docs/BENCHMARKS.md above), so read the figures as an upper bound of the local path',
    `(1-minute load average at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores).`,
    '',
    ...lines,
    '',
    verdict,
  ])
  if (long.run.status !== 'succeeded') process.exitCode = 1
} finally {
  await server.stop()
  fake.server.close()
}
