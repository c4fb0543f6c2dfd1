import { Hono } from 'hono'
import { getApp, listedApps } from '../../apps'
import { connectionsOf } from '../../services/access'
import type { AppEnv } from '../../http/context'
import { renderPage } from '../../views/render'
import { ConnectionsPage, type ConnectionsFlash } from '../../views/pages/dashboard/connections'
import type { ConnectionView } from '../../views/pages/dashboard/types'
import { connectionView, ownerView } from './view-models'
import { depsFor } from '../../http/deps'
import { viewerTimeZone } from '../../http/viewer'

/** The quickest first connection: an API-key app served by this worker (DEMO_APPS=1). */
const DEMO_APP_ID = 'demo-tasks'

function flashFrom(query: Record<string, string>, rows: ConnectionView[]): ConnectionsFlash | null {
  const createdId = query.created ?? query.connected
  if (createdId) {
    const row = rows.find((r) => r.connection.id === createdId)
    return row ? { kind: 'created', name: row.connection.name } : null
  }
  if (query.deleted === '1') return { kind: 'deleted' }
  if (query.signin === 'cancelled') return { kind: 'signin_cancelled' }
  return null
}

export const connectionListPages = new Hono<AppEnv>().get('/', async (c) => {
  const deps = depsFor(c)
  const now = Date.now()
  const timeZone = viewerTimeZone(c)
  const rows = (await connectionsOf(deps, c.get('owner'))).map((row) => connectionView(row, now, timeZone))
  const demo = getApp(DEMO_APP_ID)
  const demoHref = demo && listedApps(deps.config).includes(demo) ? `/connections/new/${DEMO_APP_ID}` : null
  return c.html(
    renderPage(
      <ConnectionsPage
        owner={ownerView(c.get('owner'))}
        rows={rows}
        now={now}
        flash={flashFrom(c.req.query(), rows)}
        demoHref={demoHref}
      />,
      timeZone,
    ),
  )
})
