import { Hono } from 'hono'
import { isAppAvailable, listedApps } from '../../apps'
import type { AppDefinition } from '../../apps/types'
import { readConfig } from '../../config'
import type { Env } from '../../env'
import type { AppEnv } from '../../http/context'
import { requireOwner } from '../../http/owner-auth'

const publicField = ({ key, label, secret }: AppDefinition['fields'][number]) => ({ key, label, secret })

export function publicApp(env: Env, app: AppDefinition) {
  return {
    id: app.id,
    name: app.name,
    iconUrl: app.iconUrl,
    category: app.category,
    authType: app.authType,
    available: isAppAvailable(env, app),
    fields: app.fields.map(publicField),
    actions: app.actions.map((action) => ({ id: action.id, name: action.name, fields: action.fields.map(publicField) })),
  }
}

export const appsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', (c) => c.json({ apps: listedApps(readConfig(c.env)).map((app) => publicApp(c.env, app)) }))
