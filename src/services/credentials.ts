import type { AppDefinition, Credentials, OAuthCredentials, VerifiedAccount } from '../apps/types'
import { open, seal, sealContext, type Keyring, type Sealed } from '../domain/crypto'
import { AppError } from '../domain/errors'
import type { ConnectionRow } from '../db/connections'
import type { Deps } from './deps'

const MAX_FIELD_LENGTH = 4096

/**
 * Turns submitted values into an app's credentials. Unknown keys are ignored here because
 * HTML forms carry extras; every declared field must be present and sane.
 */
export function credentialsFromFields(app: AppDefinition, values: Record<string, unknown>): Record<string, string> {
  if (app.authType === 'oauth2') {
    throw new AppError('invalid_request', `${app.name} connects by signing in, not with a form.`)
  }
  const credentials: Record<string, string> = {}
  for (const field of app.fields) {
    const raw = values[field.key]
    const value = typeof raw === 'string' ? raw.trim() : ''
    if (!value) {
      if (field.optional) continue
      throw new AppError('invalid_request', `${field.label} is required.`, [{ path: field.key, message: 'Required' }])
    }
    if (value.length > MAX_FIELD_LENGTH) {
      throw new AppError('invalid_request', `${field.label} is too long.`, [{ path: field.key, message: 'Too long' }])
    }
    credentials[field.key] = value
  }
  return credentials
}

/** OAuth credentials given through the API (owner already holds tokens). */
export function oauthCredentialsFrom(values: Record<string, unknown>): OAuthCredentials {
  const accessToken = values.accessToken
  if (typeof accessToken !== 'string' || !accessToken || accessToken.length > MAX_FIELD_LENGTH) {
    throw new AppError('invalid_request', 'accessToken is required for OAuth apps.', [{ path: 'accessToken', message: 'Required' }])
  }
  const refreshToken = typeof values.refreshToken === 'string' && values.refreshToken ? values.refreshToken : undefined
  const expiresAt = typeof values.expiresAt === 'number' ? values.expiresAt : undefined
  return { accessToken, refreshToken, expiresAt }
}

export function parseCredentials(app: AppDefinition, values: Record<string, unknown>): Credentials {
  return app.authType === 'oauth2' ? oauthCredentialsFrom(values) : credentialsFromFields(app, values)
}

/** A real call to the app's "who am I" endpoint; nothing is stored unless this succeeds. */
export async function verifyCredentials(deps: Deps, app: AppDefinition, credentials: Credentials): Promise<VerifiedAccount> {
  return app.verify(deps.appContext(app), credentials)
}

export function sealCredentials(keyring: Keyring, connectionId: string, credentials: Credentials): Promise<Sealed> {
  return seal(keyring, JSON.stringify(credentials), sealContext.credentials(connectionId))
}

export async function openCredentials(keyring: Keyring, row: ConnectionRow): Promise<Credentials> {
  if (!row.credentialsBlob || !row.credentialsKeyVersion) {
    throw new AppError('connection_not_ready', 'This connection has no credentials yet.')
  }
  const json = await open(keyring, { keyVersion: row.credentialsKeyVersion, blob: row.credentialsBlob }, sealContext.credentials(row.id))
  return JSON.parse(json) as Credentials
}
