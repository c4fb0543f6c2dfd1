import { median } from './load.mjs'

/**
 * A closed-loop client for latency comparisons: `concurrency` loops, each sending its next request when the last one
 * has answered, over Node's fetch (undici keeps its connections alive between requests). Every body is read to the end,
 * so a sample is the time until the last byte. Milliseconds, as floats.
 */
export async function sampleLatencies(request, { requests, concurrency }) {
  const samples = []
  let left = requests
  const loop = async () => {
    while (left > 0) {
      left--
      const started = performance.now()
      const response = await fetch(request.url, { headers: request.headers })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${request.url}: HTTP ${response.status}`)
      samples.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop))
  return samples
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** p50 and p99 of one batch of samples. */
export const summary = (samples) => ({ p50: percentile(samples, 50), p99: percentile(samples, 99) })

/** Per-round values of a field, summarised as the median of rounds and their range. */
export function overRounds(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) }
}
