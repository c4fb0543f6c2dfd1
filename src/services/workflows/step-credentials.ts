import { and, eq, sql } from 'drizzle-orm'
import { announceEvents } from '../webhooks/announce'
import { getApp } from '../../apps'
import { refreshOAuthTokens } from '../../apps/oauth'
import type { AppContext, AppDefinition, Credentials, OAuthCredentials } from '../../apps/types'
import { AppError } from '../../domain/errors'
import { findConnectionById, type ConnectionRow } from '../../db/connections'
import type { WorkflowStepRow } from '../../db/workflows'
import { insertEvent } from '../../db/events'
import { connections } from '../../db/schema'
import { openCredentials, sealCredentials, secretValues } from '../credentials'
import type { Deps } from '../deps'
import { oauthClientOf } from '../oauth-apps'
import { newEvent } from '../events'
import { connectionProblem } from './check-steps'

/** Refresh a little early so the token does not expire between the check and the call. */
export const EXPIRY_MARGIN_MS = 60_000

export interface StepCredentials {
  credentials: Credentials
  /** Every secret value seen while loading, so records can be scrubbed of them. */
  secrets: string[]
}

/**
 * Loads the step's connection now, not when the workflow was saved: a refresh submitted a
 * moment ago is used by the next step that starts.
 */
export async function loadStepConnection(
  deps: Deps,
  workspaceId: string,
  app: AppDefinition,
  connectionId: string | null,
): Promise<ConnectionRow> {
  const row = connectionId ? await findConnectionById(deps.db, connectionId) : undefined
  const connection = row && row.workspaceId === workspaceId && row.appId === app.id ? row : undefined
  const problem = connectionProblem(connection)
  if (problem) throw new AppError('connection_not_ready', `${problem} Choose another connection for this step.`)
  return connection!
}

export async function credentialsForStep(
  deps: Deps,
  app: AppDefinition,
  ctx: AppContext,
  row: ConnectionRow,
  now: number,
): Promise<StepCredentials> {
  const credentials = await openCredentials(await deps.keyring(), row)
  const secrets = secretValues(app, credentials)
  if (app.authType !== 'oauth2' || !isExpiring(credentials as OAuthCredentials, now)) return { credentials, secrets }
  const fresh = await refreshStoredTokens(deps, app, ctx, row, credentials as OAuthCredentials, now)
  return { credentials: fresh, secrets: [...secrets, ...secretValues(app, fresh)] }
}

/**
 * The secrets of every connection the run's steps use, read once at its start: an upstream may
 * echo another step's secret as well as its own, so every record is scrubbed of all of them.
 * A connection that cannot be read adds nothing; its step reports why when it runs.
 */
export async function secretsOfRun(deps: Deps, workspaceId: string, steps: readonly WorkflowStepRow[]): Promise<Set<string>> {
  const keyring = await deps.keyring()
  const ids = [...new Set(steps.map((step) => step.connectionId).filter((id): id is string => id !== null))]
  const found = await Promise.all(
    ids.map(async (id) => {
      const row = await findConnectionById(deps.db, id)
      const app = row && row.workspaceId === workspaceId ? getApp(row.appId) : undefined
      if (!row || !app || !row.credentialsBlob) return []
      return secretValues(app, await openCredentials(keyring, row).catch(() => ({})))
    }),
  )
  return new Set(found.flat())
}

export function isExpiring(credentials: OAuthCredentials, now: number): boolean {
  return typeof credentials.expiresAt === 'number' && credentials.expiresAt <= now + EXPIRY_MARGIN_MS
}

/**
 * Stores rotated tokens only if nobody changed the credentials since they were read (revision
 * check). When another run or the client won the race, their credentials are used instead.
 */
async function refreshStoredTokens(
  deps: Deps,
  app: AppDefinition,
  ctx: AppContext,
  row: ConnectionRow,
  credentials: OAuthCredentials,
  now: number,
): Promise<Credentials> {
  const client = await oauthClientOf(deps, row.workspaceId, app)
  if (!client)
    throw new AppError('app_unavailable', `${app.name} sign-in is not configured on this Tether, so the expired token cannot be refreshed.`)
  if (!credentials.refreshToken) {
    await markNeedsReconnect(deps, row, now)
    throw new AppError(
      'invalid_credentials',
      `The ${app.name} access token expired and there is no refresh token. Reconnect the connection.`,
    )
  }
  let fresh: OAuthCredentials
  try {
    fresh = await refreshOAuthTokens(app, ctx, client, credentials.refreshToken, now)
  } catch (error) {
    // Only a refused grant means reconnecting; a provider outage is retried by the next run.
    if (error instanceof AppError && error.code === 'invalid_credentials') await markNeedsReconnect(deps, row, now)
    throw error
  }
  const rotated: OAuthCredentials = { ...credentials, ...fresh }
  const sealed = await sealCredentials(await deps.keyring(), row.id, rotated)
  const stored = await deps.db
    .update(connections)
    .set({
      credentialsBlob: sealed.blob,
      credentialsKeyVersion: sealed.keyVersion,
      needsReconnect: false,
      updatedAt: now,
      credentialsRevision: sql`${connections.credentialsRevision} + 1`,
    })
    .where(unchangedSince(row))
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

const unchangedSince = (row: ConnectionRow) =>
  and(eq(connections.id, row.id), eq(connections.credentialsRevision, row.credentialsRevision), eq(connections.status, 'active'))

/** Skipped when newer credentials arrived meanwhile: those may well work. */
async function markNeedsReconnect(deps: Deps, row: ConnectionRow, now: number): Promise<void> {
  const marked = await deps.db
    .update(connections)
    .set({ needsReconnect: true, updatedAt: now })
    .where(and(unchangedSince(row), eq(connections.needsReconnect, false)))
    .returning({ id: connections.id })
  if (marked.length === 0) return
  const recorded = await insertEvent(
    deps.db,
    newEvent({ workspaceId: row.workspaceId, connectionId: row.id, type: 'needs_reconnect', actor: 'system', at: now }),
  )
  await announceEvents(deps, recorded, now)
}
