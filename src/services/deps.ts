import { appContext } from '../apps/context'
import type { AppContext, AppDefinition } from '../apps/types'
import { type Config, readConfig } from '../config'
import { type Db, database } from '../db/client'
import { type Keyring, loadKeyring } from '../domain/crypto'
import { AppError } from '../domain/errors'
import { isLoopbackOrigin } from '../domain/origins'
import type { Env } from '../env'

/** What the services need from the outside, built once per request from bindings. */
export interface Deps {
  db: Db
  kv: KVNamespace
  env: Env
  config: Config
  /**
   * Origin of every URL handed out (links, OAuth redirect URIs, webhooks): PUBLIC_URL, else the
   * request's own if it is loopback (local development). Otherwise reading it throws `misconfigured`,
   * so a forged Host header never ends up in a link.
   */
  readonly publicOrigin: string
  keyring: () => Promise<Keyring>
  /** `timeoutMs`: this context's limit per call instead of the deployment's (a workflow step's own). */
  appContext: (app: AppDefinition, options?: { timeoutMs?: number }) => AppContext
  /** The current time, for work that outlasts the `now` it was started with (waits, run budgets). */
  clock: () => number
}

/** What only the edge can supply: a clock, and the worker's own routes for the demo apps. */
export interface Edge {
  clock: () => number
  internalFetch: (request: Request) => Promise<Response>
}

export function depsFromEnv(env: Env, requestOrigin: string, edge: Edge): Deps {
  const config = readConfig(env)
  return {
    db: database(env.DB),
    kv: env.LINKS,
    env,
    config,
    get publicOrigin() {
      return publicOriginFor(config, requestOrigin)
    },
    keyring: () => loadKeyring(env.ENCRYPTION_KEYS),
    appContext: (app, options) => appContext(env, app, edge.internalFetch, options?.timeoutMs),
    clock: edge.clock,
  }
}

const NO_PUBLIC_URL =
  'PUBLIC_URL is not set, so Tether will not build links from the address this request came to. ' +
  'The operator must set PUBLIC_URL to this deployment’s https:// address.'

export function publicOriginFor(config: Config, requestOrigin: string): string {
  if (config.publicUrl) return config.publicUrl
  if (isLoopbackOrigin(requestOrigin)) return requestOrigin
  throw new AppError('misconfigured', NO_PUBLIC_URL)
}
