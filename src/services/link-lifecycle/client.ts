import { metadataOf } from '../../apps/metadata'
import type { Credentials, VerifiedAccount } from '../../apps/types'
import { newCredentialsValues } from '../../db/connections'
import { insertCappedLinkEvent } from '../../db/events'
import {
  claimLink,
  endCheck,
  insertEventsForClaim,
  leaseCheck,
  linkAndConnectionQueries,
  recordFailedAttempt,
  updateConnectionIfClaimed,
} from '../../db/links'
import { AppError } from '../../domain/errors'
import { MAX_EVENTS_PER_LINK } from '../../domain/limits'
import { LOCKED_LINK_MESSAGE, MAX_FAILED_ATTEMPTS } from '../../domain/links'
import { hashToken, isWellFormedToken, newId } from '../../domain/tokens'
import { accountMismatch, decideAccount } from '../account-guard'
import { prepareGrant } from '../client-grants'
import { sealCredentials } from '../credentials'
import { firstCheckAt } from '../health/schedule'
import type { Deps } from '../deps'
import { type ClientMeta, type EventType, newLinkEvent } from '../events'
import { asOpenLink, invalidLink, type OpenLink } from '../open-link'

import { claimEvent, commit } from './commit'

/** A check outlives the app's timeout only if the request died; then the lease lapses. */
const CHECK_LEASE_MARGIN_MS = 5_000
const LEASE_POLL_MS = 20
const LEASE_POLL_MAX_MS = 250

/**
 * One key is checked with the app at a time per link, so the attempt limit is exact. The slot is
 * taken in the same round trip as the lookup. A second submission waits for the check in
 * progress: if that one won, this one gets the invalid-link page. Time moves on from the `now`
 * passed in by the injected clock.
 */
export async function takeCheckLease(deps: Deps, token: string, now: number): Promise<{ open: OpenLink; leaseUntil: number }> {
  if (!isWellFormedToken(token)) throw invalidLink()
  const tokenHash = await hashToken(token)
  const span = deps.config.upstreamTimeoutMs + CHECK_LEASE_MARGIN_MS
  const started = deps.clock()
  for (let wait = LEASE_POLL_MS; ; wait = Math.min(wait * 2, LEASE_POLL_MAX_MS)) {
    const at = now + (deps.clock() - started)
    const [leased, [link], [connection]] = await deps.db.batch([
      leaseCheck(deps.db, tokenHash, at, at + span),
      ...linkAndConnectionQueries(deps.db, tokenHash),
    ])
    const open = asOpenLink(link && connection && { link, connection }, at)
    if (leased.length > 0) return { open, leaseUntil: at + span }
    if (deps.clock() - started > span) break
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
  throw new AppError('rate_limited', 'Another attempt with this link is being checked. Try again in a moment.', undefined, 5)
}

/** Frees the check slot at once, for a retry after anything but the app's refusal. */
export async function releaseCheck(deps: Deps, open: OpenLink, leaseUntil: number): Promise<void> {
  await deps.db.batch([endCheck(deps.db, open.link.id, leaseUntil)])
}

/** Counts the app's refusal; the attempt that reaches the limit locks the link, in the same batch as its events. */
export async function countFailedAttempt(deps: Deps, open: OpenLink, leaseUntil: number, meta: ClientMeta, now: number): Promise<void> {
  const lockClaim = newId()
  const counting = commit(
    deps,
    [
      recordFailedAttempt(deps.db, open.link.id, MAX_FAILED_ATTEMPTS, lockClaim, now),
      endCheck(deps.db, open.link.id, leaseUntil),
      insertCappedLinkEvent(deps.db, clientEvent(open, 'credentials_failed', meta, now), MAX_EVENTS_PER_LINK),
      insertEventsForClaim(deps.db, lockClaim, claimEvent('locked', 'system', now, undefined, { failedAttempts: MAX_FAILED_ATTEMPTS })),
    ],
    ([counted]) => (counted[0]?.status === 'locked' ? [open.link] : []),
  )
  // Uncounted, the key was not refused as far as the link knows: the slot opens for a retry at once.
  const [counted] = await counting.catch(async (error: unknown) => {
    await releaseCheck(deps, open, leaseUntil).catch(() => undefined)
    throw error
  })
  if (counted[0]?.status === 'locked') {
    // The link's language and brand ride along so that the one browser told of the lock is told in them.
    throw new AppError('link_locked', LOCKED_LINK_MESSAGE, { locale: open.link.locale, brand: open.link.brand })
  }
}

/**
 * One batch consumes the link, writes the credentials and the client's grant; of any number of concurrent
 * submissions only the one whose claim lands changes the connection. Returns the grant's management token.
 */
export async function completeLink(
  deps: Deps,
  open: OpenLink,
  credentials: Credentials,
  account: VerifiedAccount,
  meta: ClientMeta,
  now: number,
): Promise<string> {
  const decision = decideAccount(open.connection, account, open.link.allowAccountChange)
  if (decision.change === 'refused') {
    // The link stays open for the right account; the refusal and both accounts are on record.
    const event = newLinkEvent({ ...clientEventFields(open, meta, now), type: 'account_mismatch', detail: decision.detail })
    await insertCappedLinkEvent(deps.db, event, MAX_EVENTS_PER_LINK)
    throw accountMismatch(open.app, open.connection, account, 'client')
  }
  const claimId = newId()
  const sealed = await sealCredentials(await deps.keyring(), open.connection.id, credentials)
  const grant = await prepareGrant(deps.db, claimId, now)
  const detail = { ...decision.detail, purpose: open.link.purpose }
  const [claimed] = await commit(
    deps,
    [
      claimLink(deps.db, open.link.id, claimId, 'used', now),
      updateConnectionIfClaimed(
        deps.db,
        open.connection.id,
        open.link.id,
        claimId,
        newCredentialsValues(
          sealed,
          account,
          { source: 'client_link', by: open.link.id },
          now,
          firstCheckAt(open.app, open.connection.id, credentials, now),
          metadataOf(credentials),
        ),
      ),
      insertEventsForClaim(deps.db, claimId, claimEvent('credentials_submitted', 'client', now, meta, detail)),
      grant.statement,
    ],
    ([claimed]) => (claimed.length > 0 ? [open.link] : []),
  )
  if (claimed.length === 0) throw invalidLink()
  return grant.token
}

/** A rejected refresh leaves the active connection and its credentials as they were. */
export async function rejectLink(deps: Deps, open: OpenLink, reason: string | null, meta: ClientMeta, now: number): Promise<void> {
  const claimId = newId()
  const [claimed] = await commit(
    deps,
    [
      claimLink(deps.db, open.link.id, claimId, 'rejected', now, reason),
      updateConnectionIfClaimed(
        deps.db,
        open.connection.id,
        open.link.id,
        claimId,
        open.link.purpose === 'create' ? { status: 'rejected', updatedAt: now } : { updatedAt: now },
      ),
      insertEventsForClaim(deps.db, claimId, claimEvent('rejected', 'client', now, meta, reason ? { reason } : undefined)),
    ],
    ([claimed]) => (claimed.length > 0 ? [open.link] : []),
  )
  if (claimed.length === 0) throw invalidLink()
}

/** An item of a several-apps link the client passes over: its link closes, its connection stays pending for a new link. */
export async function skipLink(deps: Deps, open: OpenLink, meta: ClientMeta, now: number): Promise<void> {
  const claimId = newId()
  const [claimed] = await commit(
    deps,
    [
      claimLink(deps.db, open.link.id, claimId, 'skipped', now),
      updateConnectionIfClaimed(deps.db, open.connection.id, open.link.id, claimId, { updatedAt: now }),
      insertEventsForClaim(deps.db, claimId, claimEvent('skipped', 'client', now, meta)),
    ],
    ([claimed]) => (claimed.length > 0 ? [open.link] : []),
  )
  if (claimed.length === 0) throw invalidLink()
}

/** An event of the client's own, on its link (the anonymous ones are capped per link). */
export function clientEvent(open: OpenLink, type: EventType, meta: ClientMeta, now: number) {
  return newLinkEvent({ ...clientEventFields(open, meta, now), type })
}

const clientEventFields = (open: OpenLink, meta: ClientMeta, now: number) => ({
  workspaceId: open.connection.workspaceId,
  connectionId: open.connection.id,
  linkId: open.link.id,
  actor: 'client' as const,
  at: now,
  meta,
})
