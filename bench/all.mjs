/**
 * `npm run bench`: every benchmark script in turn. Each one exits 1 when it misses a goal; the next ones still run,
 * and this exits 1 at the end if any script did, naming them.
 */
import { spawnSync } from 'node:child_process'

const SCRIPTS = ['run.mjs', 'table.mjs', 'health-sweep.mjs', 'proxy.mjs', 'runs.mjs']
const failed = []
for (const script of SCRIPTS) {
  const { status, signal } = spawnSync(process.execPath, [new URL(script, import.meta.url).pathname], { stdio: 'inherit' })
  if (status !== 0) failed.push(`bench/${script} (${signal ?? `exit ${status}`})`)
}
if (failed.length > 0) {
  console.error(`\nMissed a goal or failed: ${failed.join(', ')}.`)
  process.exitCode = 1
}
