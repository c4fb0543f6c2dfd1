import type { Context } from 'hono'
import { appContext } from '../apps/context'
import type { AppContext, AppDefinition } from '../apps/types'
import { readConfig, type Config } from '../config'
import { database, type Db } from '../db/client'
import { loadKeyring, type Keyring } from '../domain/crypto'
import type { Env } from '../env'
import { demoServer } from '../demo'
import type { AppEnv } from '../http/context'

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
}

export function depsFromEnv(env: Env, requestOrigin: string): Deps {
  const config = readConfig(env)
  const internal = (request: Request) => demoServer.fetch(request, env)
  return {
    db: database(env.DB),
    kv: env.LINKS,
    env,
    config,
    publicOrigin: config.publicUrl ?? requestOrigin,
    keyring: () => loadKeyring(env.ENCRYPTION_KEYS),
    appContext: (app) => appContext(env, app, internal),
  }
}

export function depsFor(c: Context<AppEnv>): Deps {
  return depsFromEnv(c.env, new URL(c.req.url).origin)
}
