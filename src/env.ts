/** Bindings and variables the worker reads; names are part of the contract (DESIGN §4). */
export interface Env {
  DB: D1Database
  LINKS: KVNamespace
  ASSETS?: Fetcher
  ENCRYPTION_KEYS?: string
  PUBLIC_URL?: string
  DEMO_APPS?: string
  ALLOW_LOOPBACK_APPS?: string
  APP_ENDPOINTS?: string
  /** Milliseconds for every outbound call to an app; tests shorten it. */
  UPSTREAM_TIMEOUT_MS?: string
  [oauthVariable: `OAUTH_${string}`]: string | undefined
}
