import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * What a browser downloads for the invitation page: the HTML, the stylesheets and scripts it
 * references (read from public/, which the assets binding serves as they are) and images.
 */
export function pageWeight(html, publicDir = 'public') {
  const attr = (tag, name) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1]
  const tags = (pattern) => [...html.matchAll(pattern)].map((match) => match[0])
  const file = (href) => {
    const path = join(publicDir, href.replace(/^\//, '').split('?')[0])
    return existsSync(path) ? readFileSync(path) : null
  }
  const sized = (hrefs) =>
    hrefs.filter(Boolean).map((href) => ({ href, bytes: file(href)?.length ?? 0, gzip: file(href) ? gzipSync(file(href)).length : 0 }))
  const stylesheets = sized(tags(/<link\b[^>]*rel="stylesheet"[^>]*>/g).map((tag) => attr(tag, 'href')))
  const scriptTags = tags(/<script\b[^>]*>/g)
  const scripts = sized(scriptTags.map((tag) => attr(tag, 'src')))
  const inlineScripts = scriptTags.filter((tag) => !attr(tag, 'src')).length
  const images = sized([...new Set(tags(/<img\b[^>]*>/g).map((tag) => attr(tag, 'src')))])
  const htmlBytes = Buffer.byteLength(html)
  const cssBytes = stylesheets.reduce((sum, s) => sum + s.bytes, 0)
  return {
    htmlBytes,
    htmlGzip: gzipSync(html).length,
    stylesheets,
    cssBytes,
    scriptTags: scriptTags.length,
    inlineScripts,
    scripts,
    jsBytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
    images,
    htmlPlusCss: htmlBytes + cssBytes,
  }
}
