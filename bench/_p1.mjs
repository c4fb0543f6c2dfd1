import { Miniflare, convertV4MiniflareOptions } from 'miniflare'
import autocannon from 'autocannon'
import { readFileSync, readdirSync } from 'node:fs'

const key = 'k1:' + Buffer.alloc(32, 7).toString('base64')
const hello = `export default { fetch() { return new Response('Hello World!') } }`
const mf = new Miniflare(convertV4MiniflareOptions({ logRequests: false,
  compatibilityDate: '2026-11-01',
  workers: [
    { name: 'tether', modules: true, scriptPath: '/tmp/tb/index.js', modulesRoot: '/tmp/tb', compatibilityDate: '2026-11-01',
      d1Databases: { DB: 'bench-db' }, kvNamespaces: { LINKS: 'bench-links' },
      assets: { directory: '/work/main/public', routerConfig: { has_user_worker: true } },
      bindings: { ENCRYPTION_KEYS: key, DEMO_APPS: '1', ALLOW_LOOPBACK_APPS: '1' },
      unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
    { name: 'hello', modules: true, script: hello, unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
    { name: 'hello-assets', modules: true, script: hello, assets: { directory: '/work/main/public', routerConfig: { has_user_worker: true } }, unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
  ],
}))
await mf.ready
const db = await mf.getD1Database('DB', 'tether')
for (const f of readdirSync('migrations').filter((f) => f.endsWith('.sql')).sort()) {
  for (const s of readFileSync('migrations/' + f, 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean)) await db.prepare(s).run()
}
const urls = {}
for (const n of ['tether', 'hello', 'hello-assets']) urls[n] = (await mf.unsafeGetDirectURL(n)).toString()
console.log(urls)
const base = urls.tether.replace(/\/$/, '')
let r = await fetch(base + '/api/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'o@b.test', password: 'correct horse battery', name: 'Olivia' }) })
console.log(r.status, await r.clone().text())
const cookie = r.headers.getSetCookie()[0].split(';')[0]
r = await fetch(base + '/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'bench' }) })
const { token } = await r.json(); console.log(r.status, token)
r = await fetch(base + '/api/v1/connections', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body: JSON.stringify({ appId: 'demo-tasks', name: 'Client', via: 'link' }) })
const j = await r.json(); console.log(r.status, j.link)
const path = new URL(j.link.url).pathname
r = await fetch(base + path); const html = await r.text(); console.log(r.status, html.length, [...r.headers].length)
r = await fetch(base + '/app.css'); console.log('css', r.status, (await r.text()).length)
async function run(url, d = 4) { const res = await autocannon({ url, connections: 10, duration: d }); return `${res.requests.average} rps p50 ${res.latency.p50} p99 ${res.latency.p99} non2xx ${res.non2xx} err ${res.errors}` }
for (let i = 0; i < 2; i++) {
  console.log('hello', await run(urls.hello))
  console.log('hello-assets', await run(urls['hello-assets']))
  console.log('invite', await run(base + path))
  console.log('invalid', await run(base + '/connect/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))
}
await mf.dispose()
