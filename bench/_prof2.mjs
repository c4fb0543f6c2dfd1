import { Miniflare, convertV4MiniflareOptions } from 'miniflare'
import { readFileSync, readdirSync } from 'node:fs'
const key = 'k1:' + Buffer.alloc(32, 7).toString('base64')
const p = process.argv[2], only = process.argv[3]
const mf = new Miniflare(convertV4MiniflareOptions({ logRequests: false, inspectorPort: 9332, workers: [
  { name: 'harness', modules: true, scriptPath: p, modulesRoot: p.replace(/\/[^/]*$/, ''), compatibilityDate: '2026-11-01',
    d1Databases: { DB: 'h-db' }, kvNamespaces: { LINKS: 'h-kv' },
    bindings: { ENCRYPTION_KEYS: key, DEMO_APPS: '1', ALLOW_LOOPBACK_APPS: '1' }, unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] }] }))
const db = await mf.getD1Database('DB', 'harness')
for (const f of readdirSync('migrations').filter((f) => f.endsWith('.sql')).sort())
  for (const s of readFileSync('migrations/' + f, 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean)) await db.prepare(s).run()
const base = (await mf.unsafeGetDirectURL('harness')).toString().replace(/\/$/, '')
const targets = await (await fetch('http://127.0.0.1:9332/json')).json()
const ws = new WebSocket(targets.find((t) => t.webSocketDebuggerUrl.includes('harness')).webSocketDebuggerUrl)
await new Promise((res) => ws.addEventListener('open', res))
let id = 0; const pending = new Map()
ws.addEventListener('message', (e) => { const m = JSON.parse(e.data); if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id) } })
const send = (method, params = {}) => new Promise((res) => { const i = ++id; pending.set(i, res); ws.send(JSON.stringify({ id: i, method, params })) })
await send('Profiler.enable'); await send('Profiler.setSamplingInterval', { interval: 50 })
await fetch(base + '/__bench/micro?n=3000&only=' + encodeURIComponent(only))
await send('Profiler.start')
console.log(await (await fetch(base + '/__bench/micro?n=20000&only=' + encodeURIComponent(only))).json())
const { result } = await send('Profiler.stop')
const nodes = result.profile.nodes; const self = new Map(); const byId = new Map(nodes.map((n) => [n.id, n]))
const counts = new Map(); for (const s of result.profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1)
const total = result.profile.samples.length
const key2 = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
for (const n of nodes) self.set(key2(n), (self.get(key2(n)) ?? 0) + (counts.get(n.id) ?? 0))
const parent = new Map(); for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const incl = new Map()
for (const [sid, c] of counts) { const seen = new Set(); let cur = sid; while (cur !== undefined) { const k = key2(byId.get(cur)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + c) } cur = parent.get(cur) } }
console.log('SELF'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((100 * v / total).toFixed(1).padStart(5), k)
console.log('INCL'); for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log((100 * v / total).toFixed(1).padStart(5), k)
ws.close(); await mf.dispose()
