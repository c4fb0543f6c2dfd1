import { Hono } from 'hono'
import { createLinkRequestSchema } from '../../api-schemas/link-requests'
import { idParam } from '../../api-schemas/common'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { requestConnectionsViaLink } from '../../services/link-lifecycle'
import { linkRequestOf } from '../../services/link-requests'
import { publicLinkRequest } from '../../services/public-shapes'

/** Several apps in one link: each item is a via-link connection of its own; the request's URL lists them all. */
export const linkRequestsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .post('/', validate('json', createLinkRequestSchema), async (c) => {
    const now = Date.now()
    const created = await requestConnectionsViaLink(depsFor(c), c.get('owner'), c.req.valid('json'), now)
    return c.json({ request: publicLinkRequest(created, now) }, 201)
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const now = Date.now()
    return c.json({ request: publicLinkRequest(await linkRequestOf(depsFor(c), c.get('owner'), c.req.valid('param').id, now), now) })
  })
