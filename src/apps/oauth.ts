import { CodeChallengeMethod, OAuth2Client, OAuth2Tokens } from 'arctic'
import type { OAuthClientConfig } from '../config'
import { credentialValueProblem } from '../domain/credential-values'
import { fromBase64Url, utf8 } from '../domain/encoding'
import { AppError } from '../domain/errors'
import { basicAuth, callJson, field, stringField } from './http'
import { subdomainOf } from './placement'
import { cachedToken, keepToken, tokenCacheKey } from './token-cache'
import type { AppContext, AppDefinition, Credentials, MetadataField, OAuthCredentials, OAuthSpec } from './types'

export { generateCodeVerifier, generateState } from 'arctic'

export interface AuthorizationRequest {
  state: string
  codeVerifier: string
  redirectUri: string
  /** Tether's public origin, against which a relative authorizeUrl (the demo apps) resolves; default the redirect URI's. */
  origin?: string
  /** What was typed before the sign-in (OAuthSpec.preAuthorizeFields), filling `{key}` in the provider's URLs. */
  metadata?: Record<string, string>
}

export interface CodeExchange {
  code: string
  codeVerifier: string
  redirectUri: string
  /** As typed before the sign-in: fills the token URL and is kept with the tokens' own metadata. */
  metadata?: Record<string, string>
}

/** Refusals some providers (Slack) send with HTTP 200 and that mean the grant itself is bad. */
const GRANT_ERRORS = new Set([
  'invalid_grant',
  'invalid_code',
  'code_already_used',
  'code_expired',
  'invalid_refresh_token',
  'token_expired',
  'token_revoked',
])

/** PKCE (S256) unless the app turns it off; the verifier stays with the caller until the code comes back. */
export function authorizationUrl(app: AppDefinition, ctx: AppContext, client: OAuthClientConfig, request: AuthorizationRequest): URL {
  const spec = oauthSpecOf(app)
  const endpoint = new URL(endpointOf(app, ctx, 'authorizeUrl', request.metadata), request.origin ?? request.redirectUri).href
  const oauthClient = new OAuth2Client(client.clientId, client.clientSecret, request.redirectUri)
  const url = usesPkce(spec)
    ? oauthClient.createAuthorizationURLWithPKCE(endpoint, request.state, CodeChallengeMethod.S256, request.codeVerifier, [])
    : oauthClient.createAuthorizationURL(endpoint, request.state, [])
  if (spec.scopes.length > 0) url.searchParams.set('scope', spec.scopes.join(spec.scopeSeparator ?? ' '))
  for (const [name, value] of Object.entries(spec.authorizeParams ?? {})) url.searchParams.set(name, value)
  return url
}

export async function exchangeCode(
  app: AppDefinition,
  ctx: AppContext,
  client: OAuthClientConfig,
  exchange: CodeExchange,
  now: number,
): Promise<OAuthCredentials> {
  const params: Record<string, string> = { grant_type: 'authorization_code', code: exchange.code, redirect_uri: exchange.redirectUri }
  if (usesPkce(oauthSpecOf(app))) params.code_verifier = exchange.codeVerifier
  const rejected = `${app.name} did not accept the sign-in. Please start again.`
  const tokens = await requestTokens(app, ctx, client, params, now, rejected, { urlValues: exchange.metadata })
  if (!exchange.metadata || Object.keys(exchange.metadata).length === 0) return tokens
  return { ...tokens, metadata: { ...exchange.metadata, ...tokens.metadata } }
}

/** Providers that do not rotate refresh tokens answer without one: the old one stays valid. */
export function refreshOAuthTokens(
  app: AppDefinition,
  ctx: AppContext,
  client: OAuthClientConfig,
  refreshToken: string,
  now: number,
  /** The connection's metadata, for a token URL that depends on it (a Shopify shop). */
  urlValues?: Record<string, string>,
): Promise<OAuthCredentials> {
  const params = { grant_type: 'refresh_token', refresh_token: refreshToken }
  const rejected = `${app.name} no longer accepts this connection. Reconnect it.`
  return requestTokens(app, ctx, client, params, now, rejected, { previousRefreshToken: refreshToken, urlValues })
}

/**
 * Asks the provider to revoke the grant behind the credentials (the refresh token when there is one, which
 * ends the whole grant). Throws `upstream_error` unless the provider confirms.
 */
export async function revokeOAuthGrant(app: AppDefinition, ctx: AppContext, client: OAuthClientConfig, credentials: OAuthCredentials) {
  const style = oauthSpecOf(app).revocation
  const url = ctx.endpoints.revokeUrl
  if (!style || !url) throw new TypeError(`${app.id} declares no token revocation`)
  if (style === 'bearer') {
    const { body } = await callJson(ctx, url, { method: 'POST', headers: { authorization: `Bearer ${credentials.accessToken}` } })
    if (field(body, 'ok') !== true) throw new AppError('upstream_error', `${app.name} did not revoke the token.`)
    return
  }
  const token = credentials.refreshToken ?? credentials.accessToken
  const form = new URLSearchParams({ token, token_type_hint: credentials.refreshToken ? 'refresh_token' : 'access_token' })
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' })
  if (style === 'rfc7009') authenticateClient(app, client, headers, form)
  // RFC 7009 §2.2: 200 whether or not the token was still valid; callJson throws on anything but 2xx.
  await callJson(ctx, url, { method: 'POST', headers, body: form.toString() })
}

/**
 * OAuth 2.0 client credentials: the client's own id and secret (fields of the connection) buy an access token.
 * Never stored with the connection, so there is nothing to refresh or revoke; reused in memory until it expires.
 */
export async function clientCredentialsToken(
  app: AppDefinition,
  ctx: AppContext,
  credentials: Credentials,
  now = Date.now(),
): Promise<string> {
  const spec = app.clientCredentials
  if (!spec) throw new TypeError(`${app.id} does not use client credentials`)
  const values = credentials as Record<string, unknown>
  const client = { clientId: String(values[spec.clientIdField] ?? ''), clientSecret: String(values[spec.clientSecretField] ?? '') }
  const params: Record<string, string> = { grant_type: spec.grantType ?? 'client_credentials' }
  if (spec.scopes?.length) params.scope = spec.scopes.join(' ')
  for (const [param, key] of Object.entries(spec.fieldParams ?? {})) params[param] = String(values[key] ?? '').trim()
  const key = await tokenCacheKey([endpointOf(app, ctx, 'tokenUrl'), client.clientId, client.clientSecret, JSON.stringify(params)])
  const cached = cachedToken(key, now)
  if (cached) return cached
  const tokens = await requestTokens(app, ctx, client, params, now, `${app.name} did not accept this client ID and secret.`, {
    clientAuth: spec.clientAuth,
  })
  keepToken(key, tokens.accessToken, tokens.expiresAt)
  return tokens.accessToken
}

function authenticateClient(
  app: AppDefinition,
  client: OAuthClientConfig,
  headers: Headers,
  body: URLSearchParams,
  clientAuth?: 'basic' | 'body',
) {
  if ((clientAuth ?? app.oauth?.clientAuth ?? 'basic') === 'basic') {
    headers.set('authorization', basicAuth(client.clientId, client.clientSecret))
  } else {
    body.set('client_id', client.clientId)
    body.set('client_secret', client.clientSecret)
  }
}

interface TokenRequestOptions {
  /** Kept when a refresh answer sends no new refresh token. */
  previousRefreshToken?: string
  clientAuth?: 'basic' | 'body'
  urlValues?: Record<string, string>
}

/** Sent through ctx.fetch (timeout, no redirects, in-process demo) rather than arctic's global fetch. */
async function requestTokens(
  app: AppDefinition,
  ctx: AppContext,
  client: OAuthClientConfig,
  params: Record<string, string>,
  now: number,
  rejectedMessage: string,
  { previousRefreshToken, clientAuth, urlValues }: TokenRequestOptions = {},
): Promise<OAuthCredentials> {
  const body = new URLSearchParams(params)
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' })
  authenticateClient(app, client, headers, body, clientAuth)
  const asJson = app.oauth?.tokenRequest === 'json'
  if (asJson) headers.set('content-type', 'application/json')
  const { body: data } = await callJson(
    ctx,
    endpointOf(app, ctx, 'tokenUrl', urlValues),
    { method: 'POST', headers, body: asJson ? JSON.stringify(Object.fromEntries(body)) : body.toString() },
    {
      isCredentialError: (status) => status === 400 || status === 401 || status === 403,
      rejectedMessage,
      acceptForm: true,
    },
  )
  const error = stringField(data, 'error')
  if (error !== undefined) {
    if (GRANT_ERRORS.has(error)) throw new AppError('invalid_credentials', rejectedMessage)
    throw new AppError('upstream_error', `${app.name} refused the token request.`)
  }
  if (typeof data !== 'object' || data === null) throw new AppError('upstream_error', `${app.name} sent an answer Tether could not read.`)

  const tokens = new OAuth2Tokens(data)
  let accessToken: string
  try {
    accessToken = tokens.accessToken()
  } catch {
    throw new AppError('upstream_error', `${app.name} sent no access token.`)
  }
  const refreshToken = tokens.hasRefreshToken() ? tokens.refreshToken() : previousRefreshToken
  // Tokens go into headers and bodies of every later call; one that cannot is refused here, before it is stored.
  if ([accessToken, refreshToken].some((token) => token !== undefined && credentialValueProblem(token, true))) {
    throw new AppError('upstream_error', `${app.name} sent a token Tether cannot use. Try again later.`)
  }
  // Form answers carry numbers as text, so expires_in is read either way.
  const expiresIn = Number(field(data, 'expires_in'))
  const scope = stringField(data, 'scope')
  // A refresh answer may leave out what the sign-in gave (an id_token): what it leaves out is kept.
  const metadata = tokenMetadataOf(app, ctx, data, params.grant_type !== 'refresh_token')
  return {
    accessToken,
    ...(refreshToken ? { refreshToken } : {}),
    ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: now + expiresIn * 1000 } : {}),
    ...(scope ? { scope } : {}),
    ...(metadata ? { metadata } : {}),
  }
}

/** A declared field that is absent or of the wrong shape refuses the sign-in: the API base URL would depend on it. */
function tokenMetadataOf(app: AppDefinition, ctx: AppContext, data: unknown, required: boolean): Record<string, string> | undefined {
  const declared = app.oauth?.tokenMetadata
  if (!declared?.length) return undefined
  const metadata: Record<string, string> = {}
  for (const entry of declared) {
    const value = stringField(entry.from === 'id_token' ? idTokenClaims(data) : data, ...entry.path)
    if (value === undefined && !required) continue
    metadata[entry.key] = checkedMetadata(app, ctx, entry, value)
  }
  return Object.keys(metadata).length > 0 ? metadata : undefined
}

export function checkedMetadata(app: AppDefinition, ctx: AppContext, entry: MetadataField, value: string | undefined): string {
  if (value === undefined || credentialValueProblem(value, true)) {
    throw new AppError('upstream_error', `${app.name} sent an incomplete answer.`)
  }
  if (entry.type === 'url') ctx.assertPublicUrl(value)
  if (entry.type === 'subdomain') subdomainOf(app, value)
  return value
}

/**
 * The claims of the token answer's OpenID id_token, read without checking its signature: it came straight from the
 * token endpoint over TLS, which OpenID Connect Core §3.1.3.7 accepts in place of one, and only names a tenant.
 */
function idTokenClaims(data: unknown): unknown {
  const payload = stringField(data, 'id_token')?.split('.')[1]
  if (!payload) return undefined
  try {
    return JSON.parse(utf8.decode(fromBase64Url(payload))) as unknown
  } catch {
    return undefined
  }
}

const usesPkce = (spec: OAuthSpec) => spec.pkce !== false

function oauthSpecOf(app: AppDefinition): OAuthSpec {
  if (!app.oauth) throw new TypeError(`${app.id} does not use OAuth`)
  return app.oauth
}

/** `{key}` placeholders (a Shopify shop) are filled from what was typed before the sign-in, each a checked host label. */
function endpointOf(app: AppDefinition, ctx: AppContext, name: 'authorizeUrl' | 'tokenUrl', values: Record<string, string> = {}): string {
  const url = ctx.endpoints[name]
  if (!url) throw new TypeError(`${ctx.appName} has no ${name}`)
  return url.replace(/\{([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    const value = values[key]
    const label = app.oauth?.preAuthorizeFields?.find((entry) => entry.key === key)?.label ?? key
    if (!value) throw new AppError('invalid_credentials', `The ${app.name} connection is missing its ${label}. Reconnect it.`)
    return subdomainOf(app, value)
  })
}
