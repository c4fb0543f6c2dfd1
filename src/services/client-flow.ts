import { insertCappedLinkEvent } from '../db/events'
import { announceEvents } from './webhooks/announce'
import { AppError } from '../domain/errors'
import { MAX_EVENTS_PER_LINK, MAX_REQUEST_ITEMS } from '../domain/limits'
import type { InvitationSnapshot } from '../domain/shapes'
import { hashToken, isWellFormedToken, itemToken } from '../domain/tokens'
import { checkCredentials } from './credential-checks'
import { credentialsFromFields } from './credentials'
import type { Deps } from './deps'
import { type ClientMeta, newLinkEvent } from './events'
import { clientEvent, completeLink, countFailedAttempt, rejectLink, releaseCheck, skipLink, takeCheckLease } from './link-lifecycle'
import { readSnapshot } from './link-snapshots'
import { invalidLink, type OpenLink, requireOpenLink } from './open-link'

/** What the client does with a link; every change of the link's state is made by the link lifecycle. */

/** The invitation page's only read: KV. Expiry is still checked against the snapshot. */
export async function readInvitation(kv: KVNamespace, token: string, now: number): Promise<InvitationSnapshot | null> {
  if (!isWellFormedToken(token)) return null
  const snapshot = await readSnapshot(kv, await hashToken(token))
  return snapshot && snapshot.expiresAt > now ? snapshot : null
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
    const recorded = await insertCappedLinkEvent(
      deps.db,
      newLinkEvent({
        workspaceId: snapshot.workspaceId,
        connectionId: snapshot.connectionId,
        linkId: snapshot.linkId,
        type: 'opened',
        actor: 'client',
        at: now,
        meta,
      }),
      MAX_EVENTS_PER_LINK,
    )
    await announceEvents(deps, recorded, now)
  } catch (error) {
    openedHere.delete(snapshot.linkId)
    throw error
  }
}

export async function acceptLink(deps: Deps, token: string, meta: ClientMeta, now: number): Promise<OpenLink> {
  const open = await requireOpenLink(deps, token, now)
  await insertCappedLinkEvent(deps.db, clientEvent(open, 'accepted', meta, now), MAX_EVENTS_PER_LINK)
  return open
}

/** A link the client finished with credentials, and the management token of what they granted. */
export interface CompletedLink {
  open: OpenLink
  manageToken: string
}

/** API-key / basic apps: verify against the app, then store exactly once. */
export async function submitLinkCredentials(
  deps: Deps,
  token: string,
  values: Record<string, unknown>,
  meta: ClientMeta,
  now: number,
): Promise<CompletedLink> {
  const { open, leaseUntil } = await takeCheckLease(deps, token, now)
  let manageToken: string
  try {
    const credentials = credentialsFromFields(open.app, values)
    const budget = { workspaceId: open.connection.workspaceId, audience: 'client', now } as const
    const account = await checkCredentials(deps, budget, open.app, credentials)
    manageToken = await completeLink(deps, open, credentials, account, meta, now)
  } catch (error) {
    // Only the app's refusal counts against the link; anything else frees the slot for a retry at once.
    if (error instanceof AppError && error.code === 'invalid_credentials') await countFailedAttempt(deps, open, leaseUntil, meta, now)
    else await releaseCheck(deps, open, leaseUntil).catch(() => undefined)
    throw error
  }
  return { open, manageToken }
}

export async function declineLink(deps: Deps, token: string, reason: string | null, meta: ClientMeta, now: number): Promise<OpenLink> {
  const open = await requireOpenLink(deps, token, now)
  await rejectLink(deps, open, reason, meta, now)
  return open
}

/** Skip on a several-apps list: the item's own link, found by the token derived from the list's; only an item can be skipped. */
export async function skipRequestItem(
  deps: Deps,
  requestToken: string,
  position: number,
  meta: ClientMeta,
  now: number,
): Promise<OpenLink> {
  if (!isWellFormedToken(requestToken) || !Number.isInteger(position) || position < 0 || position >= MAX_REQUEST_ITEMS) {
    throw invalidLink()
  }
  const open = await requireOpenLink(deps, await itemToken(requestToken, position), now)
  if (open.link.requestId === null) throw invalidLink()
  await skipLink(deps, open, meta, now)
  return open
}
