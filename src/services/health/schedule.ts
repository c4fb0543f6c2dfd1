import type { AppDefinition, Credentials, OAuthCredentials } from '../../apps/types'
import { type CheckSubject, nextCheckAt } from '../../domain/health'

export function checkSubjectOf(app: AppDefinition, credentials: Credentials): CheckSubject {
  if (app.authType !== 'oauth2') return { oauth: false }
  const { refreshToken, expiresAt } = credentials as OAuthCredentials
  return { oauth: true, hasRefreshToken: typeof refreshToken === 'string', expiresAt }
}

/** When the cron first looks at credentials just verified and written. */
export const firstCheckAt = (app: AppDefinition, connectionId: string, credentials: Credentials, now: number) =>
  nextCheckAt(connectionId, checkSubjectOf(app, credentials), now)
