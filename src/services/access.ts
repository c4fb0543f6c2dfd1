import { getApp, isAppAvailable, listedApps } from '../apps'
import type { AppDefinition } from '../apps/types'
import { type ConnectionWithLink, findConnection, listConnections } from '../db/connections'
import { type EventRow, listEvents } from '../db/events'
import { AppError } from '../domain/errors'
import type { Owner } from '../domain/shapes'
import type { Deps } from './deps'

/** What an owner may reach: the apps they can use now, and their own workspace's connections. */

export type { ConnectionWithLink, EventRow }

/** An app the owner may use right now: listed, and its OAuth provider configured. */
export function requireApp(deps: Deps, appId: string): AppDefinition {
  const app = getApp(appId)
  if (!app || !listedApps(deps.config).includes(app)) {
    throw new AppError('invalid_request', `Unknown app "${appId}".`, [{ path: 'appId', message: 'Unknown app' }])
  }
  if (!isAppAvailable(deps.env, app)) {
    throw new AppError('app_unavailable', `${app.name} is not configured on this Tether (its OAuth client is missing).`)
  }
  return app
}

/** Scoped by workspace: another owner's id is simply not found. */
export async function requireConnection(deps: Deps, owner: Owner, id: string): Promise<ConnectionWithLink> {
  const found = await findConnection(deps.db, owner.workspaceId, id)
  if (!found) throw new AppError('not_found', 'Connection not found.')
  return found
}

export function connectionsOf(deps: Deps, owner: Owner): Promise<ConnectionWithLink[]> {
  return listConnections(deps.db, owner.workspaceId)
}

/** The connection's audit trail, after checking it is the owner's. */
export async function eventsOf(deps: Deps, owner: Owner, connectionId: string): Promise<EventRow[]> {
  await requireConnection(deps, owner, connectionId)
  return listEvents(deps.db, owner.workspaceId, connectionId)
}
