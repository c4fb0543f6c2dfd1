import { database } from '../db/client'
import { deleteOAuthStatesBefore } from '../db/oauth-states'
import { deleteRateLimitsBefore } from '../db/rate-limits'
import { loadKeyring } from '../domain/crypto'
import type { Env } from '../env'
import { LONGEST_WINDOW_MS } from '../services/rate-limits'
import { expireOverdueLinks } from '../services/link-lifecycle'
import { rotateSealedValues, type RotationResult } from './rotate-keys'
import { edgeOf } from '../http/deps'
import { depsFromEnv } from '../services/deps'
import { runHealthSweep, type SweepResult } from '../services/health/check'

const DAY_MS = 24 * 60 * 60 * 1000

/** Only the demo apps' in-process server is used: no link is built here, so no public origin is needed. */
const NO_ORIGIN = 'https://scheduled.invalid'

export interface ScheduledResult {
  expiredLinks: number
  health: SweepResult
  rotation: RotationResult
}

export async function runScheduled(env: Env, now: number): Promise<ScheduledResult> {
  const db = database(env.DB)
  const expiredLinks = await expireOverdueLinks({ db, env }, now)
  await deleteOAuthStatesBefore(db, now - DAY_MS)
  await deleteRateLimitsBefore(db, now - LONGEST_WINDOW_MS)
  const rotation = await rotateSealedValues(db, await loadKeyring(env.ENCRYPTION_KEYS))
  if (rotation.undecryptable > 0)
    console.error(`key rotation: ${rotation.undecryptable} sealed values did not open; keep their key until they are looked at`)
  // Last: it waits on apps, and the housekeeping above must not wait on them.
  const health = await runHealthSweep(depsFromEnv(env, NO_ORIGIN, edgeOf(env)), now)
  return { expiredLinks, health, rotation }
}
