import { Hono } from 'hono'
import * as z from 'zod'
import { MAX_LINK_MINUTES, MIN_LINK_MINUTES } from '../../domain/links'
import type { AppEnv } from '../../http/context'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { createDirectConnection, deleteConnection, replaceCredentials } from '../../services/connections'
import { parseCredentials } from '../../services/credentials'
import { currentLink } from '../../services/links'
import { iso, publicConnection, publicEvent, publicLink } from '../../services/public-shapes'
import { depsFor } from '../../http/deps'
import { connectionsOf, eventsOf, requireApp, requireConnection } from '../../services/access'
import { issueNewLink, requestConnectionViaLink, revokeOpenLink } from '../../services/link-lifecycle'

const name = z.string().trim().min(1).max(100)
const expiresInMinutes = z.number().int().min(MIN_LINK_MINUTES).max(MAX_LINK_MINUTES).optional()
const credentials = z.record(z.string(), z.union([z.string(), z.number()]))

const createSchema = z.discriminatedUnion('via', [
  z.object({ appId: z.string().min(1).max(64), name, via: z.literal('link'), expiresInMinutes }).strict(),
  z.object({ appId: z.string().min(1).max(64), name, via: z.literal('direct'), credentials }).strict(),
])

const idParam = z.object({ id: z.string().min(1).max(64) })

export const connectionsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', async (c) => {
    const now = Date.now()
    const rows = await connectionsOf(depsFor(c), c.get('owner'))
    return c.json({ connections: rows.map((row) => publicConnection(row.connection, row.link, now)) })
  })
  .post('/', validate('json', createSchema), async (c) => {
    const deps = depsFor(c)
    const body = c.req.valid('json')
    const now = Date.now()
    if (body.via === 'link') {
      const { connection, link } = await requestConnectionViaLink(deps, c.get('owner'), body, now)
      return c.json(
        {
          connection: publicConnection(connection.connection, connection.link, now),
          link: { url: link.url, expiresAt: iso(link.row.expiresAt) },
        },
        201,
      )
    }
    const app = requireApp(deps, body.appId)
    const created = await createDirectConnection(
      deps,
      c.get('owner'),
      { appId: app.id, name: body.name, credentials: parseCredentials(app, body.credentials) },
      now,
    )
    return c.json({ connection: publicConnection(created.connection, created.link, now) }, 201)
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const found = await requireConnection(depsFor(c), c.get('owner'), c.req.valid('param').id)
    return c.json({ connection: publicConnection(found.connection, found.link, Date.now()) })
  })
  .delete('/:id', validate('param', idParam), async (c) => {
    await deleteConnection(depsFor(c), c.get('owner'), c.req.valid('param').id, Date.now())
    return c.body(null, 204)
  })
  .put('/:id/credentials', validate('param', idParam), validate('json', z.object({ credentials }).strict()), async (c) => {
    const deps = depsFor(c)
    const { id } = c.req.valid('param')
    const { connection } = await requireConnection(deps, c.get('owner'), id)
    const app = requireApp(deps, connection.appId)
    const now = Date.now()
    const updated = await replaceCredentials(deps, c.get('owner'), id, parseCredentials(app, c.req.valid('json').credentials), now)
    return c.json({ connection: publicConnection(updated.connection, updated.link, now) })
  })
  .get('/:id/link', validate('param', idParam), async (c) => {
    const now = Date.now()
    const { row, url } = await currentLink(depsFor(c), c.get('owner'), c.req.valid('param').id, now)
    return c.json({ link: publicLink(row, url, now) })
  })
  .post('/:id/link', validate('param', idParam), validate('json', z.object({ expiresInMinutes }).strict()), async (c) => {
    const now = Date.now()
    const issued = await issueNewLink(depsFor(c), c.get('owner'), c.req.valid('param').id, c.req.valid('json').expiresInMinutes, now)
    return c.json({ link: publicLink(issued.row, issued.url, now) }, 201)
  })
  .delete('/:id/link', validate('param', idParam), async (c) => {
    await revokeOpenLink(depsFor(c), c.get('owner'), c.req.valid('param').id, Date.now())
    return c.body(null, 204)
  })
  .get('/:id/events', validate('param', idParam), async (c) => {
    const events = await eventsOf(depsFor(c), c.get('owner'), c.req.valid('param').id)
    return c.json({ events: events.map(publicEvent) })
  })
