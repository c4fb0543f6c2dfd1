import * as z from 'zod'
import type { Endpoints } from './apps/types'
import type { Env } from './env'

export interface Config {
  publicUrl: string | null
  demoApps: boolean
  allowLoopbackApps: boolean
  endpointOverrides: Readonly<Record<string, Endpoints>>
  upstreamTimeoutMs: number
  /** The sender of the account emails; the domain must be onboarded to Cloudflare Email Service in production. */
  emailFrom: string
}

const endpointOverridesSchema = z.record(
  z.string(),
  z
    .object({
      authorizeUrl: z.url().optional(),
      tokenUrl: z.url().optional(),
      userinfoUrl: z.url().optional(),
      revokeUrl: z.url().optional(),
      resourcesUrl: z.url().optional(),
      apiBaseUrl: z.url().optional(),
    })
    .strict(),
)

const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000
/** `wrangler dev` accepts any sender; a deployment sets EMAIL_FROM to an address on its onboarded domain. */
const DEFAULT_EMAIL_FROM = 'noreply@tether.localhost'
const cache = new Map<string, Config>()
const byEnv = new WeakMap<Env, Config>()

export class ConfigError extends Error {}

/** Parsed once per isolate for each distinct set of variables. */
export function readConfig(env: Env): Config {
  // The runtime hands every request of an isolate the same env object: most calls end here, without building a key.
  const known = byEnv.get(env)
  if (known) return known
  const cacheKey = JSON.stringify([
    env.PUBLIC_URL,
    env.DEMO_APPS,
    env.ALLOW_LOOPBACK_APPS,
    env.APP_ENDPOINTS,
    env.UPSTREAM_TIMEOUT_MS,
    env.EMAIL_FROM,
  ])
  let config = cache.get(cacheKey)
  if (!config) {
    config = parseConfig(env)
    cache.set(cacheKey, config)
  }
  byEnv.set(env, config)
  return config
}

function parseConfig(env: Env): Config {
  let overrides: Record<string, Endpoints> = {}
  if (env.APP_ENDPOINTS) {
    let json: unknown
    try {
      json = JSON.parse(env.APP_ENDPOINTS)
    } catch {
      throw new ConfigError('APP_ENDPOINTS is not valid JSON')
    }
    const parsed = endpointOverridesSchema.safeParse(json)
    if (!parsed.success) throw new ConfigError(`APP_ENDPOINTS is invalid: ${parsed.error.issues[0]?.message}`)
    overrides = parsed.data
  }
  const timeout = Number(env.UPSTREAM_TIMEOUT_MS)
  return {
    publicUrl: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null,
    demoApps: env.DEMO_APPS === '1',
    allowLoopbackApps: env.ALLOW_LOOPBACK_APPS === '1',
    endpointOverrides: overrides,
    upstreamTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_UPSTREAM_TIMEOUT_MS,
    emailFrom: env.EMAIL_FROM || DEFAULT_EMAIL_FROM,
  }
}

export interface OAuthClientConfig {
  clientId: string
  clientSecret: string
}

/** The demo provider is configured by DEMO_APPS alone so the demo works with no setup. */
export function oauthClientFor(env: Env, provider: string): OAuthClientConfig | null {
  if (provider === 'DEMO') {
    return env.DEMO_APPS === '1' ? { clientId: 'tether-demo', clientSecret: 'tether-demo-secret' } : null
  }
  const clientId = env[`OAUTH_${provider}_CLIENT_ID`]
  const clientSecret = env[`OAUTH_${provider}_CLIENT_SECRET`]
  return clientId && clientSecret ? { clientId, clientSecret } : null
}
