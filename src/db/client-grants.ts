import { and, countDistinct, eq, gte, isNull, sql } from 'drizzle-orm'
import type { Db } from './client'
import { clientGrants, connections, events, links, runSteps, runs, workspaces } from './schema'

/** The SQL of the clients' management links (src/services/client-grants.ts); the only file that writes `client_grants`. */

export type ClientGrantRow = typeof clientGrants.$inferSelect

/**
 * The grant of the link that a statement earlier in the same batch claimed with `claimId`: it lands only with the
 * success it stands for, like the claim's events (`insertEventsForClaim`).
 */
export function insertGrantForClaim(db: Db, claimId: string, grant: Pick<ClientGrantRow, 'id' | 'tokenHash' | 'createdAt' | 'expiresAt'>) {
  const value = <T>(v: T, column: string) => sql<T>`${v}`.as(column)
  return db
    .insert(clientGrants)
    .select(
      db
        .select({
          id: value(grant.id, 'id'),
          tokenHash: value(grant.tokenHash, 'token_hash'),
          workspaceId: links.workspaceId,
          connectionId: links.connectionId,
          linkId: links.id,
          createdAt: value(grant.createdAt, 'created_at'),
          expiresAt: value(grant.expiresAt, 'expires_at'),
          revokedAt: sql<null>`NULL`.as('revoked_at'),
          revokeClaim: sql<null>`NULL`.as('revoke_claim'),
        })
        .from(links)
        .where(eq(links.claimId, claimId)),
    )
    .returning({ id: clientGrants.id })
}

/** A grant with what its page shows; an expired one is not found, like an unknown one. */
export function findGrant(db: Db, tokenHash: string, now: number) {
  return db
    .select({
      grant: clientGrants,
      connection: connections,
      workspaceName: workspaces.name,
      locale: links.locale,
      brand: links.brand,
    })
    .from(clientGrants)
    .innerJoin(connections, eq(connections.id, clientGrants.connectionId))
    .innerJoin(workspaces, eq(workspaces.id, connections.workspaceId))
    .leftJoin(links, eq(links.id, clientGrants.linkId))
    .where(and(eq(clientGrants.tokenHash, tokenHash), sql`${clientGrants.expiresAt} > ${now}`))
    .get()
}

/** Runs started since `since` with a step that used the connection, through `run_steps_connection`. */
export async function countRunsUsing(db: Db, connectionId: string, since: number): Promise<number> {
  const row = await db
    .select({ n: countDistinct(runSteps.runId) })
    .from(runSteps)
    .innerJoin(runs, eq(runs.id, runSteps.runId))
    .where(and(eq(runSteps.connectionId, connectionId), gte(runs.startedAt, since)))
    .get()
  return row?.n ?? 0
}

/**
 * Closes every open grant of the connection under one claim id: of concurrent revokes only the first finds any, so
 * the rest of its batch (credentials, status, event) happens once.
 */
export function claimGrantRevocation(db: Db, connectionId: string, claimId: string, now: number) {
  return db
    .update(clientGrants)
    .set({ revokedAt: now, revokeClaim: claimId })
    .where(and(eq(clientGrants.connectionId, connectionId), isNull(clientGrants.revokedAt)))
    .returning({ id: clientGrants.id })
}

const revocationClaimed = (claimId: string) => sql`EXISTS (SELECT 1 FROM ${clientGrants} WHERE ${clientGrants.revokeClaim} = ${claimId})`

/** The sealed credentials go; a new revision makes any token refresh in flight for them lose its swap. */
export function revokeConnectionIfClaimed(db: Db, connectionId: string, claimId: string, now: number) {
  return db
    .update(connections)
    .set({
      status: 'revoked',
      credentialsBlob: null,
      credentialsKeyVersion: null,
      credentialsRevision: sql`${connections.credentialsRevision} + 1`,
      needsReconnect: false,
      lastError: null,
      nextCheckAt: null,
      checkClaimedUntil: null,
      updatedAt: now,
    })
    .where(and(eq(connections.id, connectionId), revocationClaimed(claimId)))
    .returning({ id: connections.id })
}

/** One `client_revoked` event, only if the claim won. */
export function insertRevokedEventForClaim(
  db: Db,
  claimId: string,
  event: { at: number; ipCountry: string | null; userAgent: string | null },
) {
  const value = <T>(v: T, column: string) => sql<T>`${v}`.as(column)
  return db
    .insert(events)
    .select(
      db
        .select({
          id: sql<string>`lower(hex(randomblob(12)))`.as('id'),
          workspaceId: clientGrants.workspaceId,
          connectionId: clientGrants.connectionId,
          linkId: sql<null>`NULL`.as('link_id'),
          type: value('client_revoked', 'type'),
          actor: value('client', 'actor'),
          at: value(event.at, 'at'),
          ipCountry: value(event.ipCountry, 'ip_country'),
          userAgent: value(event.userAgent, 'user_agent'),
          detail: sql<null>`NULL`.as('detail'),
        })
        .from(clientGrants)
        .where(eq(clientGrants.revokeClaim, claimId))
        .limit(1),
    )
    .returning()
}

/**
 * The owner put credentials of their own in place of the client's: the client's management links end with them, so a
 * client can no longer delete what is not theirs (the page then answers like an expired link).
 */
export function endGrantsOf(db: Db, connectionId: string, now: number) {
  return db
    .update(clientGrants)
    .set({ expiresAt: now })
    .where(and(eq(clientGrants.connectionId, connectionId), isNull(clientGrants.revokedAt), sql`${clientGrants.expiresAt} > ${now}`))
}
