import { Hono } from 'hono'
import { providerParam, saveOAuthAppSchema } from '../../api-schemas/oauth-apps'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { oauthAppsOf, removeOAuthApp, saveOAuthApp } from '../../services/oauth-apps'

/** Bring your own OAuth app: the secret goes in and never comes back out. */
export const oauthAppsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', async (c) => c.json({ oauthApps: await oauthAppsOf(depsFor(c), c.get('owner')) }))
  .put('/:provider', validate('param', providerParam), validate('json', saveOAuthAppSchema), async (c) => {
    const oauthApp = await saveOAuthApp(depsFor(c), c.get('owner'), c.req.valid('param').provider, c.req.valid('json'), Date.now())
    return c.json({ oauthApp })
  })
  .delete('/:provider', validate('param', providerParam), async (c) => {
    await removeOAuthApp(depsFor(c), c.get('owner'), c.req.valid('param').provider)
    return c.body(null, 204)
  })
