import { AppError } from '../domain/errors'
import { accessTokenOf, credentialValue } from './fields'
import { basicAuth, bearer } from './http'
import { apiBaseUrlFor, injectCredentials } from './placement'
import type { AppContext, AppDefinition, Credentials, Field, RequestAuth } from './types'

/**
 * The one place a connection's credentials are put on an outbound request for a caller-chosen endpoint (the
 * proxy, the "API request" action), driven by the app's declaration. New auth modes add a case here.
 */
export interface OutboundRequest {
  url: URL
  headers: Headers
}

export function requestAuthOf(app: AppDefinition): RequestAuth | 'placement' {
  if (app.requestAuth) return app.requestAuth
  // Apps declared with the generic auth modes (src/apps/placement.ts) put their credentials where they say.
  if (app.credentialPlacement) return 'placement'
  if (app.authType === 'oauth2') return { kind: 'bearer', field: 'accessToken' }
  throw new AppError('app_unavailable', `${app.name} connections cannot be called through the proxy yet.`)
}

/** The API base the path is joined to: per connection where the app says so, else its (overridable) endpoint. */
export function apiBaseOf(app: AppDefinition, ctx: AppContext, credentials: Credentials): string {
  const base = app.apiBaseFor
    ? app.apiBaseFor(ctx, credentials)
    : ctx.endpoints.apiBaseUrl.includes('{')
      ? apiBaseUrlFor(app, ctx, credentials)
      : ctx.endpoints.apiBaseUrl
  if (!base) throw new AppError('app_unavailable', `${app.name} has no API address to call.`)
  return base
}

export function authenticate(app: AppDefinition, credentials: Credentials, request: OutboundRequest): void {
  const auth = requestAuthOf(app)
  if (auth === 'placement') {
    const placed = injectCredentials(app, credentials, request.url.href, request.headers)
    request.url.search = new URL(placed.url).search
    for (const [name, value] of placed.headers) request.headers.set(name, value)
    return
  }
  const value = (key: string) => (key === 'accessToken' ? accessTokenOf(credentials) : credentialValue(credentials, fieldOf(app, key)))
  switch (auth.kind) {
    case 'bearer':
      request.headers.set('authorization', bearer(value(auth.field)))
      return
    case 'header':
      request.headers.set(auth.header, `${auth.prefix ?? ''}${value(auth.field)}`)
      return
    case 'basic': {
      const user = 'value' in auth.username ? auth.username.value : value(auth.username.field)
      request.headers.set('authorization', basicAuth(user, value(auth.passwordField)))
      return
    }
    case 'query':
      request.url.searchParams.set(auth.param, value(auth.field))
      return
  }
}

/** Every value `authenticate` may put on the wire for these credentials, so answers can be scrubbed of each. */
export function injectedValues(app: AppDefinition, credentials: Credentials): string[] {
  const probe: OutboundRequest = { url: new URL('https://probe.invalid/'), headers: new Headers() }
  authenticate(app, credentials, probe)
  const values = [...probe.headers.values(), ...probe.url.searchParams.values()]
  return values.flatMap((header) => [header, header.replace(/^(?:Bearer|Basic)\s+/i, '')])
}

function fieldOf(app: AppDefinition, key: string): Field {
  return app.fields.find((field) => field.key === key) ?? { key, label: key, secret: true }
}
