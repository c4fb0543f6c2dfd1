/**
 * The two floors: the least a Worker can cost (hello world), and the least any KV-served page
 * can cost (exactly one KV get, then a fixed page). It reads the same values the app's
 * invitation links have, rotating through them as the app's target does. `PUT /__page/hit|miss` stores the pages in
 * the isolate once, so they have the app's exact page sizes without a second read.
 */
export const helloWorldScript = `export default {
  fetch() { return new Response('Hello World!') },
}`

export const kvFloorScript = `const pages = { hit: '<!doctype html><p>found</p>', miss: '<!doctype html><p>not found</p>' }
export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url)
    if (request.method === 'PUT' && pathname.startsWith('/__page/')) {
      pages[pathname.slice('/__page/'.length)] = await request.text()
      return new Response(null, { status: 204 })
    }
    // /hit/<n> reads the n-th of the values stored for it, /miss a key that does not exist.
    const value = await env.LINKS.get(pathname === '/miss' ? 'link:missing' : \`link:\${pathname.slice(1)}\`)
    return new Response(value === null ? pages.miss : pages.hit, {
      status: value === null ? 410 : 200,
      headers: { 'content-type': 'text/html; charset=UTF-8' },
    })
  },
}`

/**
 * The least an authenticated proxy can cost: one D1 round trip (any lookup of who is calling), then the upstream call
 * with its answer streamed back. `/<path>` is forwarded to UPSTREAM + path (bench/proxy.mjs).
 */
export const proxyFloorScript = `export default {
  async fetch(request, env) {
    const { pathname, search } = new URL(request.url)
    await env.DB.prepare('SELECT ? AS caller').bind(request.headers.get('authorization')).first()
    const upstream = await fetch(env.UPSTREAM + pathname + search, { headers: { authorization: 'pk_floor' } })
    return new Response(upstream.body, { status: upstream.status, headers: upstream.headers })
  },
}`
