import { and, eq, type SQL, sql } from 'drizzle-orm'
import { type ApiTokenRow, liveTokenWithHash, touchApiTokenStatement } from './api-tokens'
import type { Db } from './client'
import type { ConnectionRow } from './connections'
import type { NewEvent } from './events'
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

export async function openProxyGate(db: Db, tokenHash: string, connectionId: string, windowStart: number, now: number): Promise<ProxyGate> {
  const tokenWorkspace = sql`(SELECT ${users.workspaceId} FROM ${apiTokens} INNER JOIN ${users} ON ${users.id} = ${apiTokens.userId}
    WHERE ${liveTokenWithHash(tokenHash, now)})`
  const owned = and(eq(connections.id, connectionId), sql`${connections.workspaceId} = ${tokenWorkspace}`)!
  // Two statements, not four: in D1 each statement of a batch has a cost of its own (bench:proxy).
  const [callers, counters] = await db.batch([
    // Every column name distinct: inside a batch D1 rows are mapped by name (the connection's columns keep theirs).
    db
      .select({
        tokenId: sql<string>`${apiTokens.id}`.as('token_id'),
        scope: sql<ApiTokenRow['scope']>`${apiTokens.scope}`.as('token_scope'),
        lastUsedAt: sql<number | null>`${apiTokens.lastUsedAt}`.as('token_last_used_at'),
        userId: sql<string>`${apiTokens.userId}`.as('token_user_id'),
        workspaceId: sql<string>`${users.workspaceId}`.as('token_workspace_id'),
        connection: connections,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(connections, and(eq(connections.id, connectionId), eq(connections.workspaceId, users.workspaceId)))
      .where(liveTokenWithHash(tokenHash, now)),
    db
      .insert(rateLimits)
      .select(
        ownedCounter(db, sql`${PROXY_CONNECTION_COUNTER} || ${connections.id}`, owned, windowStart).unionAll(
          ownedCounter(db, sql`${PROXY_WORKSPACE_COUNTER} || ${connections.workspaceId}`, owned, windowStart),
        ) as never,
      )
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`CASE WHEN ${rateLimits.windowStart} >= excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
          windowStart: sql`max(${rateLimits.windowStart}, excluded.window_start)`,
        },
      })
      .returning({ key: rateLimits.key, count: rateLimits.count, windowStart: rateLimits.windowStart }),
  ])
  const { connection, ...caller } = callers[0] ?? { connection: undefined }
  const counter = (prefix: string) => counters.find((row) => row.key.startsWith(prefix))
  return {
    caller: 'tokenId' in caller ? (caller as ProxyCaller) : undefined,
    connection: connection ?? undefined,
    connectionCount: counter(PROXY_CONNECTION_COUNTER),
    workspaceCount: counter(PROXY_WORKSPACE_COUNTER),
  }
}

function ownedCounter(db: Db, key: SQL, owned: SQL, windowStart: number) {
  return db
    .select({ key: key.as('key'), count: sql`1`.as('count'), windowStart: sql`${windowStart}`.as('window_start') })
    .from(connections)
    .where(owned)
}

export interface ProxyCallRecord {
  event: NewEvent
  /** The token's last use, when it was stale at the call (the same minute rule as elsewhere). */
  touch: { tokenId: string; now: number; everyMs: number } | null
}

/**
 * The audit consumer's single round trip for a whole batch of calls: every event (one statement each, under D1's 100
 * bound parameters; a redelivered one writes nothing twice, its id being the key) and each token's latest use once.
 */
export async function recordProxyCalls(db: Db, records: readonly ProxyCallRecord[]): Promise<void> {
  const [first, ...rest] = records
  if (!first) return
  const touches = new Map<string, NonNullable<ProxyCallRecord['touch']>>()
  for (const { touch } of records) if (touch && touch.now >= (touches.get(touch.tokenId)?.now ?? 0)) touches.set(touch.tokenId, touch)
  await db.batch([
    insertAuditEvent(db, first.event),
    ...rest.map(({ event }) => insertAuditEvent(db, event)),
    ...[...touches.values()].map((touch) => touchApiTokenStatement(db, touch.tokenId, touch.now, touch.everyMs)),
  ])
}

const insertAuditEvent = (db: Db, event: NewEvent) => db.insert(events).values(event).onConflictDoNothing()
