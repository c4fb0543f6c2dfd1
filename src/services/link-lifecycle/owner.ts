import { and } from 'drizzle-orm'
import {
  type ConnectionRow,
  type ConnectionWithLink,
  connectionsBelow,
  countConnections,
  insertConnectionIf,
  pendingConnectionRow,
} from '../../db/connections'
import { insertItemConnection, insertLinkRequestIf, type LinkRequestRow } from '../../db/link-requests'
import { insertEventForConnection, insertEventForLink } from '../../db/events'
import { insertEventsForClaim, insertLinkIf, openLinksBelow, revokeOpenLinks, updateConnectionIfLinked } from '../../db/links'
import { MAX_CONNECTIONS, MAX_OPEN_LINKS } from '../../domain/limits'
import { type LinkPurpose, linkExpiresAt } from '../../domain/links'
import type { Locale } from '../../domain/locales'
import type { Owner } from '../../domain/shapes'
import { newId } from '../../domain/tokens'
import { requireApp, requireConnection } from '../access'
import { linkBrandFor } from '../brand'
import type { Deps } from '../deps'
import { requireAvailableApp, requireAvailableApps } from '../oauth-apps'
import { type EventType, newEvent, newLinkEvent } from '../events'
import {
  forgetRequestList,
  prepareLinkRequest,
  publishRequestList,
  refuseDuplicateNames,
  requestListPath,
  requireItemApp,
} from '../link-requests'
import { type IssuedLink, prepareLink, publishLink } from '../links'
import { iso } from '../public-shapes'
import { newLinkCounter, quotaExceeded } from '../quotas'

import { claimEvent, commit, returnUrlOf, type Statement } from './commit'

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
