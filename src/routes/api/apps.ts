import { Hono } from 'hono'
import { appSearchQuery } from '../../api-schemas/apps'
import { listedApps } from '../../apps'
import { filterApps } from '../../apps/search'
import type { AppDefinition } from '../../apps/types'
import { depsFor } from '../../http/deps'
import { validate } from '../../http/validate'
import { availabilityIn } from '../../services/oauth-apps'
import type { AppEnv } from '../../http/context'
import { requireOwner } from '../../http/owner-auth'

const publicField = ({ key, label, secret }: AppDefinition['fields'][number]) => ({ key, label, secret })

export function publicApp(app: AppDefinition, available: boolean) {
  return {
    id: app.id,
    name: app.name,
    iconUrl: app.iconUrl,
    category: app.category,
    authType: app.authType,
    available,
    fields: app.fields.map(publicField),
    actions: app.actions.map((action) => ({ id: action.id, name: action.name, fields: action.fields.map(publicField) })),
  }
}

export const appsApi = new Hono<AppEnv>().use(requireOwner).get('/', validate('query', appSearchQuery), async (c) => {
  const deps = depsFor(c)
  const available = await availabilityIn(deps, c.get('owner').workspaceId)
  const apps = filterApps(listedApps(deps.config), c.req.valid('query'))
  return c.json({ apps: apps.map((app) => publicApp(app, available(app))) })
})
