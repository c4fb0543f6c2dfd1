import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { Badge } from '../domain/badges'
import type { Cursor } from '../domain/paging'
import type { Db } from './client'
import { type ConnectionWithLink, latestLinkId } from './connections'
import { keysetAfter } from './keyset'
import { connections, links } from './schema'

export interface ConnectionPageQuery {
  /** Rows to fetch: the page size plus one, which tells whether a next page exists. */
  fetch: number
  after: Cursor | null
  q?: string
  appId?: string
  badge?: Badge
  now: number
}

const latest = (column: SQL) => sql`(SELECT ${column} FROM ${links} WHERE ${links.connectionId} = ${connections.id}
  ORDER BY ${links.createdAt} DESC, ${links.id} DESC LIMIT 1)`

/** badgeFor (src/domain/badges.ts) in SQL, so a badge filter is exact and pages stay full. */
export function badgeSql(now: number): SQL<Badge | null> {
  const pendingKind = latest(sql`CASE WHEN ${links.status} = 'locked' THEN 'locked'
    WHEN ${links.status} = 'expired' OR (${links.status} = 'pending' AND ${links.expiresAt} <= ${now}) THEN 'expired' END`)
  const refreshing = latest(sql`CASE WHEN ${links.status} = 'pending' AND ${links.expiresAt} > ${now}
    AND ${links.purpose} = 'refresh' THEN 'refresh_pending' END`)
  return sql<Badge | null>`CASE
    WHEN ${connections.status} = 'rejected' THEN 'rejected'
    WHEN ${connections.status} = 'revoked' THEN 'revoked_by_client'
    WHEN ${connections.status} = 'pending' THEN coalesce(${pendingKind}, 'pending')
    WHEN ${connections.needsReconnect} = 1 THEN 'needs_reconnect'
    ELSE coalesce(${refreshing}, CASE WHEN ${connections.credentialsSource} = 'client_link' THEN 'via_link' END) END`
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function matches(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`
  return sql`(${connections.name} LIKE ${pattern} ESCAPE '\\' OR ${connections.accountLabel} LIKE ${pattern} ESCAPE '\\')`
}

/** One page of a workspace's connections with each one's latest link, walked down `connections_workspace_updated`. */
export function listConnectionsPage(db: Db, workspaceId: string, query: ConnectionPageQuery): Promise<ConnectionWithLink[]> {
  return connectionsPageQuery(db, workspaceId, query).all()
}

/** The statement itself, not run: its query plan is tested (test/connections-table.test.ts). */
export function connectionsPageQuery(db: Db, workspaceId: string, query: ConnectionPageQuery) {
  const where = and(
    eq(connections.workspaceId, workspaceId),
    query.appId ? eq(connections.appId, query.appId) : undefined,
    query.after ? keysetAfter(connections.updatedAt, connections.id, query.after) : undefined,
    query.q ? matches(query.q) : undefined,
    query.badge ? eq(badgeSql(query.now), query.badge) : undefined,
  )
  return db
    .select({ connection: connections, link: links })
    .from(connections)
    .leftJoin(links, eq(links.id, latestLinkId))
    .where(where)
    .orderBy(desc(connections.updatedAt), desc(connections.id))
    .limit(query.fetch)
}
