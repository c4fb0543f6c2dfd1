// public/_headers as wrangler dev's asset server applies it (the vitest pool serves no assets).
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable'
const contentHash = (name) =>
  createHash('sha256')
    .update(readFileSync(new URL(`../../public/${name}`, import.meta.url), 'utf8'))
    .digest('hex')
    .slice(0, 10)

export const staticAssetsScenario = {
  name: 'static assets: nosniff on every file; a year immutable only for the content-hashed URLs',
  async run(t) {
    const page = await (await fetch(`${t.baseUrl}/login`)).text()
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1]
    assert.equal(stylesheet, `/app.css?v=${contentHash('app.css')}`, 'the page links the stylesheet by its content hash')

    const expected = [
      [stylesheet, YEAR_IMMUTABLE, 'text/css'],
      [`/dashboard.css?v=${contentHash('dashboard.css')}`, YEAR_IMMUTABLE, 'text/css'],
      [`/copy.js?v=${contentHash('copy.js')}`, YEAR_IMMUTABLE, 'text/javascript'],
      ['/icons/tether.svg', 'public, max-age=86400', 'image/svg+xml'],
    ]
    for (const [path, cache, type] of expected) {
      const response = await fetch(`${t.baseUrl}${path}`)
      await response.body?.cancel()
      assert.equal(response.status, 200, path)
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${path}: nosniff`)
      assert.equal(response.headers.get('cache-control'), cache, `${path}: cache-control`)
      assert.ok(response.headers.get('content-type')?.startsWith(type), `${path}: content-type ${response.headers.get('content-type')}`)
    }
  },
}
