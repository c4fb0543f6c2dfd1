/**
 * `npm run bench:invitation`: only the invitation and invalid-link pages against their KV floors, in
 * alternating rounds — a few minutes' check of the hot path while working on it. It prints and writes
 * nothing; `npm run bench` stays the record. Knobs as for bench/run.mjs (BENCH_SECONDS, BENCH_ROUNDS).
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundle } from './lib/build.mjs'
import { settings } from './lib/config.mjs'
import { median, ratio, rounds } from './lib/load.mjs'
import { startRuntime } from './lib/runtime.mjs'
import { createLinks, seedOwners, UNKNOWN_TOKEN } from './lib/scenarios.mjs'

const log = (line) => console.log(line)
const work = mkdtempSync(join(tmpdir(), 'tether-bench-'))
const fake = fork(new URL('./lib/fake-app.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
let runtime
try {
  const fakePort = await new Promise((resolve) => fake.once('message', (message) => resolve(message.port)))
  const appScript = bundle(join(work, 'app'))
  const harnessScript = bundle(join(work, 'harness'), 'bench/harness/worker.tsx')
  runtime = await startRuntime({ appScript, harnessScript, fakeAppUrl: `http://127.0.0.1:${fakePort}` })
  const { mf, urls, workerdPid } = runtime
  const app = urls.tether
  const owners = await seedOwners(app, 4, await mf.getD1Database('DB', 'tether'))
  const invitations = await createLinks(app, owners, 20)
  const invitationHtml = await (await fetch(`${app}/connect/${invitations[0]}`)).text()
  const invalidHtml = await (await fetch(`${app}/connect/${UNKNOWN_TOKEN}`)).text()
  const appKv = await mf.getKVNamespace('LINKS', 'tether')
  const floorKv = await mf.getKVNamespace('LINKS', 'kv-floor')
  const snapshotKeys = (await appKv.list({ prefix: 'link:' })).keys
  for (const [i, key] of snapshotKeys.entries()) await floorKv.put(`link:hit/${i}`, await appKv.get(key.name))
  await fetch(`${urls['kv-floor']}/__page/hit`, { method: 'PUT', body: invitationHtml })
  await fetch(`${urls['kv-floor']}/__page/miss`, { method: 'PUT', body: invalidHtml })
  // Every invitation is viewed once before the rounds, so its once-per-isolate "opened" write is not measured.
  for (const token of invitations) await (await fetch(`${app}/connect/${token}`)).text()
  let next = 0
  let nextFloorKey = 0
  const targets = [
    {
      name: 'floor: one KV get (hit)',
      url: urls['kv-floor'],
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/hit/${nextFloorKey++ % snapshotKeys.length}` }) }],
    },
    {
      name: 'invitation page',
      url: app,
      requests: [
        { method: 'GET', setupRequest: (request) => ({ ...request, path: `/connect/${invitations[next++ % invitations.length]}` }) },
      ],
    },
    { name: 'floor: one KV get (miss)', url: `${urls['kv-floor']}/miss`, expectStatus: 410 },
    { name: 'invalid-link page', url: `${app}/connect/${UNKNOWN_TOKEN}`, expectStatus: 410 },
  ]
  const runs = await rounds(targets, { ...settings, workerdPid }, { log })
  const show = (page, floor) => {
    const rps = ratio(runs[page], runs[floor])
    const cpu = ratio(runs[page], runs[floor], 'cpuUsPerRequest')
    const p99 = median(runs[page].map((run) => run.p99)) / median(runs[floor].map((run) => run.p99))
    log(
      `${page}: ${rps.median.toFixed(2)}× the floor (rounds ${rps.values.map((v) => v.toFixed(2)).join(', ')}); ` +
        `CPU/request ${cpu.median.toFixed(2)}×; p99 ${p99.toFixed(2)}×`,
    )
  }
  show('invitation page', 'floor: one KV get (hit)')
  show('invalid-link page', 'floor: one KV get (miss)')
} finally {
  await runtime?.mf.dispose()
  fake.disconnect()
  rmSync(work, { recursive: true, force: true })
}
