import { Hono } from 'hono'
import { saveBrandSchema } from '../../api-schemas/brand'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { brandOf, removeLogo, saveBrand, saveLogo } from '../../services/brand'

/** The workspace's brand on the client's pages; the logo is the raw image body (the bytes decide its type). */
export const brandApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', async (c) => c.json({ brand: await brandOf(depsFor(c), c.get('owner')) }))
  .put('/', validate('json', saveBrandSchema), async (c) => {
    return c.json({ brand: await saveBrand(depsFor(c), c.get('owner'), c.req.valid('json'), Date.now()) })
  })
  .put('/logo', async (c) => {
    const upload = { bytes: new Uint8Array(await c.req.arrayBuffer()), declaredType: c.req.header('content-type') ?? '' }
    return c.json({ brand: await saveLogo(depsFor(c), c.get('owner'), upload, Date.now()) })
  })
  .delete('/logo', async (c) => c.json({ brand: await removeLogo(depsFor(c), c.get('owner'), Date.now()) }))
