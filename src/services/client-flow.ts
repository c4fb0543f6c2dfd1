import { sql } from 'drizzle-orm'
import { getApp } from '../apps'
import type { AppDefinition, Credentials, VerifiedAccount } from '../apps/types'
import { AppError } from '../domain/errors'
import { INVALID_LINK_MESSAGE, isLinkOpen, MAX_FAILED_ATTEMPTS } from '../domain/links'
import { hashToken, isWellFormedToken, newId } from '../domain/tokens'
import type { ConnectionRow, LinkRow } from '../db/connections'
import { insertEvent } from '../db/events'
import {
  claimLink,
  endCheck,
  findLinkWithConnection,
  insertEventIfClaimed,
  leaseCheck,
  linkAndConnectionQueries,
  recordFailedAttempt,
  updateConnectionIfClaimed,
} from '../db/links'
import { connections } from '../db/schema'
import { credentialsFromFields, sealCredentials, verifyCredentials } from './credentials'
import type { Deps } from './deps'
import { newEvent, type ClientMeta } from './events'
import { forgetSnapshots, readSnapshot, type InvitationSnapshot } from './link-snapshots'

/** Every unusable link looks the same to the client, so a page reveals nothing. */
export const invalidLink = () => new AppError('link_invalid', INVALID_LINK_MESSAGE)

export interface OpenLink {
  link: LinkRow
  connection: ConnectionRow
  app: AppDefinition
}

/** The invitation page's only read: KV. Expiry is still checked against the snapshot. */
export async function readInvitation(kv: KVNamespace, token: string, now: number): Promise<InvitationSnapshot | null> {
  if (!isWellFormedToken(token)) return null
  const snapshot = await readSnapshot(kv, await hashToken(token))
  return snapshot && snapshot.expiresAt > now ? snapshot : null
}

/** D1 decides whether a link can be used; KV may be stale. */
export async function requireOpenLink(deps: Deps, token: string, now: number): Promise<OpenLink> {
  if (!isWellFormedToken(token)) throw invalidLink()
  return asOpenLink(await findLinkWithConnection(deps.db, await hashToken(token)), now)
}

/** A looked-up link (by token or by id) that can still be used, with its app; else the invalid-link error. */
export function asOpenLink(found: Omit<OpenLink, 'app'> | undefined, now: number): OpenLink {
  const app = found && getApp(found.connection.appId)
  if (!found || !app || !isLinkOpen(found.link, now)) throw invalidLink()
  return { ...found, app }
}

/** Links whose "opened" event this isolate has recorded; bounded, so its memory stays flat. */
const openedHere = new Set<string>()
const OPENED_HERE_MAX = 10_000

/** True the first time this isolate serves a link's invitation. */
export function isFirstOpenHere(linkId: string): boolean {
  if (openedHere.has(linkId)) return false
  if (openedHere.size >= OPENED_HERE_MAX) openedHere.clear()
  openedHere.add(linkId)
  return true
}

export async function recordOpened(deps: Deps, snapshot: InvitationSnapshot, meta: ClientMeta, now: number): Promise<void> {
  try {
    await insertEvent(
      deps.db,
      newEvent({
        workspaceId: snapshot.workspaceId,
        connectionId: snapshot.connectionId,
        linkId: snapshot.linkId,
        type: 'opened',
        actor: 'client',
        at: now,
        meta,
      }),
    )
  } catch (error) {
    openedHere.delete(snapshot.linkId)
    throw error
  }
}

export async function acceptLink(deps: Deps, token: string, meta: ClientMeta, now: number): Promise<OpenLink> {
  const open = await requireOpenLink(deps, token, now)
  await insertEvent(deps.db, clientEvent(open, 'accepted', meta, now))
  return open
}

function clientEvent(
  open: OpenLink,
  type: Parameters<typeof newEvent>[0]['type'],
  meta: ClientMeta,
  now: number,
  detail?: Record<string, unknown>,
) {
  return newEvent({
    workspaceId: open.connection.workspaceId,
    connectionId: open.connection.id,
    linkId: open.link.id,
    type,
    actor: 'client',
    at: now,
    meta,
    detail,
  })
}

/** API-key / basic apps: verify against the app, then store exactly once. */
export async function submitLinkCredentials(
  deps: Deps,
  token: string,
  values: Record<string, unknown>,
  meta: ClientMeta,
  now: number,
): Promise<OpenLink> {
  const { open, leaseUntil } = await openLinkWithCheckLease(deps, token, now)
  try {
    const credentials = credentialsFromFields(open.app, values)
    const account = await verifyCredentials(deps, open.app, credentials)
    await completeLink(deps, open, credentials, account, meta, now)
  } catch (error) {
    // Only the app's refusal counts against the link; anything else frees the slot for a retry at once.
    if (error instanceof AppError && error.code === 'invalid_credentials') await countFailure(deps, open, leaseUntil, meta, now)
    else await endCheck(deps.db, open.link.id, leaseUntil).catch(() => undefined)
    throw error
  }
  return open
}

/** A check outlives the app's timeout only if the request died; then the lease lapses. */
const CHECK_LEASE_MARGIN_MS = 5_000

/**
 * One key is checked with the app at a time per link, so the attempt limit is exact. The slot is
 * taken in the same round trip as the lookup. A second submission waits for the check in
 * progress: if that one won, this one gets the invalid-link page.
 */
async function openLinkWithCheckLease(deps: Deps, token: string, now: number): Promise<{ open: OpenLink; leaseUntil: number }> {
  if (!isWellFormedToken(token)) throw invalidLink()
  const tokenHash = await hashToken(token)
  const span = deps.config.upstreamTimeoutMs + CHECK_LEASE_MARGIN_MS
  const started = Date.now()
  for (let wait = LEASE_POLL_MS; ; wait = Math.min(wait * 2, LEASE_POLL_MAX_MS)) {
    const at = now + (Date.now() - started)
    const [leased, [link], [connection]] = await deps.db.batch([
      leaseCheck(deps.db, tokenHash, at, at + span),
      ...linkAndConnectionQueries(deps.db, tokenHash),
    ])
    const open = asOpenLink(link && connection && { link, connection }, at)
    if (leased.length > 0) return { open, leaseUntil: at + span }
    if (Date.now() - started > span) break
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
  throw new AppError('rate_limited', 'Another attempt with this link is being checked. Try again in a moment.', undefined, 5)
}

const LEASE_POLL_MS = 20
const LEASE_POLL_MAX_MS = 250

async function countFailure(deps: Deps, open: OpenLink, leaseUntil: number, meta: ClientMeta, now: number): Promise<void> {
  const [counted] = await deps.db.batch([
    recordFailedAttempt(deps.db, open.link.id, MAX_FAILED_ATTEMPTS, now),
    endCheck(deps.db, open.link.id, leaseUntil),
    insertEvent(deps.db, clientEvent(open, 'credentials_failed', meta, now)),
  ])
  if (counted[0]?.status === 'locked') {
    await deps.db.batch([
      insertEvent(
        deps.db,
        newEvent({
          workspaceId: open.connection.workspaceId,
          connectionId: open.connection.id,
          linkId: open.link.id,
          type: 'locked',
          actor: 'system',
          at: now,
          detail: { failedAttempts: MAX_FAILED_ATTEMPTS },
        }),
      ),
    ])
    await forgetSnapshots(deps, [open.link.tokenHash])
    throw new AppError('link_locked', 'Too many failed attempts: this link is now locked. Please contact your requester to get a new link.')
  }
}

/**
 * One batch consumes the link and writes the credentials; of any number of concurrent
 * submissions only the one whose claim lands changes the connection.
 */
export async function completeLink(
  deps: Deps,
  open: OpenLink,
  credentials: Credentials,
  account: VerifiedAccount,
  meta: ClientMeta,
  now: number,
): Promise<void> {
  const claimId = newId()
  const sealed = await sealCredentials(await deps.keyring(), open.connection.id, credentials)
  const [claimed] = await deps.db.batch([
    claimLink(deps.db, open.link.id, claimId, 'used', now),
    updateConnectionIfClaimed(deps.db, open.connection.id, open.link.id, claimId, {
      status: 'active',
      accountLabel: account.label,
      credentialsBlob: sealed.blob,
      credentialsKeyVersion: sealed.keyVersion,
      credentialsRevision: sql`${connections.credentialsRevision} + 1`,
      needsReconnect: false,
      updatedAt: now,
    }),
    insertEventIfClaimed(
      deps.db,
      clientEvent(open, 'credentials_submitted', meta, now, { account: account.label, purpose: open.link.purpose }),
      open.link.id,
      claimId,
    ),
  ])
  if (claimed.length === 0) throw invalidLink()
  await forgetSnapshots(deps, [open.link.tokenHash])
}

/** A rejected refresh leaves the active connection and its credentials as they were. */
export async function rejectLink(deps: Deps, token: string, reason: string | null, meta: ClientMeta, now: number): Promise<OpenLink> {
  const open = await requireOpenLink(deps, token, now)
  const claimId = newId()
  const [claimed] = await deps.db.batch([
    claimLink(deps.db, open.link.id, claimId, 'rejected', now, reason),
    updateConnectionIfClaimed(
      deps.db,
      open.connection.id,
      open.link.id,
      claimId,
      open.link.purpose === 'create' ? { status: 'rejected', updatedAt: now } : { updatedAt: now },
    ),
    insertEventIfClaimed(deps.db, clientEvent(open, 'rejected', meta, now, reason ? { reason } : undefined), open.link.id, claimId),
  ])
  if (claimed.length === 0) throw invalidLink()
  await forgetSnapshots(deps, [open.link.tokenHash])
  return open
}
