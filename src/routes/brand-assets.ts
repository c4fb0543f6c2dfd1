import { Hono } from 'hono'
import { accentStylesheet, parseLogoFile } from '../domain/brand'
import { AppError } from '../domain/errors'
import type { AppEnv } from '../http/context'
import { readLogo } from '../services/brand'

/** Both are named by their content (the logo's SHA-256, the colour itself): a URL never changes meaning, so it is cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

const notFound = () => new AppError('not_found', 'There is nothing here.')

export const brandAssets = new Hono<AppEnv>()
  .get('/logo/:file', async (c) => {
    const file = parseLogoFile(c.req.param('file'))
    const bytes = file && (await readLogo(c.env.LINKS, file.hash, file.type))
    if (!file || !bytes) throw notFound()
    // The type is the one sniffed at upload and fixed by the URL; nosniff keeps the browser from guessing another.
    return c.body(bytes, 200, { 'Content-Type': file.type, 'Cache-Control': IMMUTABLE, 'X-Content-Type-Options': 'nosniff' })
  })
  .get('/accent/:file', (c) => {
    const css = accentStylesheet(c.req.param('file'))
    if (!css) throw notFound()
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': IMMUTABLE })
  })
