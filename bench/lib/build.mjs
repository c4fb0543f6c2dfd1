import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const wranglerCli = join(require.resolve('wrangler/package.json'), '..', 'bin', 'wrangler.js')

/**
 * Bundles a worker exactly as `wrangler deploy` would (same esbuild settings, tsconfig and
 * wrangler.jsonc), without deploying. `entry` defaults to the app's own main.
 */
export function bundle(outdir, entry) {
  const args = [wranglerCli, 'deploy', '--dry-run', '--outdir', outdir, ...(entry ? [entry] : [])]
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  })
  if (result.status !== 0) throw new Error(`wrangler bundle failed:\n${result.stdout}\n${result.stderr}`)
  const script = readdirSync(outdir).find((file) => file.endsWith('.js'))
  if (!script) throw new Error(`no bundle in ${outdir}`)
  return join(outdir, script)
}
