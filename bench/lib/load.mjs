import autocannon from 'autocannon'
import { cpuMs } from './runtime.mjs'

/**
 * One autocannon run against one target. A target is { url, method?, headers?, body?,
 * requests? (autocannon request list), drain? (waits for the target's after-response work, so
 * its CPU is charged to it) }. Throughput is completed requests over the run's duration.
 */
export async function measure(target, { seconds, connections, workerdPid }) {
  const before = cpuMs(workerdPid)
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    requests: target.requests,
    connections,
    duration: seconds,
  })
  if (target.drain) await target.drain()
  const after = cpuMs(workerdPid)
  const total = result.requests.total
  const expected = target.expectStatus ?? 200
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => Number(status) !== expected)
    .reduce((sum, [, stats]) => sum + stats.count, 0)
  return {
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    unexpected: unexpected + result.errors + result.timeouts,
    cpuUsPerRequest: before === null || total === 0 ? null : ((after - before) * 1000) / total,
  }
}

export const median = (values) => {
  const sorted = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Alternating rounds: every round runs every target once, in the same order, so a ratio is
 * taken between runs seconds apart and load from elsewhere on the machine mostly cancels.
 */
export async function rounds(targets, options, { log, onRun = () => {} }) {
  const runs = Object.fromEntries(targets.map((target) => [target.name, []]))
  for (const target of targets) {
    if (target.prepare) await target.prepare()
    await measure(target, { ...options, seconds: options.warmupSeconds })
  }
  for (let round = 1; round <= options.rounds; round++) {
    for (const target of targets) {
      if (target.prepare) await target.prepare()
      const run = await measure(target, options)
      runs[target.name].push(run)
      onRun(target, run)
      log(
        `  round ${round}/${options.rounds}  ${target.name.padEnd(28)} ${run.rps.toFixed(0).padStart(6)} req/s` +
          `  p50 ${fmt(run.p50)} ms  p99 ${fmt(run.p99)} ms` +
          (run.cpuUsPerRequest === null ? '' : `  ${run.cpuUsPerRequest.toFixed(0)} µs CPU/req`) +
          (run.unexpected ? `  (${run.unexpected} unexpected)` : ''),
      )
    }
  }
  return runs
}

const fmt = (v) => (v === undefined || v === null ? '–' : String(v))

/** Per-round ratio a/b of a field, summarised as median and range. */
export function ratio(runsA, runsB, field = 'rps') {
  const values = runsA.map((run, i) => (runsB[i]?.[field] ? run[field] / runsB[i][field] : null)).filter((v) => v !== null)
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values }
}
