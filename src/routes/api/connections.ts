import { Hono } from 'hono'
import type { AppEnv } from '../../http/context'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { createDirectConnection, deleteConnection, replaceCredentials } from '../../services/connections'
import { parseCredentials } from '../../services/credentials'
import { checkConnectionNow } from '../../services/health/check'
import { currentLink } from '../../services/links'
import { iso, publicConnection, publicEvent, publicLink } from '../../services/public-shapes'
import { depsFor } from '../../http/deps'
import { connectionPageOf, eventsOf, requireApp, requireConnection } from '../../services/access'
import { issueNewLink, requestConnectionViaLink, revokeOpenLink } from '../../services/link-lifecycle'
import { idParam } from '../../api-schemas/common'
import { connectionListQuery, createConnectionSchema, credentialsSchema, issueLinkSchema, pageQuery } from '../../api-schemas/connections'

export const connectionsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', validate('query', connectionListQuery), async (c) => {
    const now = Date.now()
    const page = await connectionPageOf(depsFor(c), c.get('owner'), c.req.valid('query'), now)
    return c.json({ connections: page.items.map((row) => publicConnection(row.connection, row.link, now)), nextCursor: page.nextCursor })
  })
  .post('/', validate('json', createConnectionSchema), async (c) => {
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
    const revocation = await deleteConnection(depsFor(c), c.get('owner'), c.req.valid('param').id, Date.now())
    if (revocation) c.executionCtx.waitUntil(revocation())
    return c.body(null, 204)
  })
  .put('/:id/credentials', validate('param', idParam), validate('json', credentialsSchema), async (c) => {
    const deps = depsFor(c)
    const { id } = c.req.valid('param')
    const { connection } = await requireConnection(deps, c.get('owner'), id)
    const app = requireApp(deps, connection.appId)
    const now = Date.now()
    const body = c.req.valid('json')
    const credentials = parseCredentials(app, body.credentials)
    const updated = await replaceCredentials(deps, c.get('owner'), id, credentials, now, body.allowAccountChange === true)
    return c.json({ connection: publicConnection(updated.connection, updated.link, now) })
  })
  .get('/:id/link', validate('param', idParam), async (c) => {
    const now = Date.now()
    const { row, url } = await currentLink(depsFor(c), c.get('owner'), c.req.valid('param').id, now)
    return c.json({ link: publicLink(row, url, now) })
  })
  .post('/:id/link', validate('param', idParam), validate('json', issueLinkSchema), async (c) => {
    const now = Date.now()
    const issued = await issueNewLink(depsFor(c), c.get('owner'), c.req.valid('param').id, c.req.valid('json'), now)
    return c.json({ link: publicLink(issued.row, issued.url, now) }, 201)
  })
  .post('/:id/check', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const { id } = c.req.valid('param')
    await checkConnectionNow(deps, c.get('owner'), id, Date.now())
    const found = await requireConnection(deps, c.get('owner'), id)
    return c.json({ connection: publicConnection(found.connection, found.link, Date.now()) })
  })
  .delete('/:id/link', validate('param', idParam), async (c) => {
    await revokeOpenLink(depsFor(c), c.get('owner'), c.req.valid('param').id, Date.now())
    return c.body(null, 204)
  })
  .get('/:id/events', validate('param', idParam), validate('query', pageQuery), async (c) => {
    const page = await eventsOf(depsFor(c), c.get('owner'), c.req.valid('param').id, c.req.valid('query'))
    return c.json({ events: page.items.map(publicEvent), nextCursor: page.nextCursor })
  })
