import { withoutMetadata } from '../apps/metadata'
import { SUBDOMAIN_PATTERN } from '../apps/placement'
import type { AppDefinition, Credentials, OAuthCredentials, VerifiedAccount } from '../apps/types'
import { open, seal, sealContext, type Keyring, type Sealed } from '../domain/crypto'
import { credentialValueMessage, credentialValueProblem } from '../domain/credential-values'
import { AppError } from '../domain/errors'
import { ACCOUNT_LABEL_MAX, CREDENTIAL_FIELD_MAX } from '../domain/limits'
import { Redactor } from '../domain/redact'
import { capText } from '../domain/truncate'
import type { ConnectionRow } from '../db/connections'
import type { Deps } from './deps'

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
    if (value.length > CREDENTIAL_FIELD_MAX) {
      throw new AppError('invalid_request', `${field.label} is too long.`, [{ path: field.key, message: 'Too long' }])
    }
    if (field.type === 'subdomain' && !SUBDOMAIN_PATTERN.test(value.toLowerCase())) {
      const message = `${field.label} may hold only letters, digits and hyphens.`
      throw new AppError('invalid_request', message, [{ path: field.key, message: 'Not a subdomain' }])
    }
    credentials[field.key] = value
  }
  return credentials
}

/** OAuth credentials given through the API (owner already holds tokens). */
export function oauthCredentialsFrom(values: Record<string, unknown>): OAuthCredentials {
  const accessToken = values.accessToken
  if (typeof accessToken !== 'string' || !accessToken || accessToken.length > CREDENTIAL_FIELD_MAX) {
    throw new AppError('invalid_request', 'accessToken is required for OAuth apps.', [{ path: 'accessToken', message: 'Required' }])
  }
  const refreshToken = typeof values.refreshToken === 'string' && values.refreshToken ? values.refreshToken : undefined
  const expiresAt = typeof values.expiresAt === 'number' ? values.expiresAt : undefined
  return { accessToken, refreshToken, expiresAt }
}

export function parseCredentials(app: AppDefinition, values: Record<string, unknown>): Credentials {
  return app.authType === 'oauth2' ? oauthCredentialsFrom(values) : credentialsFromFields(app, values)
}

/**
 * A real call to the app's "who am I" endpoint; nothing is stored unless this succeeds. Every
 * way in (the client's form, the API, the dashboard, an OAuth sign-in) passes here first, so
 * this is where a value that cannot be sent is refused, before any request is made.
 */
export async function verifyCredentials(deps: Deps, app: AppDefinition, credentials: Credentials): Promise<VerifiedAccount> {
  refuseUnsendable(app, credentials)
  const ctx = deps.appContext(app)
  // Every URL-shaped field passes the URL policy before the app sends anything, whatever its verify does.
  for (const field of app.fields) {
    const value = (credentials as Record<string, unknown>)[field.key]
    if (field.type === 'url' && typeof value === 'string') ctx.assertPublicUrl(value)
  }
  const account = await app.verify(ctx, credentials)
  return { ...account, label: accountLabel(account.label, secretValues(app, credentials), app.name) }
}

/** OAuth tokens travel in a header (access) or a form body (refresh); both are printable ASCII by definition. */
const OAUTH_FIELDS = [
  { key: 'accessToken', label: 'accessToken', inHeader: true },
  { key: 'refreshToken', label: 'refreshToken', inHeader: true },
]

/** `invalid_credential_value` naming each field whose value cannot be sent; the value is never repeated. */
export function refuseUnsendable(app: AppDefinition, credentials: Credentials): void {
  const values = credentials as Record<string, unknown>
  const fields = app.authType === 'oauth2' ? OAUTH_FIELDS : app.fields
  const issues: { path: string; message: string }[] = []
  for (const field of fields) {
    const value = values[field.key]
    const problem = typeof value === 'string' ? credentialValueProblem(value, field.inHeader === true) : null
    if (problem) issues.push({ path: field.key, message: credentialValueMessage(problem, field.label, app.name) })
  }
  if (issues.length > 0) throw new AppError('invalid_credential_value', issues[0]!.message, issues)
}

/** The values records must be scrubbed of: the secret fields, or an OAuth connection's tokens. */
export function secretValues(app: AppDefinition, credentials: Credentials): string[] {
  const values = credentials as Record<string, unknown>
  const keys =
    app.authType === 'oauth2' ? ['accessToken', 'refreshToken'] : app.fields.filter((field) => field.secret).map((field) => field.key)
  return keys.map((key) => values[key]).filter((value): value is string => typeof value === 'string')
}

/** What upstream calls the account, as stored and shown: one line, scrubbed of the credentials just sent, then capped. */
export function accountLabel(label: string, secrets: readonly string[], appName: string): string {
  const line = new Redactor(secrets)
    .text(label)
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
  return capText(line || appName, ACCOUNT_LABEL_MAX)
}

/** The metadata is left out: it is stored in the clear on the row (`metadataOf`), and openCredentials puts it back. */
export function sealCredentials(keyring: Keyring, connectionId: string, credentials: Credentials): Promise<Sealed> {
  return seal(keyring, JSON.stringify(withoutMetadata(credentials)), sealContext.credentials(connectionId))
}

export async function openCredentials(keyring: Keyring, row: ConnectionRow): Promise<Credentials> {
  if (!row.credentialsBlob || !row.credentialsKeyVersion) {
    throw new AppError('connection_not_ready', 'This connection has no credentials yet.')
  }
  const json = await open(keyring, { keyVersion: row.credentialsKeyVersion, blob: row.credentialsBlob }, sealContext.credentials(row.id))
  const credentials = JSON.parse(json) as Credentials
  // Rows written before the metadata column kept it inside the sealed credentials; the row's wins once it is set.
  return row.metadata ? ({ ...credentials, metadata: row.metadata } as OAuthCredentials) : credentials
}
