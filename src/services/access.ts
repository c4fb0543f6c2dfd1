import { getApp, listedApps } from '../apps'
import type { AppDefinition } from '../apps/types'
import { type ConnectionWithLink, findConnection, listConnections } from '../db/connections'
import { listConnectionsPage } from '../db/connection-pages'
import { type EventRow, listEvents } from '../db/events'
import type { Badge } from '../domain/badges'
import { PAGE_SIZE_DEFAULT } from '../domain/limits'
import { decodeCursor, type Page, pageOf } from '../domain/paging'
import { AppError } from '../domain/errors'
import type { Owner } from '../domain/shapes'
import type { Deps } from './deps'

/** What an owner may reach: the apps they can use now, and their own workspace's connections. */

export type { ConnectionWithLink, EventRow }

/** A listed app; whether its OAuth client is configured for the workspace is oauth-apps' requireAvailableApp. */
export function requireApp(deps: Deps, appId: string): AppDefinition {
  const app = getApp(appId)
  if (!app || !listedApps(deps.config).includes(app)) {
    throw new AppError('invalid_request', `Unknown app "${appId}".`, [{ path: 'appId', message: 'Unknown app' }])
  }
  return app
}

/** Scoped by workspace: another owner's id is simply not found. */
export async function requireConnection(deps: Deps, owner: Owner, id: string): Promise<ConnectionWithLink> {
  const found = await findConnection(deps.db, owner.workspaceId, id)
  if (!found) throw new AppError('not_found', 'Connection not found.')
  return found
}

/** Every connection of the workspace (the workflow builder's picker). */
export function connectionsOf(deps: Deps, owner: Owner): Promise<ConnectionWithLink[]> {
  return listConnections(deps.db, owner.workspaceId)
}

export interface PageRequest {
  limit?: number
  cursor?: string
}

export interface ConnectionFilters extends PageRequest {
  q?: string
  appId?: string
  badge?: Badge
}

/** One page of the table, newest update first; search and filters run in SQL, scoped to the owner's workspace. */
export async function connectionPageOf(
  deps: Deps,
  owner: Owner,
  filters: ConnectionFilters,
  now: number,
): Promise<Page<ConnectionWithLink>> {
  const limit = filters.limit ?? PAGE_SIZE_DEFAULT
  const rows = await listConnectionsPage(deps.db, owner.workspaceId, {
    fetch: limit + 1,
    after: filters.cursor ? decodeCursor(filters.cursor) : null,
    q: filters.q || undefined,
    appId: filters.appId || undefined,
    badge: filters.badge,
    now,
  })
  return pageOf(rows, limit, ({ connection }) => ({ at: connection.updatedAt, id: connection.id }))
}

/** The connection's audit trail, newest first, after checking it is the owner's. */
export async function eventsOf(deps: Deps, owner: Owner, connectionId: string, page: PageRequest = {}): Promise<Page<EventRow>> {
  await requireConnection(deps, owner, connectionId)
  const limit = page.limit ?? PAGE_SIZE_DEFAULT
  const after = page.cursor ? decodeCursor(page.cursor) : null
  const rows = await listEvents(deps.db, owner.workspaceId, connectionId, { fetch: limit + 1, after })
  return pageOf(rows, limit, (event) => ({ at: event.at, id: event.id }))
}
