import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { median } from './load.mjs'

const require = createRequire(import.meta.url)
const wranglerCli = join(require.resolve('wrangler/package.json'), '..', 'bin', 'wrangler.js')

/** The bundle `wrangler deploy` uploads: its bytes and gzip -9 of them (the 3 MB / 10 MB limits are on the gzip). */
export function bundleWeight(script) {
  const bytes = readFileSync(script)
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/**
 * `wrangler check startup`: builds the worker as `wrangler deploy` would, evaluates it in a local
 * workerd and profiles that startup. Runs `runs` times (the profile is one sample of ~1 ms ticks);
 * figures are the medians. Null, with the reason, when wrangler cannot profile here.
 */
export function startupProfile(workDir, runs) {
  const samples = []
  for (let run = 0; run < runs; run++) {
    const outfile = join(workDir, `startup-${run}.cpuprofile`)
    const result = spawnSync(process.execPath, [wranglerCli, 'check', 'startup', '--outfile', outfile], {
      encoding: 'utf8',
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    })
    const output = `${result.stdout}\n${result.stderr}`
    const figure = (pattern) => Number(pattern.exec(output)?.[1] ?? Number.NaN)
    const sample = {
      wranglerGzipKiB: figure(/Bundle: [\d.]+ KiB \/ gzip: ([\d.]+) KiB/),
      windowMs: figure(/Profile window: ([\d.]+) ms/),
      activeMs: figure(/Active: ([\d.]+) ms/),
      gcMs: figure(/including ([\d.]+) ms garbage collection/),
      samples: figure(/Samples: (\d+)/),
    }
    if (result.status !== 0 || Number.isNaN(sample.activeMs)) {
      return { error: `wrangler check startup failed (exit ${result.status}): ${output.trim().split('\n').slice(-5).join(' / ')}` }
    }
    samples.push(sample)
  }
  const mid = (key) => median(samples.map((sample) => sample[key]))
  return {
    runs,
    wranglerGzipKiB: mid('wranglerGzipKiB'),
    windowMs: mid('windowMs'),
    activeMs: mid('activeMs'),
    gcMs: mid('gcMs'),
    samples: mid('samples'),
    activeRange: [Math.min(...samples.map((s) => s.activeMs)), Math.max(...samples.map((s) => s.activeMs))],
  }
}

const kib = (bytes) => (bytes / 1024).toFixed(1)

/** For the terminal. */
export function startupLines({ bundle, startup }) {
  return [
    `Bundle: ${bundle.bytes} B raw (${kib(bundle.bytes)} KiB), ${bundle.gzip} B gzip -9 (${kib(bundle.gzip)} KiB)`,
    startup.error
      ? `Startup: not measured: ${startup.error}`
      : `Startup (wrangler check startup, median of ${startup.runs}): ${startup.activeMs} ms active CPU ` +
        `(range ${startup.activeRange.join('–')}; ${startup.gcMs} ms of it GC) in a ${startup.windowMs} ms profile window`,
  ]
}

/** For docs/BENCHMARKS.md. */
export function startupSection({ bundle, startup }) {
  const profile = startup.error
    ? `\`wrangler check startup\` could not profile here: ${startup.error}`
    : `\`wrangler check startup\` (median of ${startup.runs} runs; it builds the worker as \`wrangler deploy\` does and
profiles its first evaluation in a local workerd): **${startup.activeMs} ms** of active CPU
(runs: ${startup.activeRange.join('–')} ms; ${startup.gcMs} ms of it garbage collection; ${startup.samples} samples
in a ${startup.windowMs} ms window). Measured on this machine's CPU, not Cloudflare's: wrangler says the
figure shows where startup time goes rather than what it will be once deployed.`
  return `| | Bytes | KiB |
|---|---:|---:|
| Worker bundle (\`wrangler deploy --dry-run\`, minified) | ${bundle.bytes} | ${kib(bundle.bytes)} |
| gzip -9 of it | ${bundle.gzip} | ${kib(bundle.gzip)} |

${profile}`
}
