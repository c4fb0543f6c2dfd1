import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { sealContext, type Sealed } from '../domain/crypto'
import type { Db } from './client'
import { requestTokensSealedWith, resealRequestToken } from './link-requests'
import { linkTokensSealedWith, resealLinkToken } from './links'
import { connections, oauthApps, oauthStates, runs, webhookEndpoints, workflows } from './schema'

/** One stored value sealed under a key version the keyring wants to retire. */
export interface StaleSealed {
  id: string
  blob: string
  keyVersion: string
  /** connections only: the credentials revision the value was read at. */
  revision?: number
}

/**
 * Every `*_blob` / `*_key_version` pair in the schema, with the associated data it is sealed
 * under. A rewrite lands only if the row still holds the value that was read (and, for
 * credentials, the same revision), so a concurrent credential write always wins.
 */
export interface SealedColumn {
  name: string
  context: (id: string) => string
  /** Rows sealed under one of `versions`, in id order after `afterId`. */
  stale: (db: Db, versions: string[], afterId: string, limit: number) => Promise<StaleSealed[]>
  /** Returns the rewritten row's id, or nothing when the row changed meanwhile. */
  rewrite: (db: Db, row: StaleSealed, sealed: Sealed) => BatchItem<'sqlite'>
}

export const sealedColumns: readonly SealedColumn[] = [
  {
    name: 'connections.credentials',
    context: sealContext.credentials,
    stale: (db, versions, afterId, limit) =>
      db
        .select({
          id: connections.id,
          blob: connections.credentialsBlob,
          keyVersion: connections.credentialsKeyVersion,
          revision: connections.credentialsRevision,
        })
        .from(connections)
        .where(
          and(inArray(connections.credentialsKeyVersion, versions), isNotNull(connections.credentialsBlob), gt(connections.id, afterId)),
        )
        .orderBy(asc(connections.id))
        .limit(limit)
        .all() as Promise<StaleSealed[]>,
    rewrite: (db, row, sealed) =>
      db
        .update(connections)
        .set({ credentialsBlob: sealed.blob, credentialsKeyVersion: sealed.keyVersion })
        .where(
          and(
            eq(connections.id, row.id),
            eq(connections.credentialsRevision, row.revision ?? -1),
            eq(connections.credentialsBlob, row.blob),
          ),
        )
        .returning({ id: connections.id }),
  },
  {
    name: 'links.token',
    context: sealContext.linkToken,
    stale: linkTokensSealedWith,
    rewrite: (db, row, sealed) => resealLinkToken(db, row.id, row.blob, sealed),
  },
  {
    name: 'link_requests.token',
    context: sealContext.linkRequestToken,
    stale: requestTokensSealedWith,
    rewrite: (db, row, sealed) => resealRequestToken(db, row.id, row.blob, sealed),
  },
  {
    name: 'oauth_states.verifier',
    context: sealContext.oauthVerifier,
    stale: (db, versions, afterId, limit) =>
      db
        .select({ id: oauthStates.stateHash, blob: oauthStates.verifierBlob, keyVersion: oauthStates.verifierKeyVersion })
        .from(oauthStates)
        .where(and(inArray(oauthStates.verifierKeyVersion, versions), gt(oauthStates.stateHash, afterId)))
        .orderBy(asc(oauthStates.stateHash))
        .limit(limit)
        .all(),
    rewrite: (db, row, sealed) =>
      db
        .update(oauthStates)
        .set({ verifierBlob: sealed.blob, verifierKeyVersion: sealed.keyVersion })
        .where(and(eq(oauthStates.stateHash, row.id), eq(oauthStates.verifierBlob, row.blob)))
        .returning({ id: oauthStates.stateHash }),
  },
  {
    name: 'oauth_states.pending',
    context: sealContext.oauthPending,
    stale: (db, versions, afterId, limit) =>
      db
        .select({ id: oauthStates.stateHash, blob: oauthStates.pendingBlob, keyVersion: oauthStates.pendingKeyVersion })
        .from(oauthStates)
        .where(
          and(inArray(oauthStates.pendingKeyVersion, versions), isNotNull(oauthStates.pendingBlob), gt(oauthStates.stateHash, afterId)),
        )
        .orderBy(asc(oauthStates.stateHash))
        .limit(limit)
        .all() as Promise<StaleSealed[]>,
    rewrite: (db, row, sealed) =>
      db
        .update(oauthStates)
        .set({ pendingBlob: sealed.blob, pendingKeyVersion: sealed.keyVersion })
        .where(and(eq(oauthStates.stateHash, row.id), eq(oauthStates.pendingBlob, row.blob)))
        .returning({ id: oauthStates.stateHash }),
  },
  {
    name: 'workflows.webhook_token',
    context: sealContext.webhookToken,
    stale: (db, versions, afterId, limit) =>
      db
        .select({ id: workflows.id, blob: workflows.webhookTokenBlob, keyVersion: workflows.webhookTokenKeyVersion })
        .from(workflows)
        .where(and(inArray(workflows.webhookTokenKeyVersion, versions), gt(workflows.id, afterId)))
        .orderBy(asc(workflows.id))
        .limit(limit)
        .all(),
    rewrite: (db, row, sealed) =>
      db
        .update(workflows)
        .set({ webhookTokenBlob: sealed.blob, webhookTokenKeyVersion: sealed.keyVersion })
        .where(and(eq(workflows.id, row.id), eq(workflows.webhookTokenBlob, row.blob)))
        .returning({ id: workflows.id }),
  },
  {
    name: 'workflows.webhook_secret',
    context: sealContext.webhookSecret,
    stale: (db, versions, afterId, limit) =>
      db
        .select({ id: workflows.id, blob: workflows.webhookSecretBlob, keyVersion: workflows.webhookSecretKeyVersion })
        .from(workflows)
        .where(and(inArray(workflows.webhookSecretKeyVersion, versions), isNotNull(workflows.webhookSecretBlob), gt(workflows.id, afterId)))
        .orderBy(asc(workflows.id))
        .limit(limit)
        .all() as Promise<StaleSealed[]>,
    rewrite: (db, row, sealed) =>
      db
        .update(workflows)
        .set({ webhookSecretBlob: sealed.blob, webhookSecretKeyVersion: sealed.keyVersion })
        .where(and(eq(workflows.id, row.id), eq(workflows.webhookSecretBlob, row.blob)))
        .returning({ id: workflows.id }),
  },
  {
    name: 'webhook_endpoints.secret',
    context: sealContext.webhookEndpointSecret,
    stale: (db, versions, afterId, limit) =>
      db
        .select({ id: webhookEndpoints.id, blob: webhookEndpoints.secretBlob, keyVersion: webhookEndpoints.secretKeyVersion })
        .from(webhookEndpoints)
        .where(and(inArray(webhookEndpoints.secretKeyVersion, versions), gt(webhookEndpoints.id, afterId)))
        .orderBy(asc(webhookEndpoints.id))
        .limit(limit)
        .all(),
    rewrite: (db, row, sealed) =>
      db
        .update(webhookEndpoints)
        .set({ secretBlob: sealed.blob, secretKeyVersion: sealed.keyVersion })
        .where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.secretBlob, row.blob)))
        .returning({ id: webhookEndpoints.id }),
  },
  {
    name: 'runs.trigger',
    context: sealContext.runTrigger,
    stale: (db, versions, afterId, limit) =>
      db
        .select({ id: runs.id, blob: runs.triggerBlob, keyVersion: runs.triggerKeyVersion })
        .from(runs)
        .where(and(inArray(runs.triggerKeyVersion, versions), isNotNull(runs.triggerBlob), gt(runs.id, afterId)))
        .orderBy(asc(runs.id))
        .limit(limit)
        .all() as Promise<StaleSealed[]>,
    rewrite: (db, row, sealed) =>
      db
        .update(runs)
        .set({ triggerBlob: sealed.blob, triggerKeyVersion: sealed.keyVersion })
        .where(and(eq(runs.id, row.id), eq(runs.triggerBlob, row.blob)))
        .returning({ id: runs.id }),
  },
  {
    name: 'oauth_apps.secret',
    context: sealContext.oauthAppSecret,
    stale: (db, versions, afterId, limit) =>
      db
        .select({ id: oauthApps.id, blob: oauthApps.secretBlob, keyVersion: oauthApps.secretKeyVersion })
        .from(oauthApps)
        .where(and(inArray(oauthApps.secretKeyVersion, versions), gt(oauthApps.id, afterId)))
        .orderBy(asc(oauthApps.id))
        .limit(limit)
        .all(),
    rewrite: (db, row, sealed) =>
      db
        .update(oauthApps)
        .set({ secretBlob: sealed.blob, secretKeyVersion: sealed.keyVersion })
        .where(and(eq(oauthApps.id, row.id), eq(oauthApps.secretBlob, row.blob)))
        .returning({ id: oauthApps.id }),
  },
]
