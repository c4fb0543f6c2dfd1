import type { Locale } from '../domain/locales'
import type { AppCategory } from './categories'

/** The catalog is data: each app declares how to authenticate, verify and act. */
/** `client_credentials`: the client types its own client id and secret; Tether asks the token endpoint for each call. */
export type AuthType = 'oauth2' | 'client_credentials' | 'api_key' | 'basic'

export interface Field {
  key: string
  label: string
  secret: boolean
  /** `url` values pass the URL policy and `subdomain` values a strict host-label pattern before any call. */
  type?: 'text' | 'url' | 'email' | 'textarea' | 'subdomain'
  placeholder?: string
  help?: string
  optional?: boolean
  /**
   * Sent as-is in an HTTP header (a Bearer token, a raw Authorization header), so only printable
   * ASCII can travel; a value Base64-encoded into Basic auth or sent in a body is not.
   */
  inHeader?: boolean
}

/** Overridable per app through APP_ENDPOINTS (README, "Configuration"). */
export interface Endpoints {
  /**
   * Where the browser is sent to sign in. May be a path (the demo apps: '/demo/oauth/authorize'),
   * resolved against Tether's public origin, which is also the redirect URI's origin.
   */
  authorizeUrl?: string
  tokenUrl?: string
  userinfoUrl?: string
  /** The token revocation endpoint, for apps whose OAuthSpec declares `revocation`. */
  revokeUrl?: string
  /** Where a declared `resourceLookup` lists the sites or tenants the token may use (OAuthSpec.resourceLookup). */
  resourcesUrl?: string
  apiBaseUrl?: string
}

export interface OAuthSpec {
  /** Names the OAUTH_<PROVIDER>_CLIENT_ID / _CLIENT_SECRET variables. */
  provider: string
  providerName: string
  scopes: string[]
  /** What the scopes allow, in plain words for the invitation page. */
  scopeDescriptions: string[]
  /** Extra query parameters for the authorization URL, e.g. Google's access_type=offline. */
  authorizeParams?: Record<string, string>
  /** How the scope list is joined in the authorization URL; default ' ' (Slack wants ','). */
  scopeSeparator?: string
  /** How the client authenticates at the token endpoint; default HTTP Basic ('basic'). */
  clientAuth?: 'basic' | 'body'
  /**
   * How the provider revokes a grant at `revokeUrl` when a connection is deleted: RFC 7009 (form `token`,
   * client authenticated as at the token endpoint), `token_only` (form `token`, no client auth: Google),
   * `bearer` (the access token in Authorization, a JSON `ok`: Slack). Absent: nothing to call.
   */
  revocation?: 'rfc7009' | 'token_only' | 'bearer'
  /** PKCE (S256) in the authorization request; default true. Off only for providers that refuse it. */
  pkce?: boolean
  /** Fields of the token answer kept as non-secret connection metadata, usable as `{key}` in apiBaseUrl. */
  tokenMetadata?: TokenMetadataField[]
  /** How the token request's parameters are sent; default form-encoded (RFC 6749). Atlassian and Notion take JSON. */
  tokenRequest?: 'form' | 'json'
  /**
   * Typed by the person before the sign-in (only `subdomain` fields: a Shopify shop). Each value is kept as metadata and
   * fills `{key}` in authorizeUrl, tokenUrl and apiBaseUrl.
   */
  preAuthorizeFields?: Field[]
  /** After the code exchange: which site or tenant the token is for, from a list the provider serves (Jira, Xero). */
  resourceLookup?: ResourceLookup
}

/** The non-secret values of a connection (the row's `metadata`): shown to the owner, returned by the API, used in URLs. */
export interface MetadataField {
  key: string
  /** Shown on the connection's dashboard page, e.g. "Instance". */
  label: string
  /** `url` values pass the URL policy, `subdomain` values the host-label pattern; a value that fails refuses the sign-in. */
  type: 'url' | 'subdomain' | 'text'
}

export interface TokenMetadataField extends MetadataField {
  /** Where the value sits in the token answer, e.g. ['instance_url'], or among the claims of its OpenID `id_token`. */
  path: string[]
  from?: 'token' | 'id_token'
}

/**
 * `GET resourcesUrl` with the new access token answers a JSON array; each entry's `idField` is a candidate value of
 * `key`. One entry is taken; several are offered to the person signing in, by `nameField`; none refuses the sign-in.
 */
export interface ResourceLookup extends MetadataField {
  idField: string
  nameField: string
  /** Sent with every API call of the connection, e.g. Xero's `xero-tenant-id`. */
  header?: string
}

/** OAuth 2.0 client credentials (RFC 6749 §4.4): the client id and secret are fields the client fills in. */
export interface ClientCredentialsSpec {
  /** Field keys holding the client id and secret. */
  clientIdField: string
  clientSecretField: string
  clientAuth?: 'basic' | 'body'
  scopes?: string[]
  /** The grant type sent; default `client_credentials` (Zoom's server-to-server apps: `account_credentials`). */
  grantType?: string
  /** More token-request parameters, each from a field (param name → field key), e.g. Zoom's account_id. */
  fieldParams?: Record<string, string>
}

/**
 * How a connection's secret travels on every API call; `inject.ts` applies it. Field names are keys of the app's
 * fields; `accessToken` is the OAuth (or client-credentials) token.
 */
export type CredentialPlacement =
  | { in: 'bearer'; field: string }
  | { in: 'header'; name: string; field: string; prefix?: string }
  | { in: 'query'; params: Record<string, string> }
  /** `password` names a field; `fixedPassword` is sent instead when the provider ignores it (Freshdesk: X). */
  | { in: 'basic'; username: string; password?: string; fixedPassword?: string }

/** Credentials as stored (sealed) for an OAuth connection. */
export interface OAuthCredentials {
  accessToken: string
  refreshToken?: string
  /** epoch ms */
  expiresAt?: number
  scope?: string
  /** Declared fields of the token answer (OAuthSpec.tokenMetadata): not secret, shown and used in apiBaseUrl. */
  metadata?: Record<string, string>
}

export type Credentials = Record<string, string> | OAuthCredentials

/** What an app needs from the outside world; tests point it at fakes. */
export interface AppContext {
  /** The app's display name, for error messages. */
  appName: string
  endpoints: Required<Pick<Endpoints, 'apiBaseUrl'>> & Endpoints
  /** Outbound HTTP with the timeout applied; response bodies are untrusted. */
  fetch: (url: string, init?: RequestInit) => Promise<Response>
  /** Throws `invalid_request` unless the URL is an allowed public https URL. */
  assertPublicUrl: (url: string) => URL
}

export interface VerifiedAccount {
  /** Shown to the owner: an email, username, site or team name. */
  label: string
  /** Stable upstream account id, when the app has one. */
  id?: string
}

export interface ActionResult {
  upstreamStatus: number
  output: Record<string, unknown>
}

export interface Action {
  id: string
  name: string
  fields: Field[]
  run(ctx: AppContext, credentials: Credentials, input: Record<string, string>): Promise<ActionResult>
}

/**
 * How a connection's credentials go on a request to the app's API, read by the one injection point
 * (`authenticate` in src/apps/inject.ts: the proxy and the generic "API request" action). `field` names a
 * credential field (an OAuth connection's is `accessToken`). Absent: OAuth apps send a Bearer access token;
 * other apps cannot be proxied.
 */
export type RequestAuth =
  | { kind: 'bearer'; field: string }
  | { kind: 'header'; header: string; field: string; prefix?: string }
  | { kind: 'basic'; username: { field: string } | { value: string }; passwordField: string }
  | { kind: 'query'; param: string; field: string }

export interface AppDefinition {
  id: string
  name: string
  /** Path under public/, e.g. /icons/wordpress.svg */
  iconUrl: string
  /** One of the fixed list in ./categories, for the app picker. */
  category: AppCategory
  authType: AuthType
  /** Fields the client fills in (empty for OAuth apps). */
  fields: Field[]
  oauth?: OAuthSpec
  clientCredentials?: ClientCredentialsSpec
  /** Where the credentials go on API calls; default: the OAuth access token as a Bearer token. */
  credentialPlacement?: CredentialPlacement
  /** `{key}` placeholders name non-secret fields or token metadata. */
  defaultEndpoints: Endpoints & { apiBaseUrl: string }
  /** Served by this worker itself; listed only when DEMO_APPS=1. */
  demo?: boolean
  /** Calls the app's "who am I" endpoint; throws AppError invalid_credentials / upstream_error. */
  verify(ctx: AppContext, credentials: Credentials): Promise<VerifiedAccount>
  actions: Action[]
  requestAuth?: RequestAuth
  /** The API base of one connection, when it depends on its credentials (a site address, a data center). */
  apiBaseFor?(ctx: AppContext, credentials: Credentials): string
  /** Optional wording of the fields and scopes in other languages; whatever is missing is shown in English. */
  translations?: Partial<Record<Locale, AppTranslation>>
}

export interface AppTranslation {
  /** By field key. */
  fields?: Record<string, { label?: string; help?: string; placeholder?: string }>
  /** In the order of `oauth.scopeDescriptions`, all of them or none. */
  scopeDescriptions?: string[]
}
