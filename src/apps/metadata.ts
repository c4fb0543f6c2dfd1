import type { AppDefinition, Credentials, Field, MetadataField } from './types'

/** What the person types before an app's sign-in (a Shopify store); empty for every other app. */
export function preAuthorizeFieldsOf(app: AppDefinition): Field[] {
  return app.oauth?.preAuthorizeFields ?? []
}

/** Every non-secret value an app's connections carry (the row's `metadata`), in the order the dashboard shows them. */
export function metadataFieldsOf(app: AppDefinition): MetadataField[] {
  const lookup = app.oauth?.resourceLookup
  const typed = preAuthorizeFieldsOf(app).map((field) => ({ key: field.key, label: field.label, type: 'subdomain' as const }))
  return [...typed, ...(app.oauth?.tokenMetadata ?? []), ...(lookup ? [lookup] : [])]
}

/** The metadata of credentials about to be stored; null when there is none (every non-OAuth app). */
export function metadataOf(credentials: Credentials): Record<string, string> | null {
  const metadata = (credentials as { metadata?: unknown }).metadata
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return null
  const entries = Object.entries(metadata).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  return entries.length > 0 ? Object.fromEntries(entries) : null
}

/** What is sealed: the credentials without their metadata, which lives in the clear on the row. */
export function withoutMetadata(credentials: Credentials): Credentials {
  if (!('metadata' in credentials)) return credentials
  const { metadata: _metadata, ...secret } = credentials as Record<string, unknown>
  return secret as Credentials
}
