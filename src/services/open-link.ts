import { getApp } from '../apps'
import type { AppDefinition } from '../apps/types'
import type { ConnectionRow, LinkRow } from '../db/connections'
import { findLinkWithConnection } from '../db/links'
import { AppError } from '../domain/errors'
import { INVALID_LINK_MESSAGE, isLinkOpen } from '../domain/links'
import { hashToken, isWellFormedToken } from '../domain/tokens'
import type { Deps } from './deps'

/** Every unusable link looks the same to the client, so a page reveals nothing. */
export const invalidLink = () => new AppError('link_invalid', INVALID_LINK_MESSAGE)

export interface OpenLink {
  link: LinkRow
  connection: ConnectionRow
  app: AppDefinition
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
