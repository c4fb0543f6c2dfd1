import type { Context } from 'hono'
import { demoServer } from '../demo'
import type { Env } from '../env'
import { type Deps, depsFromEnv, type Edge } from '../services/deps'
import type { AppEnv } from './context'

/** The wall clock, and the demo apps answered in-process (they are routes of this worker). */
export function edgeOf(env: Env): Edge {
  return { clock: Date.now, internalFetch: async (request) => demoServer.fetch(request, env) }
}

/** The services' dependencies for this request; links it hands out use PUBLIC_URL, else this origin. */
export function depsFor(c: Context<AppEnv>): Deps {
  return depsFromEnv(c.env, new URL(c.req.url).origin, edgeOf(c.env))
}
