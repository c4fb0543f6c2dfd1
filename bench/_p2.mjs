import { Miniflare, convertV4MiniflareOptions } from 'miniflare'
const hello = `export default { fetch(r) { return new Response('Hello World! ' + r.method + ' ' + r.url) } }`
const mf = new Miniflare(convertV4MiniflareOptions({ logRequests: false,
  workers: [
    { name: 'hello', modules: true, script: hello, unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
    { name: 'hello-assets', modules: true, script: hello, assets: { directory: '/work/main/public', routerConfig: { has_user_worker: true } }, unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
  ],
}))
for (const n of ['hello', 'hello-assets']) {
  const u = (await mf.unsafeGetDirectURL(n)).toString()
  for (const [m, p] of [['GET', 'x'], ['POST', 'x'], ['GET', 'app.css']]) {
    const r = await fetch(u + p, { method: m, body: m === 'POST' ? '{}' : undefined })
    console.log(n, m, p, r.status, (await r.text()).slice(0, 60))
  }
}
const r = await mf.dispatchFetch('http://x/x', { method: 'POST', body: '{}' }); console.log('dispatch', r.status, await r.text())
await mf.dispose()
