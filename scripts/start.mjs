// `npm start`: local D1 migrations, a local encryption key, then wrangler dev with the demo apps on.
// Extra arguments (e.g. --port 9000 --persist-to .state) are passed to wrangler.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'

const args = process.argv.slice(2)
const persist = args.includes('--persist-to') ? ['--persist-to', args[args.indexOf('--persist-to') + 1]] : []
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' }

if (!existsSync('.dev.vars')) {
  const key = randomBytes(32).toString('base64')
  writeFileSync(
    '.dev.vars',
    `# Local only, git-ignored. First key encrypts; add new ones in front to rotate.\nENCRYPTION_KEYS="k1:${key}"\n`,
    { mode: 0o600 },
  )
  console.log('Wrote .dev.vars with a fresh local encryption key.')
}

const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', ...persist], { stdio: 'inherit', env })
if (migrate.status !== 0) process.exit(migrate.status ?? 1)

const hasPort = args.includes('--port')
const dev = spawn(
  'wrangler',
  ['dev', '--ip', '127.0.0.1', ...(hasPort ? [] : ['--port', '8787']), '--var', 'DEMO_APPS:1', '--var', 'ALLOW_LOOPBACK_APPS:1', ...args],
  { stdio: 'inherit', env },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
