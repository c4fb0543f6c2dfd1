import type { UserRow } from '../db/accounts'
import {
  claimReveal,
  deleteApiToken,
  findApiToken,
  insertApiToken,
  type ListedApiToken,
  listApiTokens,
  touchApiToken,
} from '../db/api-tokens'
import type { Db } from '../db/client'
import { open, seal, sealContext } from '../domain/crypto'
import { AppError } from '../domain/errors'
import { TOKEN_EXPIRY_DAYS_DEFAULT } from '../domain/limits'
import type { Owner, PublicApiToken } from '../domain/shapes'
import { LAST_USED_EVERY_MS, type TokenScope } from '../domain/token-scope'
import { hashToken, newId, newToken } from '../domain/tokens'
import type { Deps } from './deps'

const DAY_MS = 24 * 60 * 60 * 1000
/** How long the dashboard's one-time cookie may wait for the page that shows the new token. */
export const REVEAL_LIFETIME_MS = 5 * 60 * 1000

export interface NewApiToken {
  name: string
  scope?: TokenScope
  expiresInDays?: number
}

export interface CreatedApiToken {
  token: string
  publicToken: PublicApiToken
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString())

function publicApiToken(row: ListedApiToken): PublicApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
  }
}

/** Only a signed-in person mints tokens: a leaked token must not be able to mint itself successors. */
export async function createApiToken(
  db: Db,
  owner: Owner,
  input: NewApiToken,
  now: number,
  revealUntil: number | null = null,
): Promise<CreatedApiToken> {
  if (owner.via !== 'session') {
    throw new AppError('forbidden', 'API tokens can only be created by a signed-in user, not with another API token.')
  }
  const token = `tth_${newToken()}`
  const row = {
    id: newId(),
    tokenHash: await hashToken(token),
    userId: owner.userId,
    name: input.name,
    scope: input.scope ?? 'write',
    createdAt: now,
    expiresAt: now + (input.expiresInDays ?? TOKEN_EXPIRY_DAYS_DEFAULT) * DAY_MS,
    lastUsedAt: null,
    revealUntil,
  }
  await insertApiToken(db, row)
  return { token, publicToken: publicApiToken(row) }
}

export async function apiTokensOf(db: Db, owner: Owner): Promise<PublicApiToken[]> {
  return (await listApiTokens(db, owner.userId)).map(publicApiToken)
}

/** A write token may revoke tokens, itself included: revoking only ever takes access away. */
export async function revokeApiToken(db: Db, owner: Owner, id: string): Promise<void> {
  if (!(await deleteApiToken(db, owner.userId, id))) throw new AppError('not_found', 'There is no such API token.')
}

export async function ownerForApiToken(
  db: Db,
  token: string,
  now: number,
): Promise<{ user: UserRow; tokenId: string; scope: TokenScope; lastUsedAt: number | null } | undefined> {
  const found = await findApiToken(db, await hashToken(token), now)
  return found && { user: found.user, tokenId: found.token.id, scope: found.token.scope, lastUsedAt: found.token.lastUsedAt }
}

export async function noteApiTokenUse(db: Db, tokenId: string, now: number): Promise<void> {
  await touchApiToken(db, tokenId, now, LAST_USED_EVERY_MS)
}

/**
 * The dashboard's one-time display: the token, sealed, travels in a short-lived cookie (never at rest,
 * never in a URL); D1 decides the one time it is shown.
 */
export async function createApiTokenToReveal(deps: Deps, owner: Owner, input: NewApiToken, now: number): Promise<string> {
  const created = await createApiToken(deps.db, owner, input, now, now + REVEAL_LIFETIME_MS)
  const sealed = await seal(await deps.keyring(), created.token, sealContext.apiTokenReveal(created.publicToken.id))
  return [created.publicToken.id, sealed.keyVersion, sealed.blob].join('.')
}

/** The token the cookie holds, the first time only; null on a reload, a replay, another owner or a mangled cookie. */
export async function revealApiToken(deps: Deps, owner: Owner, cookie: string, now: number): Promise<string | null> {
  const [id, keyVersion, blob] = cookie.split('.')
  if (!id || !keyVersion || !blob) return null
  if (!(await claimReveal(deps.db, owner.userId, id, now))) return null
  return open(await deps.keyring(), { keyVersion, blob }, sealContext.apiTokenReveal(id)).catch(() => null)
}
