import { and } from 'drizzle-orm'
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import { metadataOf } from '../apps/metadata'
import type { Credentials, VerifiedAccount } from '../apps/types'
import {
  type ConnectionRow,
  type ConnectionWithLink,
  connectionsBelow,
  countConnections,
  insertConnectionIf,
  newCredentialsValues,
  pendingConnectionRow,
} from '../db/connections'
import { insertItemConnection, insertLinkRequestIf, type LinkRequestRow } from '../db/link-requests'
import { eventRowsIn, insertCappedLinkEvent, insertEventForConnection, insertEventForLink } from '../db/events'
import {
  type ClaimEvent,
  claimLink,
  endCheck,
  expireOverdueLinks as expireOverdueBatch,
  insertEventsForClaim,
  insertLinkIf,
  leaseCheck,
  linkAndConnectionQueries,
  openLinksBelow,
  recordFailedAttempt,
  revokeOpenLinks,
  updateConnectionIfClaimed,
  updateConnectionIfLinked,
} from '../db/links'
import { AppError } from '../domain/errors'
import { MAX_CONNECTIONS, MAX_EVENTS_PER_LINK, MAX_OPEN_LINKS } from '../domain/limits'
import { type LinkPurpose, LOCKED_LINK_MESSAGE, linkExpiresAt, MAX_FAILED_ATTEMPTS } from '../domain/links'
import type { Locale } from '../domain/locales'
import { checkReturnUrl } from '../domain/return-url'
import type { Owner } from '../domain/shapes'
import { hashToken, isWellFormedToken, newId } from '../domain/tokens'
import { accountMismatch, decideAccount } from './account-guard'
import { requireApp, requireConnection } from './access'
import { prepareGrant } from './client-grants'
import { linkBrandFor } from './brand'
import { sealCredentials } from './credentials'
import { firstCheckAt } from './health/schedule'
import type { Deps } from './deps'
import { requireAvailableApp, requireAvailableApps } from './oauth-apps'
import { type ClientMeta, type EventType, newEvent, newLinkEvent } from './events'
import { forgetSnapshots } from './link-snapshots'
import {
  forgetRequestList,
  prepareLinkRequest,
  publishRequestList,
  refuseDuplicateNames,
  republishRequestLists,
  requestListPath,
  requireItemApp,
} from './link-requests'
import { type IssuedLink, prepareLink, publishLink } from './links'
import { asOpenLink, invalidLink, type OpenLink } from './open-link'
import { iso } from './public-shapes'
import { newLinkCounter, quotaExceeded } from './quotas'
import { type AnnounceDeps, announceEvents } from './webhooks/announce'

/**
 * Every change of a link's state: issued, leased for a check, failed attempt or locked, used,
 * rejected, revoked, expired. Each is one D1 batch (one transaction) holding the status change
 * and its audit event, so neither lands without the other; `commit` then forgets the closed
 * links' invitation snapshots, after D1 has decided. The SQL lives in src/db/links.ts.
 */

type Statement = BatchItem<'sqlite'>

/** A link whose state the batch changed: its snapshot is forgotten, and the list of its several-apps link rewritten. */
type ClosedLink = { tokenHash: string; requestId: string | null }

async function commit<T extends Readonly<[Statement, ...Statement[]]>>(
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
const returnUrlOf = (raw: string | undefined) => (raw?.trim() ? checkReturnUrl(raw.trim()) : null)

const claimEvent = (type: EventType, actor: ClaimEvent['actor'], at: number, meta?: ClientMeta, detail?: Record<string, unknown>) => ({
  type,
  actor,
  at,
  ipCountry: meta?.ipCountry ?? null,
  userAgent: meta?.userAgent ?? null,
  detail: detail ? JSON.stringify(detail) : null,
})

/**
 * Add Connection → Request Connection via Link: a pending connection and its link, in one batch.
 * The connection lands only under the workspace's connection and open-link quotas, and the rest
 * of the batch only with it; the hourly count of new links is taken first.
 */
export async function requestConnectionViaLink(
  deps: Deps,
  owner: Owner,
  input: { appId: string; name: string; expiresInMinutes?: number; locale?: Locale; returnUrl?: string },
  now: number,
): Promise<{ connection: ConnectionWithLink; link: IssuedLink }> {
  const app = requireApp(deps, input.appId)
  const returnUrl = returnUrlOf(input.returnUrl)
  await requireAvailableApp(deps, owner.workspaceId, app)
  const newLinks = await newLinkCounter(deps, owner, now)
  const connection = pendingConnectionRow({ id: newId(), workspaceId: owner.workspaceId, appId: app.id, name: input.name }, now)
  const brand = await linkBrandFor(deps, owner.workspaceId)
  const link = await prepareLink(deps, connection, 'create', input.expiresInMinutes, now, false, input.locale ?? null, { brand, returnUrl })
  const event = (type: EventType, detail: Record<string, unknown>) =>
    insertEventForConnection(
      deps.db,
      newEvent({ workspaceId: owner.workspaceId, connectionId: connection.id, linkId: link.row.id, type, actor: 'owner', at: now, detail }),
    )
  // The invitation is cached first: if that fails nothing exists yet, and a snapshot of a link
  // that D1 never got is harmless (every action asks D1) and was never handed out.
  const issued = await publishLink(deps, owner, connection, link, now)
  const [[hourly], [counted], inserted] = await commit(
    deps,
    [
      newLinks.hit,
      countConnections(deps.db, owner.workspaceId),
      insertConnectionIf(
        deps.db,
        connection,
        newLinks.within,
        connectionsBelow(owner.workspaceId, MAX_CONNECTIONS),
        openLinksBelow(owner.workspaceId, now, MAX_OPEN_LINKS),
      ),
      insertLinkIf(deps.db, link.row),
      event('created', { via: 'link' }),
      event('link_created', { purpose: 'create', expiresAt: iso(link.row.expiresAt) }),
    ],
    ([, , inserted]) => (inserted.length === 0 ? [link.row] : []),
  )
  if (inserted.length === 0) {
    throw newLinks.refusal(hourly) ?? quotaExceeded((counted?.n ?? 0) >= MAX_CONNECTIONS ? 'connections' : 'openLinks')
  }
  return { connection: { connection, link: link.row }, link: issued }
}

/**
 * Several apps in one link: the request and, per item, a pending connection and its own link (whose token derives
 * from the request's), in one batch. The request lands only under the quotas with room for every item, and each
 * item only with the request, so a refusal leaves nothing. Each item then lives as any link does.
 */
export async function requestConnectionsViaLink(
  deps: Deps,
  owner: Owner,
  input: { items: { appId: string; name: string }[]; expiresInMinutes?: number; locale?: Locale },
  now: number,
): Promise<{ request: LinkRequestRow; url: string; items: ConnectionWithLink[] }> {
  const apps = input.items.map((item, index) => requireItemApp(deps, item.appId, index))
  refuseDuplicateNames(input.items.map((item) => item.name))
  await requireAvailableApps(deps, owner.workspaceId, apps)
  const newLinks = await newLinkCounter(deps, owner, now)
  const locale = input.locale ?? null
  const request = await prepareLinkRequest(deps, owner, linkExpiresAt(now, input.expiresInMinutes), locale, now)
  const brand = await linkBrandFor(deps, owner.workspaceId)
  const items = await Promise.all(
    input.items.map(async (item, position) => {
      const connection = pendingConnectionRow(
        { id: newId(), workspaceId: owner.workspaceId, appId: apps[position]!.id, name: item.name },
        now,
      )
      const token = await request.itemToken(position)
      const link = await prepareLink(deps, connection, 'create', input.expiresInMinutes, now, false, locale, {
        brand,
        item: { requestId: request.row.id, position, token },
      })
      return { connection, link }
    }),
  )
  const n = items.length
  const event = (connection: ConnectionRow, linkId: string, type: EventType, detail: Record<string, unknown>) =>
    insertEventForConnection(
      deps.db,
      newEvent({ workspaceId: owner.workspaceId, connectionId: connection.id, linkId, type, actor: 'owner', at: now, detail }),
    )
  // As for one link: cached first, so a failure leaves nothing handed out, and a snapshot D1 never got is harmless.
  await Promise.all(items.map(({ connection, link }) => publishLink(deps, owner, connection, link, now)))
  await publishRequestList(
    deps,
    owner,
    request,
    items.map(({ connection }, position) => ({ position, appId: connection.appId, connectionName: connection.name, state: 'pending' })),
    brand,
    now,
  )
  const quotas = and(
    newLinks.within,
    connectionsBelow(owner.workspaceId, MAX_CONNECTIONS - n + 1),
    openLinksBelow(owner.workspaceId, now, MAX_OPEN_LINKS - n + 1),
  )!
  const statements: [Statement, ...Statement[]] = [
    newLinks.hit,
    ...Array.from({ length: n - 1 }, () => newLinks.hit),
    countConnections(deps.db, owner.workspaceId),
    insertLinkRequestIf(deps.db, request.row, quotas),
    ...items.flatMap(({ connection, link }) => [
      insertItemConnection(deps.db, connection, request.row.id),
      insertLinkIf(deps.db, link.row),
      event(connection, link.row.id, 'created', { via: 'link', requestId: request.row.id }),
      event(connection, link.row.id, 'link_created', { purpose: 'create', expiresAt: iso(link.row.expiresAt) }),
    ]),
  ]
  const results = (await commit(deps, statements, (results) =>
    (results[n + 1] as unknown[]).length === 0 ? items.map(({ link }) => ({ tokenHash: link.tokenHash, requestId: null })) : [],
  )) as unknown[][]
  if (results[n + 1]!.length === 0) {
    await forgetRequestList(deps, request.row.tokenHash)
    const hourly = results[n - 1]![0] as { count: number } | undefined
    const counted = results[n]![0] as { n: number } | undefined
    throw newLinks.refusal(hourly) ?? quotaExceeded((counted?.n ?? 0) + n > MAX_CONNECTIONS ? 'connections' : 'openLinks')
  }
  return {
    request: request.row,
    url: `${deps.publicOrigin}${requestListPath(request.token)}`,
    items: items.map(({ connection, link }) => ({ connection, link: link.row })),
  }
}

/**
 * Refresh credentials: a new link replaces any open one at once. An active connection gets a
 * refresh link (its credentials keep working); a pending or rejected one goes back to pending.
 * The new link lands only under the open-link quota (the links it replaces aside), and the rest
 * of the batch only with it.
 */
export async function issueNewLink(
  deps: Deps,
  owner: Owner,
  connectionId: string,
  options: { expiresInMinutes?: number; allowAccountChange?: boolean; locale?: Locale; returnUrl?: string },
  now: number,
): Promise<IssuedLink> {
  const returnUrl = returnUrlOf(options.returnUrl)
  const { connection } = await requireConnection(deps, owner, connectionId)
  await requireAvailableApp(deps, owner.workspaceId, requireApp(deps, connection.appId))
  const newLinks = await newLinkCounter(deps, owner, now)
  const purpose: LinkPurpose = connection.status === 'active' ? 'refresh' : 'create'
  const status = purpose === 'create' ? 'pending' : 'active'
  const allowAccountChange = options.allowAccountChange === true
  const brand = await linkBrandFor(deps, owner.workspaceId)
  const extras = { brand, returnUrl }
  const link = await prepareLink(
    deps,
    connection,
    purpose,
    options.expiresInMinutes,
    now,
    allowAccountChange,
    options.locale ?? null,
    extras,
  )
  const issued = await publishLink(deps, owner, { ...connection, status }, link, now)
  const revokeClaim = newId()
  const [[hourly], inserted] = await commit(
    deps,
    [
      newLinks.hit,
      insertLinkIf(deps.db, link.row, newLinks.within, openLinksBelow(owner.workspaceId, now, MAX_OPEN_LINKS, { connectionId })),
      revokeOpenLinks(deps.db, connectionId, revokeClaim, now, link.row.id),
      insertEventsForClaim(deps.db, revokeClaim, claimEvent('revoked', 'owner', now, undefined, { replacedBy: link.row.id })),
      updateConnectionIfLinked(deps.db, connectionId, link.row.id, { status, updatedAt: now }),
      insertEventForLink(
        deps.db,
        newLinkEvent({
          workspaceId: owner.workspaceId,
          connectionId,
          linkId: link.row.id,
          type: 'refreshed',
          actor: 'owner',
          at: now,
          detail: { purpose, expiresAt: iso(link.row.expiresAt), ...(allowAccountChange ? { allowAccountChange } : {}) },
        }),
      ),
    ],
    ([, inserted, revoked]) => (inserted.length === 0 ? [link.row] : revoked),
  )
  if (inserted.length === 0) throw newLinks.refusal(hourly) ?? quotaExceeded('openLinks')
  return issued
}

export async function revokeOpenLink(deps: Deps, owner: Owner, connectionId: string, now: number): Promise<void> {
  const { connection } = await requireConnection(deps, owner, connectionId)
  await closeOpenLinks(deps, connection, [], now)
}

/**
 * Revokes the connection's open links (each with its `revoked` event) in the same batch as
 * `alongside`: the owner's own credential swap or the connection's deletion.
 */
export async function closeOpenLinks(deps: Deps, connection: ConnectionRow, alongside: Statement[], now: number): Promise<void> {
  const claimId = newId()
  await commit(
    deps,
    [
      revokeOpenLinks(deps.db, connection.id, claimId, now),
      insertEventsForClaim(deps.db, claimId, claimEvent('revoked', 'owner', now)),
      ...alongside,
    ],
    ([revoked]) => revoked,
    [connection],
  )
}

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

/** Bounded so one run stays well inside a Worker's limits; the next run picks up the rest. */
export const EXPIRE_BATCH_SIZE = 500
export const EXPIRE_MAX_BATCHES = 20

/**
 * The cron: overdue pending links become expired, each batch with its events. Their snapshots
 * stay in KV until their TTL; the snapshot's own expiry already makes the page refuse them.
 */
export async function expireOverdueLinks(deps: AnnounceDeps, now: number): Promise<number> {
  let total = 0
  for (let batch = 0; batch < EXPIRE_MAX_BATCHES; batch++) {
    const claimId = newId()
    const [expired, events] = await deps.db.batch([
      expireOverdueBatch(deps.db, claimId, now, EXPIRE_BATCH_SIZE),
      insertEventsForClaim(deps.db, claimId, claimEvent('expired', 'system', now)),
    ])
    await announceEvents(deps, events, now)
    total += expired.length
    if (expired.length < EXPIRE_BATCH_SIZE) break
  }
  return total
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
