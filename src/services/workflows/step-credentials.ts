import { getApp } from '../../apps'
import { clientCredentialsToken } from '../../apps/oauth'
import type { AppContext, AppDefinition, Credentials, OAuthCredentials } from '../../apps/types'
import { AppError } from '../../domain/errors'
import { findConnectionById, type ConnectionRow } from '../../db/connections'
import type { WorkflowStepRow } from '../../db/workflows'
import { openCredentials, secretValues } from '../credentials'
import type { Deps } from '../deps'
import { refreshStoredTokens } from '../health/tokens'
import { connectionProblem, reconnectProblem } from './check-steps'

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
  // Revoked by the client: the step fails at once with its own code; a new link to the client is the way back.
  if (problem && connection?.status === 'revoked')
    throw new AppError('connection_revoked', `${problem} Send the client a new link from the Connections page.`)
  if (problem) throw new AppError('connection_not_ready', `${problem} Choose another connection for this step.`)
  // Known refused: fail at once with the reason instead of calling the app with credentials it refuses.
  const refused = reconnectProblem(connection!, app.name)
  if (refused) throw new AppError('connection_not_ready', refused)
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
  if (app.clientCredentials) {
    // The proxy and the "API request" step put an access token on the call: bought (or reused) here, never stored.
    const accessToken = await clientCredentialsToken(app, ctx, credentials, now)
    return { credentials: { ...credentials, accessToken }, secrets: [...secrets, accessToken] }
  }
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
