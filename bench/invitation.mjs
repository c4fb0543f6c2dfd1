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
import { invitationTargets, seedOwners } from './lib/scenarios.mjs'

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
  const owners = await seedOwners(urls.tether, 4, await mf.getD1Database('DB', 'tether'))
  const { targets } = await invitationTargets({ mf, urls, owners })
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
