import { getApp } from '../apps'
import {
  claimGrantRevocation,
  countRunsUsing,
  findGrant,
  insertGrantForClaim,
  insertRevokedEventForClaim,
  revokeConnectionIfClaimed,
} from '../db/client-grants'
import { eventRowsIn } from '../db/events'
import { MANAGE_LINK_LIFETIME_MS, MANAGE_USAGE_WINDOW_MS } from '../domain/limits'
import { compose } from '../domain/emails'
import { AppError } from '../domain/errors'
import type { LinkBrand } from '../domain/brand'
import type { Locale } from '../domain/locales'
import { t } from '../i18n'
import type { ManagedGrant } from '../domain/shapes'
import { hashToken, isWellFormedToken, newId, newToken } from '../domain/tokens'
import type { Db } from '../db/client'
import type { Deps } from './deps'
import type { ClientMeta } from './events'
import { sendMail } from './mail'
import { enforceRateLimits, MANAGE_EMAIL_PER_GRANT } from './rate-limits'
import { prepareProviderRevocation, type ProviderRevocation } from './provider-revocation'
import { announceEvents } from './webhooks/announce'

/**
 * The client's side of what they granted: a private management link made with each successful link, the page it
 * opens, and Revoke access. The token is 192 random bits, stored only as its SHA-256 hash, and works for a year.
 */

export interface IssuedGrant {
  /** The raw token, handed to the client's browser once and never stored. */
  token: string
  statement: ReturnType<typeof insertGrantForClaim>
}

/** The grant row for the link claimed with `claimId`, to ride in the success's own batch. */
export async function prepareGrant(db: Db, claimId: string, now: number): Promise<IssuedGrant> {
  const token = newToken()
  const row = { id: newId(), tokenHash: await hashToken(token), createdAt: now, expiresAt: now + MANAGE_LINK_LIFETIME_MS }
  return { token, statement: insertGrantForClaim(db, claimId, row) }
}

export interface OpenedGrant {
  grant: ManagedGrant
  /** The owner's choice of language for the link the grant came from. */
  locale: Locale | null
  /**
   * The owner's brand on that link, without its logo: the page lives a year, longer than a replaced logo is kept
   * (docs/ARCHITECTURE.md, "The owner's brand").
   */
  brand: LinkBrand | null
}

async function lookUp(deps: Deps, token: string, now: number) {
  if (!isWellFormedToken(token)) return undefined
  const found = await findGrant(deps.db, await hashToken(token), now)
  return found && getApp(found.connection.appId) ? found : undefined
}

/** Null for an unknown, malformed or expired token, and once the connection is deleted: the page cannot tell them apart. */
export async function readGrant(deps: Deps, token: string, now: number): Promise<OpenedGrant | null> {
  const found = await lookUp(deps, token, now)
  if (!found) return null
  const { grant, connection } = found
  const runsLast30Days = grant.revokedAt === null ? await countRunsUsing(deps.db, connection.id, now - MANAGE_USAGE_WINDOW_MS) : 0
  return {
    grant: {
      appId: connection.appId,
      connectionName: connection.name,
      accountLabel: connection.accountLabel,
      requesterName: found.brand?.name ?? found.workspaceName,
      grantedAt: grant.createdAt,
      runsLast30Days,
      revokedAt: grant.revokedAt,
    },
    locale: found.locale,
    brand: found.brand ? { ...found.brand, logoUrl: null } : null,
  }
}

/**
 * Revoke access: in one batch the connection's open grants close, its sealed credentials are deleted, it becomes
 * `revoked` and its `client_revoked` event is written; of concurrent revokes only the first does any of it. Returns
 * the revocation at the provider (read before the credentials went), for the caller to run after the answer, or
 * null when there is none or nothing was left to revoke. Null `found`: the token opens nothing.
 */
export async function revokeGrant(
  deps: Deps,
  token: string,
  meta: ClientMeta,
  now: number,
): Promise<{ found: boolean; revocation: ProviderRevocation | null }> {
  const found = await lookUp(deps, token, now)
  if (!found) return { found: false, revocation: null }
  if (found.grant.revokedAt !== null) return { found: true, revocation: null }
  const { connection } = found
  const revocation = await prepareProviderRevocation(deps, connection, now).catch(() => null)
  const claimId = newId()
  const results = await deps.db.batch([
    claimGrantRevocation(deps.db, connection.id, claimId, now),
    revokeConnectionIfClaimed(deps.db, connection.id, claimId, now),
    insertRevokedEventForClaim(deps.db, claimId, { at: now, ipCountry: meta.ipCountry, userAgent: meta.userAgent }),
  ])
  const [claimed] = results
  if (claimed.length === 0) return { found: true, revocation: null }
  await announceEvents(deps, eventRowsIn(results), now)
  return { found: true, revocation }
}

/**
 * The success page's optional email of the management link, in the client's language, straight through the mail
 * binding; the address is used for this message only and never stored.
 */
export async function emailManageLink(
  deps: Deps,
  token: string,
  to: string,
  locale: Locale,
  now: number,
): Promise<'sent' | 'too_many' | 'failed'> {
  const found = await lookUp(deps, token, now)
  const app = found && getApp(found.connection.appId)
  if (!found || !app || found.grant.revokedAt !== null) return 'failed'
  try {
    await enforceRateLimits(deps.db, [{ policy: MANAGE_EMAIL_PER_GRANT, subject: found.grant.tokenHash }], now)
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return 'too_many'
    throw error
  }
  const names = { app: app.name, requester: found.workspaceName }
  const content = compose(t(locale, 'email.manageSubject', names), {
    lines: [t(locale, 'email.manageHello'), t(locale, 'email.manageBody', names)],
    action: { label: t(locale, 'email.manageAction'), url: `${deps.publicOrigin}/manage/${token}` },
    after: [t(locale, 'email.manageAfter')],
  })
  try {
    await sendMail(deps, to, content)
    return 'sent'
  } catch (error) {
    console.error('manage link email not sent', error instanceof Error ? error.name : 'unknown')
    return 'failed'
  }
}
