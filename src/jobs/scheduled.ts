import { database } from '../db/client'
import { deleteOAuthStatesBefore } from '../db/oauth-states'
import type { Env } from '../env'
import { expireOverdueLinks } from './expire-links'

const DAY_MS = 24 * 60 * 60 * 1000

export async function runScheduled(env: Env, now: number): Promise<{ expiredLinks: number }> {
  const db = database(env.DB)
  const expiredLinks = await expireOverdueLinks(db, now)
  await deleteOAuthStatesBefore(db, now - DAY_MS)
  return { expiredLinks }
}
