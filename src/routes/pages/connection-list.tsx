import { Hono } from 'hono'
import * as z from 'zod'
import { getApp, listedApps } from '../../apps'
import { BADGES } from '../../domain/badges'
import { CURSOR_MAX, ID_MAX, SEARCH_MAX } from '../../domain/limits'
import { connectionPageOf } from '../../services/access'
import type { AppEnv } from '../../http/context'
import { validate } from '../../http/validate'
import { renderPage } from '../../views/render'
import { ConnectionsPage, type ConnectionsFlash } from '../../views/pages/dashboard/connections'
import type { ConnectionView } from '../../views/pages/dashboard/types'
import { connectionView, ownerView } from './view-models'
import { depsFor } from '../../http/deps'
import { viewerTimeZone } from '../../http/viewer'

/** The quickest first connection: an API-key app served by this worker (DEMO_APPS=1). */
const DEMO_APP_ID = 'demo-tasks'

/** The table's bookmarkable view; an empty select sends "", which means "all". */
const tableQuery = z.object({
  q: z.string().trim().max(SEARCH_MAX).optional(),
  appId: z.string().max(ID_MAX).optional(),
  badge: z.enum(BADGES).or(z.literal('')).optional(),
  cursor: z.string().max(CURSOR_MAX).optional(),
  created: z.string().max(ID_MAX).optional(),
  connected: z.string().max(ID_MAX).optional(),
  deleted: z.string().max(8).optional(),
  signin: z.string().max(32).optional(),
})

function flashFrom(query: z.infer<typeof tableQuery>, rows: ConnectionView[]): ConnectionsFlash | null {
  const createdId = query.created ?? query.connected
  if (createdId) {
    const row = rows.find((r) => r.connection.id === createdId)
    return row ? { kind: 'created', name: row.connection.name } : null
  }
  if (query.deleted === '1') return { kind: 'deleted' }
  if (query.signin === 'cancelled') return { kind: 'signin_cancelled' }
  return null
}

export const connectionListPages = new Hono<AppEnv>().get('/', validate('query', tableQuery), async (c) => {
  const deps = depsFor(c)
  const now = Date.now()
  const query = c.req.valid('query')
  const filters = { q: query.q ?? '', appId: query.appId ?? '', badge: query.badge ?? '' }
  const page = await connectionPageOf(deps, c.get('owner'), { ...filters, badge: filters.badge || undefined, cursor: query.cursor }, now)
  const timeZone = viewerTimeZone(c)
  const rows = page.items.map((row) => connectionView(row, now, timeZone))
  const apps = listedApps(deps.config)
  const demo = getApp(DEMO_APP_ID)
  const demoHref = demo && apps.includes(demo) ? `/connections/new/${DEMO_APP_ID}` : null
  return c.html(
    renderPage(
      <ConnectionsPage
        owner={ownerView(c.get('owner'))}
        rows={rows}
        now={now}
        flash={flashFrom(query, rows)}
        demoHref={demoHref}
        filters={filters}
        apps={apps.map((app) => ({ id: app.id, name: app.name }))}
        nextCursor={page.nextCursor}
        paged={Boolean(query.cursor)}
      />,
      timeZone,
    ),
  )
})
