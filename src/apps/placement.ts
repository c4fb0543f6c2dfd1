import { AppError } from '../domain/errors'
import { basicAuth, bearer } from './http'
import { metadataFieldsOf } from './metadata'
import type { AppContext, AppDefinition, CredentialPlacement, Credentials, MetadataField } from './types'

/** One DNS label: what a subdomain field may hold before it becomes part of a host name. */
export const SUBDOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

const OAUTH_PLACEMENT: CredentialPlacement = { in: 'bearer', field: 'accessToken' }

/**
 * The one place credentials are put on an outbound API call, driven by the app's declaration. Pure: the
 * caller sends the result (through callJson) and, for client credentials, obtained the access token first.
 */
export function injectCredentials(
  app: AppDefinition,
  credentials: Credentials,
  url: string,
  headers: HeadersInit = {},
): { url: string; headers: Headers } {
  const placement = app.credentialPlacement ?? OAUTH_PLACEMENT
  const out = new Headers(headers)
  const target = new URL(url)
  const value = (key: string) => credentialOf(app, credentials, key)
  switch (placement.in) {
    case 'bearer':
      out.set('authorization', bearer(value(placement.field)))
      break
    case 'header':
      out.set(placement.name, `${placement.prefix ?? ''}${value(placement.field)}`)
      break
    case 'query':
      for (const [param, key] of Object.entries(placement.params)) target.searchParams.set(param, value(key))
      break
    case 'basic':
      out.set(
        'authorization',
        basicAuth(value(placement.username), placement.password ? value(placement.password) : (placement.fixedPassword ?? '')),
      )
      break
  }
  const lookup = app.oauth?.resourceLookup
  if (lookup?.header) out.set(lookup.header, metadataValue(app, credentials, lookup))
  return { url: target.href, headers: out }
}

/**
 * The app's API base with its `{key}` placeholders filled from non-secret fields or token metadata. Each value is
 * checked again here, on every call: a URL passes the URL policy, a subdomain the label pattern.
 */
export function apiBaseUrlFor(app: AppDefinition, ctx: AppContext, credentials: Credentials): string {
  return ctx.endpoints.apiBaseUrl.replace(/\{([A-Za-z0-9_]+)\}/g, (_, key: string) => placeholderValue(app, ctx, credentials, key))
}

function placeholderValue(app: AppDefinition, ctx: AppContext, credentials: Credentials, key: string): string {
  const declaredField = app.fields.find((field) => field.key === key && !field.secret)
  const declaredMetadata = metadataFieldsOf(app).find((entry) => entry.key === key)
  const type = declaredField?.type ?? declaredMetadata?.type
  const raw = declaredField
    ? (credentials as Record<string, unknown>)[key]
    : declaredMetadata
      ? metadataValue(app, credentials, declaredMetadata)
      : ''
  if (typeof raw !== 'string' || raw === '') {
    throw new AppError('invalid_credentials', `The ${app.name} connection is missing its ${declaredField?.label ?? key}. Reconnect it.`)
  }
  if (type === 'url') return ctx.assertPublicUrl(raw).href.replace(/\/+$/, '')
  if (type === 'subdomain') return subdomainOf(app, raw)
  return encodeURIComponent(raw)
}

function metadataValue(app: AppDefinition, credentials: Credentials, entry: MetadataField): string {
  const value = (credentials as { metadata?: Record<string, unknown> }).metadata?.[entry.key]
  if (typeof value !== 'string' || value === '') {
    throw new AppError('invalid_credentials', `The ${app.name} connection is missing its ${entry.label}. Reconnect it.`)
  }
  return value
}

export function subdomainOf(app: AppDefinition, value: string): string {
  const label = value.trim().toLowerCase()
  if (!SUBDOMAIN_PATTERN.test(label)) {
    throw new AppError('invalid_credentials', `That is not a ${app.name} subdomain: use only letters, digits and hyphens.`)
  }
  return label
}

function credentialOf(app: AppDefinition, credentials: Credentials, key: string): string {
  const value = (credentials as Record<string, unknown>)[key]
  if (typeof value !== 'string' || value.trim() === '') {
    const label = app.fields.find((field) => field.key === key)?.label ?? key
    throw new AppError('invalid_credentials', `The ${app.name} connection has no ${label}. Reconnect it.`)
  }
  return value.trim()
}
