import { sql } from 'drizzle-orm'
import { metadataOf } from '../../apps/metadata'
import { refreshOAuthTokens } from '../../apps/oauth'
import type { AppContext, AppDefinition, Credentials, OAuthCredentials } from '../../apps/types'
import { oauthClientOf } from '../oauth-apps'
import { findConnectionById, type ConnectionRow } from '../../db/connections'
import { insertEvent } from '../../db/events'
import { checkedRevision, markNeedsReconnect } from '../../db/health'
import { connections } from '../../db/schema'
import { AppError } from '../../domain/errors'
import { nextCheckAt } from '../../domain/health'
import { openCredentials, sealCredentials } from '../credentials'
import type { Deps } from '../deps'
import { newEvent } from '../events'
import { announceEvents } from '../webhooks/announce'
import { connectionProblem } from '../workflows/check-steps'

/**
 * Renews an OAuth grant and stores the rotated tokens only if nobody changed the credentials since
 * they were read (revision check); runs and the health sweep both come through here. When another
 * writer won the race, their credentials are returned instead. A refused grant flags the connection.
 */
export async function refreshStoredTokens(
  deps: Deps,
  app: AppDefinition,
  ctx: AppContext,
  row: ConnectionRow,
  credentials: OAuthCredentials,
  now: number,
): Promise<Credentials> {
  // The workspace's own OAuth app first (bring your own), else the operator's.
  const client = await oauthClientOf(deps, row.workspaceId, app)
  if (!client)
    throw new AppError('app_unavailable', `${app.name} sign-in is not configured on this Tether, so the expired token cannot be refreshed.`)
  if (!credentials.refreshToken) {
    const message = `The ${app.name} access token expired and there is no refresh token. Reconnect the connection.`
    await flagNeedsReconnect(deps, row, now, message)
    throw new AppError('invalid_credentials', message)
  }
  let fresh: OAuthCredentials
  try {
    fresh = await refreshOAuthTokens(app, ctx, client, credentials.refreshToken, now, credentials.metadata)
  } catch (error) {
    // Only a refused grant means reconnecting; a provider outage is retried later.
    if (error instanceof AppError && error.code === 'invalid_credentials') await flagNeedsReconnect(deps, row, now, error.message)
    throw error
  }
  // The token answer's metadata replaces what it names (Salesforce's instance_url); a looked-up cloud id stays.
  const metadata = { ...credentials.metadata, ...fresh.metadata }
  const rotated: OAuthCredentials = { ...credentials, ...fresh, ...(Object.keys(metadata).length > 0 ? { metadata } : {}) }
  const sealed = await sealCredentials(await deps.keyring(), row.id, rotated)
  const next = nextCheckAt(row.id, { oauth: true, hasRefreshToken: rotated.refreshToken !== undefined, expiresAt: rotated.expiresAt }, now)
  const stored = await deps.db
    .update(connections)
    .set({
      credentialsBlob: sealed.blob,
      credentialsKeyVersion: sealed.keyVersion,
      metadata: metadataOf(rotated),
      needsReconnect: false,
      updatedAt: now,
      credentialsRevision: sql`${connections.credentialsRevision} + 1`,
      lastCheckedAt: now,
      lastError: null,
      checkFailures: 0,
      nextCheckAt: next,
      checkClaimedUntil: null,
    })
    .where(checkedRevision(row))
    .returning({ id: connections.id })
  if (stored.length > 0) {
    await insertEvent(
      deps.db,
      newEvent({ workspaceId: row.workspaceId, connectionId: row.id, type: 'tokens_refreshed', actor: 'system', at: now }),
    )
    return rotated
  }
  const current = await findConnectionById(deps.db, row.id)
  const problem = connectionProblem(current)
  if (problem || !current) throw new AppError('connection_not_ready', problem ?? 'The connection was deleted while this step ran.')
  return openCredentials(await deps.keyring(), current)
}

/**
 * The app refused the credentials: flagged, recorded and announced (`connection.needs_reconnect`) once,
 * and only if no newer credentials arrived meanwhile, since those may well work. Returns whether it flipped.
 */
export async function flagNeedsReconnect(deps: Deps, row: ConnectionRow, now: number, reason: string): Promise<boolean> {
  const marked = await markNeedsReconnect(deps.db, row, now, reason)
  if (marked.length === 0) return false
  const recorded = await insertEvent(
    deps.db,
    newEvent({ workspaceId: row.workspaceId, connectionId: row.id, type: 'needs_reconnect', actor: 'system', at: now, detail: { reason } }),
  )
  await announceEvents(deps, recorded, now)
  return true
}
