import { and, eq, fillPlaceholders, getTableColumns, type Query, type SQL, sql } from 'drizzle-orm'
import { type ApiTokenRow, liveTokenWithHash, touchApiTokenStatement } from './api-tokens'
import type { Db } from './client'
import type { ConnectionRow } from './connections'
import type { NewEvent } from './events'
import { HIT_IN_WINDOW } from './rate-limits'
import { apiTokens, connections, events, rateLimits, users } from './schema'

/**
 * A proxied call costs one D1 round trip, this batch before the upstream call; its audit goes through a queue
 * (src/services/proxy-audit.ts). The token, the connection (only within the token's workspace) and both rate-limit
 * counters are read and counted at once; a counter moves only for a live token that owns the connection, so nobody can
 * spend another workspace's budget.
 */
export interface ProxyGate {
  caller: ProxyCaller | undefined
  connection: ConnectionRow | undefined
  connectionCount: { count: number; windowStart: number } | undefined
  workspaceCount: { count: number; windowStart: number } | undefined
}

export interface ProxyCaller {
  tokenId: string
  scope: ApiTokenRow['scope']
  lastUsedAt: number | null
  userId: string
  workspaceId: string
}

export const PROXY_CONNECTION_COUNTER = 'proxy-connection:'
export const PROXY_WORKSPACE_COUNTER = 'proxy-workspace:'

/**
 * The gate's two statements, built by drizzle once per isolate with placeholders: building them on every call was a
 * measurable part of a proxied call's cost (bench:proxy). Two, not four: in D1 each statement of a batch costs its own.
 */
function buildGate(db: Db) {
  const tokenHash = sql.placeholder('tokenHash')
  const now = sql.placeholder('now')
  const connectionId = sql.placeholder('connectionId')
  const windowStart = sql.placeholder('windowStart')
  // The connection, only within the live token's workspace: one token, one user, so at most one row.
  const ownedConnection = and(eq(connections.id, connectionId), eq(connections.workspaceId, users.workspaceId))
  const counter = (key: SQL) =>
    db
      .select({ key: key.as('key'), count: sql`1`.as('count'), windowStart: sql`${windowStart}`.as('window_start') })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .innerJoin(connections, ownedConnection)
      .where(liveTokenWithHash(tokenHash, now))
  return {
    // Every column name distinct: D1 answers rows as objects keyed by name (the connection's columns keep theirs).
    caller: db
      .select({
        tokenId: sql`${apiTokens.id}`.as('token_id'),
        scope: sql`${apiTokens.scope}`.as('token_scope'),
        lastUsedAt: sql`${apiTokens.lastUsedAt}`.as('token_last_used_at'),
        userId: sql`${apiTokens.userId}`.as('token_user_id'),
        workspaceId: sql`${users.workspaceId}`.as('token_workspace_id'),
        connection: connections,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(connections, ownedConnection)
      .where(liveTokenWithHash(tokenHash, now))
      .toSQL(),
    counters: db
      .insert(rateLimits)
      .select(
        counter(sql`${PROXY_CONNECTION_COUNTER} || ${connections.id}`).unionAll(
          counter(sql`${PROXY_WORKSPACE_COUNTER} || ${connections.workspaceId}`),
        ) as never,
      )
      .onConflictDoUpdate({ target: rateLimits.key, set: HIT_IN_WINDOW })
      .returning({ key: rateLimits.key, count: rateLimits.count, windowStart: rateLimits.windowStart })
      .toSQL(),
  }
}

let gate: ReturnType<typeof buildGate> | undefined
const CONNECTION_COLUMNS = Object.entries(getTableColumns(connections))

interface CallerRow {
  token_id: string
  token_scope: ApiTokenRow['scope']
  token_last_used_at: number | null
  token_user_id: string
  token_workspace_id: string
  id: string | null
  [column: string]: unknown
}

export async function openProxyGate(db: Db, tokenHash: string, connectionId: string, windowStart: number, now: number): Promise<ProxyGate> {
  gate ??= buildGate(db)
  const values = { tokenHash, connectionId, windowStart, now }
  const bound = (query: Query) => db.$client.prepare(query.sql).bind(...fillPlaceholders(query.params, values))
  const [callers, counters] = await db.$client.batch<unknown>([bound(gate.caller), bound(gate.counters)])
  const row = callers?.results[0] as CallerRow | undefined
  const counted = (counters?.results ?? []) as { key: string; count: number; window_start: number }[]
  const counter = (prefix: string) => {
    const found = counted.find((candidate) => candidate.key.startsWith(prefix))
    return found && { count: found.count, windowStart: found.window_start }
  }
  return {
    caller: row && {
      tokenId: row.token_id,
      scope: row.token_scope,
      lastUsedAt: row.token_last_used_at,
      userId: row.token_user_id,
      workspaceId: row.token_workspace_id,
    },
    connection: row?.id ? connectionOf(row) : undefined,
    connectionCount: counter(PROXY_CONNECTION_COUNTER),
    workspaceCount: counter(PROXY_WORKSPACE_COUNTER),
  }
}

/** The row as drizzle would map it: each column from its SQL name through its own decoder (booleans, JSON). */
function connectionOf(row: Record<string, unknown>): ConnectionRow {
  const mapped: Record<string, unknown> = {}
  for (const [key, column] of CONNECTION_COLUMNS) {
    const value = row[column.name]
    mapped[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value)
  }
  return mapped as ConnectionRow
}

export interface ProxyCallRecord {
  event: NewEvent
  /** The token's last use, when it was stale at the call (the same minute rule as elsewhere). */
  touch: { tokenId: string; now: number; everyMs: number } | null
}

/** D1 binds at most 100 parameters per statement; an event has 10 columns. */
const EVENTS_PER_INSERT = 9

/**
 * The audit consumer's single round trip for a whole batch of calls: the events, several rows per statement (a
 * redelivered one writes nothing twice, its id being the key), and each token's latest use once.
 */
export async function recordProxyCalls(db: Db, records: readonly ProxyCallRecord[]): Promise<void> {
  if (records.length === 0) return
  const touches = new Map<string, NonNullable<ProxyCallRecord['touch']>>()
  for (const { touch } of records) if (touch && touch.now >= (touches.get(touch.tokenId)?.now ?? 0)) touches.set(touch.tokenId, touch)
  const inserts = []
  for (let start = 0; start < records.length; start += EVENTS_PER_INSERT) {
    const rows = records.slice(start, start + EVENTS_PER_INSERT).map(({ event }) => event)
    inserts.push(db.insert(events).values(rows).onConflictDoNothing())
  }
  const [first, ...rest] = inserts
  await db.batch([
    first!,
    ...rest,
    ...[...touches.values()].map((touch) => touchApiTokenStatement(db, touch.tokenId, touch.now, touch.everyMs)),
  ])
}
