import { open, seal, sealContext } from '../domain/crypto'
import type { LinkBrand } from '../domain/brand'
import { AppError } from '../domain/errors'
import { isLinkOpen, type LinkPurpose, linkExpiresAt } from '../domain/links'
import type { Locale } from '../domain/locales'
import { hashToken, newId, newToken } from '../domain/tokens'
import type { ConnectionRow, LinkRow } from '../db/connections'
import { requireConnection } from './access'
import type { Deps } from './deps'
import { storeSnapshot } from './link-snapshots'
import type { Owner } from '../domain/shapes'

export interface IssuedLink {
  row: LinkRow
  url: string
}

export const linkUrl = (deps: Deps, token: string) => `${deps.publicOrigin}/connect/${token}`

export interface NewLink {
  token: string
  tokenHash: string
  row: LinkRow
}

/** What the owner adds to a link beyond its lifetime: their brand as it is now, and where the client goes back to. */
export interface LinkExtras {
  brand?: LinkBrand | null
  returnUrl?: string | null
  /** An item of a several-apps link: its request, its place in it, and its token (derived from the request's). */
  item?: { requestId: string; position: number; token: string } | null
}

export async function prepareLink(
  deps: Deps,
  connection: ConnectionRow,
  purpose: LinkPurpose,
  minutes: number | undefined,
  now: number,
  allowAccountChange = false,
  locale: Locale | null = null,
  extra: LinkExtras = {},
): Promise<NewLink> {
  const item = extra.item ?? null
  const token = item?.token ?? newToken()
  const id = newId()
  const sealed = await seal(await deps.keyring(), token, sealContext.linkToken(id))
  const tokenHash = await hashToken(token)
  const row: LinkRow = {
    id,
    connectionId: connection.id,
    workspaceId: connection.workspaceId,
    tokenHash,
    tokenBlob: sealed.blob,
    tokenKeyVersion: sealed.keyVersion,
    purpose,
    status: 'pending',
    failedAttempts: 0,
    claimId: null,
    checkLeaseUntil: null,
    rejectReason: null,
    allowAccountChange,
    locale,
    brand: extra.brand ?? null,
    returnUrl: extra.returnUrl ?? null,
    expiresAt: linkExpiresAt(now, minutes),
    createdAt: now,
    closedAt: null,
    requestId: item?.requestId ?? null,
    requestPosition: item?.position ?? null,
  }
  return { token, tokenHash, row }
}

/** The URL is built first: if it cannot be (no PUBLIC_URL), nothing is written. */
export async function publishLink(deps: Deps, owner: Owner, connection: ConnectionRow, link: NewLink, now: number): Promise<IssuedLink> {
  const url = linkUrl(deps, link.token)
  await storeSnapshot(
    deps,
    link.tokenHash,
    {
      v: 2,
      linkId: link.row.id,
      connectionId: connection.id,
      workspaceId: connection.workspaceId,
      appId: connection.appId,
      connectionName: connection.name,
      requesterName: owner.name,
      requesterEmail: owner.emailVerified ? owner.email : null,
      purpose: link.row.purpose,
      expiresAt: link.row.expiresAt,
      ...(link.row.locale ? { locale: link.row.locale } : {}),
      ...(link.row.brand ? { brand: link.row.brand } : {}),
    },
    now,
  )
  return { row: link.row, url }
}

/** The connection's latest link; its URL only while it can still be used. */
export async function currentLink(
  deps: Deps,
  owner: Owner,
  connectionId: string,
  now: number,
): Promise<{ row: LinkRow; url: string | null }> {
  const { link } = await requireConnection(deps, owner, connectionId)
  if (!link) throw new AppError('not_found', 'This connection has no link.')
  if (!isLinkOpen(link, now)) return { row: link, url: null }
  return { row: link, url: linkUrl(deps, await revealLinkToken(deps, link)) }
}

/** The raw token is kept sealed so the owner (or a client retrying) can see the link again. */
export async function revealLinkToken(deps: Deps, link: LinkRow): Promise<string> {
  return open(await deps.keyring(), { keyVersion: link.tokenKeyVersion, blob: link.tokenBlob }, sealContext.linkToken(link.id))
}
