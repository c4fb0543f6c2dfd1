import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import type { ConnectionRow } from '../../db/connections'
import { eventRowsIn } from '../../db/events'
import type { ClaimEvent } from '../../db/links'
import { checkReturnUrl } from '../../domain/return-url'
import type { Deps } from '../deps'
import type { ClientMeta, EventType } from '../events'
import { forgetSnapshots } from '../link-snapshots'
import { republishRequestLists } from '../link-requests'
import { announceEvents } from '../webhooks/announce'

/**
 * Every change of a link's state: issued, leased for a check, failed attempt or locked, used,
 * rejected, revoked, expired. Each is one D1 batch (one transaction) holding the status change
 * and its audit event, so neither lands without the other; `commit` then forgets the closed
 * links' invitation snapshots, after D1 has decided. The SQL lives in src/db/links.ts.
 */

export type Statement = BatchItem<'sqlite'>

/** A link whose state the batch changed: its snapshot is forgotten, and the list of its several-apps link rewritten. */
export type ClosedLink = { tokenHash: string; requestId: string | null }

export async function commit<T extends Readonly<[Statement, ...Statement[]]>>(
  deps: Deps,
  statements: T,
  closed: (results: BatchResponse<T>) => readonly ClosedLink[] = () => [],
  gone: ConnectionRow[] = [],
): Promise<BatchResponse<T>> {
  const results = await deps.db.batch(statements)
  const links = closed(results)
  await forgetSnapshots(
    deps,
    links.map((link) => link.tokenHash),
  )
  const requestIds = links.flatMap((link) => (link.requestId ? [link.requestId] : []))
  if (requestIds.length > 0) await republishRequestLists(deps, requestIds, deps.clock())
  await announceEvents(deps, eventRowsIn(results), deps.clock(), gone)
  return results
}

/** An empty returnUrl (a blank form field) is none. */
export const returnUrlOf = (raw: string | undefined) => (raw?.trim() ? checkReturnUrl(raw.trim()) : null)

export const claimEvent = (
  type: EventType,
  actor: ClaimEvent['actor'],
  at: number,
  meta?: ClientMeta,
  detail?: Record<string, unknown>,
) => ({
  type,
  actor,
  at,
  ipCountry: meta?.ipCountry ?? null,
  userAgent: meta?.userAgent ?? null,
  detail: detail ? JSON.stringify(detail) : null,
})
