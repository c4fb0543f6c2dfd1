/** Bundled by bench/health-sweep.mjs for Node: the sweep's real statements, as drizzle writes them. */
import { database } from '../../src/db/client'
import { claimDueConnections, dueConnectionsQuery } from '../../src/db/health'
import { CHECK_LEASE_MS } from '../../src/domain/health'
import { HEALTH_CHECKS_PER_RUN } from '../../src/domain/limits'

type Statement = { sql: string; params: unknown[] }

export function sweepStatements(now: number): { select: Statement; claim: Statement; limit: number } {
  // Nothing runs: the builders are only asked for their SQL.
  const db = database({} as D1Database)
  const claim = claimDueConnections(db, now, HEALTH_CHECKS_PER_RUN, now + CHECK_LEASE_MS) as unknown as { toSQL(): Statement }
  return { select: dueConnectionsQuery(db, now, HEALTH_CHECKS_PER_RUN).toSQL(), claim: claim.toSQL(), limit: HEALTH_CHECKS_PER_RUN }
}
