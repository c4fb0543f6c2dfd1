import { findLinkRequest, findLinkRequestById, itemStatesOf, latestLinksOf, type LinkRequestRow, requestItems } from '../db/link-requests'
import { open, seal, sealContext } from '../domain/crypto'
import { AppError } from '../domain/errors'
import { effectiveLinkStatus, kvTtlSeconds, type LinkStatus } from '../domain/links'
import type { Locale } from '../domain/locales'
import type { Owner, RequestItemState, RequestSnapshot } from '../domain/shapes'
import { hashToken, isWellFormedToken, itemToken, newId, newToken } from '../domain/tokens'
import type { ConnectionWithLink } from '../db/connections'
import type { Deps } from './deps'
import { requireApp } from './access'
import type { LinkBrand } from '../domain/brand'

/**
 * Several apps in one link: the request's token, its list page's KV snapshot, and the owner's read. Every change of an
 * item's state is its own link's, made by the link lifecycle; this module only mirrors the outcome into the list.
 */

const requestKey = (tokenHash: string) => `request:${tokenHash}`

export const requestListPath = (token: string) => `/connect/r/${token}`

export interface NewLinkRequest {
  token: string
  row: LinkRequestRow
}

export async function prepareLinkRequest(deps: Deps, owner: Owner, expiresAt: number, locale: Locale | null, now: number) {
  const token = newToken()
  const id = newId()
  const sealed = await seal(await deps.keyring(), token, sealContext.linkRequestToken(id))
  const row: LinkRequestRow = {
    id,
    workspaceId: owner.workspaceId,
    tokenHash: await hashToken(token),
    tokenBlob: sealed.blob,
    tokenKeyVersion: sealed.keyVersion,
    locale,
    expiresAt,
    createdAt: now,
  }
  return { token, row, itemToken: (position: number) => itemToken(token, position) }
}

export async function publishRequestList(
  deps: Deps,
  owner: Owner,
  request: NewLinkRequest,
  items: RequestSnapshot['items'],
  brand: LinkBrand | null,
  now: number,
) {
  const snapshot: RequestSnapshot = {
    v: 1,
    requestId: request.row.id,
    workspaceId: owner.workspaceId,
    requesterName: owner.name,
    requesterEmail: owner.emailVerified ? owner.email : null,
    expiresAt: request.row.expiresAt,
    ...(request.row.locale ? { locale: request.row.locale } : {}),
    ...(brand ? { brand } : {}),
    items,
  }
  await deps.kv.put(requestKey(request.row.tokenHash), JSON.stringify(snapshot), { expirationTtl: kvTtlSeconds(snapshot.expiresAt, now) })
}

export async function forgetRequestList(deps: Deps, tokenHash: string): Promise<void> {
  await deps.kv.delete(requestKey(tokenHash)).catch(() => undefined)
}

/** The list page's only read: KV, like the single invitation. Expiry is still checked against the snapshot. */
export async function readRequestList(kv: KVNamespace, token: string, now: number): Promise<RequestSnapshot | null> {
  if (!isWellFormedToken(token)) return null
  const snapshot = await kv.get<RequestSnapshot>(requestKey(await hashToken(token)), 'json')
  return snapshot?.v === 1 && snapshot.expiresAt > now ? snapshot : null
}

export function itemState(link: { status: LinkStatus; expiresAt: number }, now: number): RequestItemState {
  switch (effectiveLinkStatus(link, now)) {
    case 'pending':
      return 'pending'
    case 'used':
      return 'connected'
    case 'skipped':
      return 'skipped'
    case 'rejected':
      return 'rejected'
    default:
      return 'closed'
  }
}

/** Every item finished (connected, skipped, rejected) or closed otherwise: the link is closed. */
export const isRequestClosed = (items: readonly { state: RequestItemState }[]) => items.every((item) => item.state !== 'pending')

/**
 * After an item's link changed in D1: the list's snapshot takes the items' states from D1. Best effort, like forgetting
 * a snapshot: a stale list only offers an action D1 then refuses.
 */
export async function republishRequestLists(deps: Deps, requestIds: readonly string[], now: number): Promise<void> {
  const results = await Promise.allSettled([...new Set(requestIds)].map((id) => republishRequestList(deps, id, now)))
  const failed = results.filter((result) => result.status === 'rejected').length
  if (failed > 0) console.error(`could not rewrite ${failed} several-apps list(s); every action still asks D1`)
}

async function republishRequestList(deps: Deps, requestId: string, now: number): Promise<void> {
  const [request, states] = await Promise.all([findLinkRequestById(deps.db, requestId), itemStatesOf(deps.db, requestId)])
  if (!request) return
  const key = requestKey(request.tokenHash)
  const snapshot = await deps.kv.get<RequestSnapshot>(key, 'json')
  if (snapshot?.v !== 1) return
  const byPosition = new Map(states.map((row) => [row.position, itemState(row, now)]))
  const items = snapshot.items.map((item) => ({ ...item, state: byPosition.get(item.position) ?? 'closed' }))
  await deps.kv.put(key, JSON.stringify({ ...snapshot, items }), { expirationTtl: kvTtlSeconds(snapshot.expiresAt, now) })
}

export interface LinkRequestView {
  request: LinkRequestRow
  url: string | null
  items: ConnectionWithLink[]
}

const revealRequestToken = async (deps: Deps, request: LinkRequestRow) =>
  open(await deps.keyring(), { keyVersion: request.tokenKeyVersion, blob: request.tokenBlob }, sealContext.linkRequestToken(request.id))

/** The owner's read: the URL only while an item can still be used; each item's connection with its latest link. */
export async function linkRequestOf(deps: Deps, owner: Owner, id: string, now: number): Promise<LinkRequestView> {
  const request = await findLinkRequest(deps.db, owner.workspaceId, id)
  if (!request) throw new AppError('not_found', 'Link request not found.')
  const rows = await requestItems(deps.db, request.id)
  const latest = new Map(
    (
      await latestLinksOf(
        deps.db,
        rows.map(({ connection }) => connection.id),
      )
    ).map((row) => [row.connectionId, row.link]),
  )
  const usable = rows.some(({ item }) => itemState(item, now) === 'pending')
  return {
    request,
    url: usable ? `${deps.publicOrigin}${requestListPath(await revealRequestToken(deps, request))}` : null,
    items: rows.map(({ connection, item }) => ({ connection, link: latest.get(connection.id) ?? item })),
  }
}

/** Where a finished item sends the client back to: its list, while the request's token can still be opened. */
export async function listPathOfItem(deps: Deps, requestId: string): Promise<string | null> {
  const request = await findLinkRequestById(deps.db, requestId)
  return request ? requestListPath(await revealRequestToken(deps, request)) : null
}

/** An item's app, or the refusal naming the item. */
export function requireItemApp(deps: Deps, appId: string, index: number) {
  try {
    return requireApp(deps, appId)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    throw new AppError(error.code, `Item ${index + 1}: ${error.message}`, [{ path: `items.${index}.appId`, message: 'Unknown app' }])
  }
}

/** Names differ within a request (case and spaces aside), so the client can tell the items apart. */
export function refuseDuplicateNames(names: string[]): void {
  const seen = new Set<string>()
  names.forEach((name, index) => {
    const key = name.trim().toLowerCase()
    if (seen.has(key)) {
      throw new AppError('invalid_request', `Item ${index + 1}: another item of this link is already named "${name}".`, [
        { path: `items.${index}.name`, message: 'Duplicate name' },
      ])
    }
    seen.add(key)
  })
}
