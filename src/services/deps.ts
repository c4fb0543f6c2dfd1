import { appContext } from '../apps/context'
import type { AppContext, AppDefinition } from '../apps/types'
import { type Config, readConfig } from '../config'
import { type Db, database } from '../db/client'
import { type Keyring, loadKeyring } from '../domain/crypto'
import type { Env } from '../env'

/** What the services need from the outside, built once per request from bindings. */
export interface Deps {
  db: Db
  kv: KVNamespace
  env: Env
  config: Config
  /** Origin used in links we hand out (PUBLIC_URL, else the request's). */
  publicOrigin: string
  keyring: () => Promise<Keyring>
  appContext: (app: AppDefinition) => AppContext
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
    publicOrigin: config.publicUrl ?? requestOrigin,
    keyring: () => loadKeyring(env.ENCRYPTION_KEYS),
    appContext: (app) => appContext(env, app, edge.internalFetch),
    clock: edge.clock,
  }
}
