import { getApp } from '../apps'
import { revokeOAuthGrant } from '../apps/oauth'
import type { OAuthCredentials } from '../apps/types'
import type { ConnectionRow } from '../db/connections'
import { insertEvent } from '../db/events'
import { AppError } from '../domain/errors'
import { openCredentials } from './credentials'
import type { Deps } from './deps'
import { requireOAuthClient } from './oauth-apps'
import { newEvent } from './events'

/** What deleting a connection leaves to do at the provider, run after the delete has committed. */
export type ProviderRevocation = () => Promise<void>

/**
 * Read before the row goes (the credentials go with it). Null when the app declares no revocation
 * or the connection holds no tokens.
 */
export async function prepareProviderRevocation(deps: Deps, connection: ConnectionRow, now: number): Promise<ProviderRevocation | null> {
  const app = getApp(connection.appId)
  if (!app?.oauth?.revocation || !connection.credentialsBlob) return null
  const provider = app.oauth.providerName
  const credentials = (await openCredentials(await deps.keyring(), connection)) as OAuthCredentials
  const record = (type: 'provider_revoked' | 'provider_revoke_failed', detail: Record<string, unknown>) =>
    deps.db.batch([
      insertEvent(
        deps.db,
        newEvent({ workspaceId: connection.workspaceId, connectionId: connection.id, type, actor: 'system', at: now, detail }),
      ),
    ])
  return async () => {
    try {
      const client = await requireOAuthClient(deps, connection.workspaceId, app)
      await revokeOAuthGrant(app, deps.appContext(app), client, credentials)
      await record('provider_revoked', { provider })
    } catch (error) {
      // Best effort: the connection is gone either way; the reason is our own sentence, never upstream text.
      const reason = error instanceof AppError ? error.message : 'The provider could not be reached.'
      await record('provider_revoke_failed', { provider, reason }).catch(() => undefined)
    }
  }
}
