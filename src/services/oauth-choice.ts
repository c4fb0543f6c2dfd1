import { getApp } from '../apps'
import type { ResourceChoice } from '../apps/resources'
import { withResource } from '../apps/resources'
import type { AppDefinition, OAuthCredentials } from '../apps/types'
import { open as unseal, sealContext } from '../domain/crypto'
import { AppError } from '../domain/errors'
import type { Locale } from '../domain/locales'
import { hashToken } from '../domain/tokens'
import { findLinkById } from '../db/links'
import { findParkedOAuthState, type OAuthStateRow, takeParkedOAuthState } from '../db/oauth-states'
import { withCredentialCheck } from './credential-checks'
import { verifyCredentials } from './credentials'
import type { Deps } from './deps'
import type { ClientMeta } from './events'
import { type CallbackOutcome, finishSignIn, openLinkFor, UNVERIFIED } from './oauth-flow'

/** A sign-in that gave access to several tenants or sites (completeOAuth's `choose_resource`), waiting for a pick. */
interface ParkedSignIn {
  credentials: OAuthCredentials
  choices: ResourceChoice[]
}

export interface ResourceChoices {
  app: AppDefinition
  choices: ResourceChoice[]
  /** The link's language for a client's sign-in; null for the owner's. */
  locale: Locale | null
}

/** What the page offers; the browser's state cookie names the sign-in, as it did at the callback. */
export async function parkedChoices(deps: Deps, cookieState: string | undefined, now: number): Promise<ResourceChoices> {
  const { row, app, parked } = await findParked(deps, cookieState, now)
  const link = row.linkId ? await findLinkById(deps.db, row.linkId) : undefined
  return { app, choices: parked.choices, locale: link?.link.locale ?? null }
}

/** The pick completes the sign-in like a callback with one choice would have: verified, then stored. Single use. */
export async function chooseResource(
  deps: Deps,
  input: { cookieState: string | undefined; choice: string | undefined },
  meta: ClientMeta,
  now: number,
): Promise<CallbackOutcome> {
  const { row, app, parked } = await findParked(deps, input.cookieState, now)
  const choice = parked.choices.find((entry) => entry.id === input.choice)
  if (!choice) throw new AppError('invalid_request', 'Choose one of the listed options.')
  if (!(await takeParkedOAuthState(deps.db, row.stateHash, now))) throw new AppError('forbidden', UNVERIFIED)
  const open = row.linkId ? await openLinkFor(deps, row.linkId, now) : null
  const workspaceId = open ? open.connection.workspaceId : row.workspaceId
  if (!workspaceId) throw new AppError('forbidden', UNVERIFIED)
  const credentials = withResource(app, parked.credentials, choice)
  const budget = { workspaceId, audience: open ? 'client' : 'owner', now } as const
  const account = await withCredentialCheck(deps, budget, () => verifyCredentials(deps, app, credentials))
  return finishSignIn(deps, row, app, open, credentials, account, meta, now)
}

async function findParked(
  deps: Deps,
  cookieState: string | undefined,
  now: number,
): Promise<{ row: OAuthStateRow; app: AppDefinition; parked: ParkedSignIn }> {
  const row = cookieState ? await findParkedOAuthState(deps.db, await hashToken(cookieState), now) : undefined
  const app = row && getApp(row.appId)
  if (!row?.pendingBlob || !row.pendingKeyVersion || !app) throw new AppError('forbidden', UNVERIFIED)
  const json = await unseal(
    await deps.keyring(),
    { keyVersion: row.pendingKeyVersion, blob: row.pendingBlob },
    sealContext.oauthPending(row.stateHash),
  )
  return { row, app, parked: JSON.parse(json) as ParkedSignIn }
}
