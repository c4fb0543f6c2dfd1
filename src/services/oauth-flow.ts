import { generateCodeVerifier, generateState } from 'arctic'
import { getApp } from '../apps'
import { authorizationUrl, exchangeCode } from '../apps/oauth'
import type { AppDefinition, Credentials, VerifiedAccount } from '../apps/types'
import { open as unseal, seal, sealContext } from '../domain/crypto'
import { timingSafeEqual } from '../domain/encoding'
import { AppError } from '../domain/errors'
import { hashToken } from '../domain/tokens'
import { findConnectionById } from '../db/connections'
import { insertOAuthState, parkOAuthState, takeOAuthState, type OAuthStateRow } from '../db/oauth-states'
import { lookUpResources, resourceLookupOf, withResource } from '../apps/resources'
import { subdomainOf } from '../apps/placement'
import { completeLink } from './link-lifecycle'
import { asOpenLink, type OpenLink } from './open-link'
import { revealLinkToken } from './links'
import { storeNewConnection, storeReplacedCredentials } from './connections'
import { withCredentialCheck } from './credential-checks'
import { verifyCredentials } from './credentials'
import type { Deps } from './deps'
import { callbackUrl, requireOAuthClient } from './oauth-apps'
import type { ClientMeta } from './events'
import { findLinkById } from '../db/links'
import { findWorkspaceUserId } from '../db/accounts'

/** Long enough to sign in with 2FA; the state cookie lives exactly as long. */
export const OAUTH_STATE_SECONDS = 600

export { callbackUrl }

export type OAuthPurpose =
  | { kind: 'link'; linkId: string; workspaceId: string }
  | { kind: 'owner'; workspaceId: string; connectionName: string; connectionId?: string }

/**
 * Creates a one-time state bound to this app and purpose, and the provider URL to send the browser to. `typed` holds
 * the form's values for the app's pre-authorize fields (a Shopify shop); a refused value throws `invalid_credentials`.
 */
export async function startOAuth(
  deps: Deps,
  app: AppDefinition,
  purpose: OAuthPurpose,
  now: number,
  typed: Record<string, unknown> = {},
): Promise<{ url: URL; state: string }> {
  const metadata = await preAuthorizeValues(deps, app, purpose, typed)
  const client = await requireOAuthClient(deps, purpose.workspaceId, app)
  // Built first: without a PUBLIC_URL it cannot be, and then no state is stored.
  const redirectUri = callbackUrl(deps)
  const state = generateState()
  const codeVerifier = generateCodeVerifier()
  const stateHash = await hashToken(state)
  const sealed = await seal(await deps.keyring(), codeVerifier, sealContext.oauthVerifier(stateHash))
  await insertOAuthState(deps.db, {
    stateHash,
    appId: app.id,
    verifierBlob: sealed.blob,
    verifierKeyVersion: sealed.keyVersion,
    linkId: purpose.kind === 'link' ? purpose.linkId : null,
    workspaceId: purpose.kind === 'owner' ? purpose.workspaceId : null,
    connectionName: purpose.kind === 'owner' ? purpose.connectionName : null,
    connectionId: purpose.kind === 'owner' ? (purpose.connectionId ?? null) : null,
    expiresAt: now + OAUTH_STATE_SECONDS * 1000,
    usedAt: null,
    metadata,
    pendingBlob: null,
    pendingKeyVersion: null,
  })
  const url = authorizationUrl(app, deps.appContext(app), client, {
    state,
    codeVerifier,
    redirectUri,
    origin: deps.publicOrigin,
    ...(metadata ? { metadata } : {}),
  })
  return { url, state }
}

/** Each a strict host label before it becomes part of a URL; the owner's reconnect reuses the connection's own. */
async function preAuthorizeValues(
  deps: Deps,
  app: AppDefinition,
  purpose: OAuthPurpose,
  typed: Record<string, unknown>,
): Promise<Record<string, string> | null> {
  const fields = app.oauth?.preAuthorizeFields ?? []
  if (fields.length === 0) return null
  const existing = purpose.kind === 'owner' && purpose.connectionId ? await findConnectionById(deps.db, purpose.connectionId) : undefined
  const kept = existing?.workspaceId === purpose.workspaceId ? (existing.metadata ?? {}) : {}
  const values: Record<string, string> = {}
  for (const field of fields) {
    const value = typed[field.key]
    try {
      values[field.key] = subdomainOf(app, typeof value === 'string' && value.trim() ? value : (kept[field.key] ?? ''))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      throw new AppError('invalid_credentials', error.message, [{ path: field.key, message: error.message }])
    }
  }
  return values
}

export interface CallbackInput {
  state: string | undefined
  cookieState: string | undefined
  code: string | undefined
  error: string | undefined
}

export type CallbackOutcome =
  | { kind: 'link_connected'; open: OpenLink; manageToken: string }
  | { kind: 'link_denied'; open: OpenLink; token: string }
  | { kind: 'owner_connected'; connectionId: string; updated: boolean }
  | { kind: 'owner_denied' }
  /** The sign-in gives access to several tenants or sites: its tokens wait, sealed, until the person picks one. */
  | { kind: 'choose_resource' }

export const UNVERIFIED = 'This sign-in could not be verified. It may have expired or been used already; please start again.'

/**
 * The state must match the cookie of the browser that started the sign-in and a live, unused
 * row; only then is a token requested, from the app the state was created for.
 */
export async function completeOAuth(deps: Deps, input: CallbackInput, meta: ClientMeta, now: number): Promise<CallbackOutcome> {
  if (!input.state || !input.cookieState || !timingSafeEqual(input.state, input.cookieState)) {
    throw new AppError('forbidden', UNVERIFIED)
  }
  const row = await takeOAuthState(deps.db, await hashToken(input.state), now)
  const app = row && getApp(row.appId)
  if (!row || !app) throw new AppError('forbidden', UNVERIFIED)
  const open = row.linkId ? await openLinkFor(deps, row.linkId, now) : null
  if (input.error || !input.code) {
    return open ? { kind: 'link_denied', open, token: await revealLinkToken(deps, open.link) } : { kind: 'owner_denied' }
  }

  const code = input.code
  const workspaceId = open ? open.connection.workspaceId : row.workspaceId
  if (!workspaceId) throw new AppError('forbidden', UNVERIFIED)
  const codeVerifier = await openVerifier(deps, row)
  // The code exchange is itself a check with the provider, so it is counted with the "who am I" that follows.
  const signedIn = await withCredentialCheck(deps, { workspaceId, audience: open ? 'client' : 'owner', now }, async () => {
    const exchanged = await exchangeCode(
      app,
      deps.appContext(app),
      await requireOAuthClient(deps, workspaceId, app),
      { code, codeVerifier, redirectUri: callbackUrl(deps), ...(row.metadata ? { metadata: row.metadata } : {}) },
      now,
    )
    const choices = resourceLookupOf(app) ? await lookUpResources(app, deps.appContext(app), exchanged) : []
    if (choices.length > 1) return { parked: { credentials: exchanged, choices } }
    const credentials = choices[0] ? withResource(app, exchanged, choices[0]) : exchanged
    return { credentials, account: await verifyCredentials(deps, app, credentials) }
  })
  if ('parked' in signedIn) {
    const sealed = await seal(await deps.keyring(), JSON.stringify(signedIn.parked), sealContext.oauthPending(row.stateHash))
    await parkOAuthState(deps.db, row.stateHash, sealed)
    return { kind: 'choose_resource' }
  }
  return finishSignIn(deps, row, app, open, signedIn.credentials, signedIn.account, meta, now)
}

/** The verified sign-in lands: on the client's link, or as the owner's new or updated connection. */
export async function finishSignIn(
  deps: Deps,
  row: OAuthStateRow,
  app: AppDefinition,
  open: OpenLink | null,
  credentials: Credentials,
  account: VerifiedAccount,
  meta: ClientMeta,
  now: number,
): Promise<CallbackOutcome> {
  if (open) {
    const manageToken = await completeLink(deps, open, credentials, account, meta, now)
    return { kind: 'link_connected', open, manageToken }
  }
  const connectionId = await storeOwnerConnection(deps, row, app, credentials, account, now)
  return { kind: 'owner_connected', connectionId, updated: row.connectionId !== null }
}

async function openVerifier(deps: Deps, row: OAuthStateRow): Promise<string> {
  return unseal(
    await deps.keyring(),
    { keyVersion: row.verifierKeyVersion, blob: row.verifierBlob },
    sealContext.oauthVerifier(row.stateHash),
  )
}

export async function openLinkFor(deps: Deps, linkId: string, now: number): Promise<OpenLink> {
  return asOpenLink(await findLinkById(deps.db, linkId), now)
}

async function storeOwnerConnection(
  deps: Deps,
  row: OAuthStateRow,
  app: AppDefinition,
  credentials: Credentials,
  account: VerifiedAccount,
  now: number,
): Promise<string> {
  if (!row.workspaceId) throw new AppError('forbidden', UNVERIFIED)
  const origin = { source: 'owner_oauth', by: (await findWorkspaceUserId(deps.db, row.workspaceId)) ?? row.workspaceId } as const
  if (row.connectionId) {
    const existing = await findConnectionById(deps.db, row.connectionId)
    if (!existing || existing.workspaceId !== row.workspaceId) throw new AppError('not_found', 'Connection not found.')
    await storeReplacedCredentials(deps, app, existing, credentials, account, origin, now, false)
    return existing.id
  }
  const created = await storeNewConnection(deps, row.workspaceId, app, row.connectionName ?? app.name, credentials, account, origin, now)
  return created.connection.id
}
