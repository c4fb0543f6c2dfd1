import { kvTtlSeconds } from '../domain/links'
import type { InvitationSnapshot } from '../domain/shapes'
import type { Deps } from './deps'

const snapshotKey = (tokenHash: string) => `link:${tokenHash}`

export async function storeSnapshot(deps: Deps, tokenHash: string, snapshot: InvitationSnapshot, now: number): Promise<void> {
  await deps.kv.put(snapshotKey(tokenHash), JSON.stringify(snapshot), { expirationTtl: kvTtlSeconds(snapshot.expiresAt, now) })
}

/** A version-1 snapshot predates verified addresses: its link still works, but without the address. */
export async function readSnapshot(kv: KVNamespace, tokenHash: string): Promise<InvitationSnapshot | null> {
  const snapshot = await kv.get<InvitationSnapshot | (Omit<InvitationSnapshot, 'v'> & { v: 1 })>(snapshotKey(tokenHash), 'json')
  if (snapshot?.v === 2) return snapshot
  return snapshot?.v === 1 ? { ...snapshot, v: 2, requesterEmail: null } : null
}

/**
 * Best effort, after D1 has decided: a snapshot left behind only shows an invitation whose every
 * action D1 refuses, until its TTL. Failing the request here would report a committed change as failed.
 */
export async function forgetSnapshots(deps: Deps, tokenHashes: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(tokenHashes.map((hash) => deps.kv.delete(snapshotKey(hash))))
  const failed = results.filter((result) => result.status === 'rejected').length
  if (failed > 0) console.error(`could not forget ${failed} invitation snapshot(s); they expire with their links`)
}
