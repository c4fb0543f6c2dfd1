import { Miniflare, convertV4MiniflareOptions } from 'miniflare'
const key = 'k1:' + Buffer.alloc(32, 7).toString('base64')
const p = process.argv[2]
const mf = new Miniflare(convertV4MiniflareOptions({ logRequests: false, workers: [
  { name: 'harness', modules: true, scriptPath: p, modulesRoot: p.replace(/\/[^/]*$/, ''), compatibilityDate: '2026-11-01',
    d1Databases: { DB: 'h-db' }, kvNamespaces: { LINKS: 'h-kv' },
    bindings: { ENCRYPTION_KEYS: key, DEMO_APPS: '1', ALLOW_LOOPBACK_APPS: '1' }, unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] }] }))
import { readFileSync, readdirSync } from 'node:fs'
const db = await mf.getD1Database('DB', 'harness')
for (const f of readdirSync('migrations').filter((f) => f.endsWith('.sql')).sort())
  for (const s of readFileSync('migrations/' + f, 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean)) await db.prepare(s).run()
const base = (await mf.unsafeGetDirectURL('harness')).toString().replace(/\/$/, '')
for (let i = 0; i < 3; i++) { const r = await fetch(base + '/__bench/micro?n=3000'); console.log(JSON.stringify(await r.json())) }
await mf.dispose()
