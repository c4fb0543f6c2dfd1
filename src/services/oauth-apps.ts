import { isAppAvailable, listedApps } from '../apps'
import type { AppDefinition, OAuthSpec } from '../apps/types'
import { type OAuthClientConfig, oauthClientFor } from '../config'
import { open, seal, sealContext } from '../domain/crypto'
import { credentialValueProblem } from '../domain/credential-values'
import { AppError } from '../domain/errors'
import type { Owner, PublicOAuthApp } from '../domain/shapes'
import { newId } from '../domain/tokens'
import { deleteOAuthAppRow, findOAuthAppRow, listOAuthAppRows, type OAuthAppRow, upsertOAuthAppRow } from '../db/oauth-apps'
import type { Deps } from './deps'
import { iso } from './public-shapes'

/** Where every provider sends the browser back; the one redirect URI to register. */
export const callbackUrl = (deps: Deps) => `${deps.publicOrigin}/connect/oauth/callback`

/** The demo provider is served by this worker and configured by DEMO_APPS alone; a workspace cannot replace it. */
const isOwnable = (spec: OAuthSpec) => spec.provider !== 'DEMO'

/** The OAuth client a workspace's sign-ins use: its own when it saved one, else the operator's, else none. */
export async function oauthClientOf(deps: Deps, workspaceId: string, app: AppDefinition): Promise<OAuthClientConfig | null> {
  if (!app.oauth) return null
  if (isOwnable(app.oauth)) {
    const row = await findOAuthAppRow(deps.db, workspaceId, app.oauth.provider)
    if (row) return { clientId: row.clientId, clientSecret: await openSecret(deps, row) }
  }
  return oauthClientFor(deps.env, app.oauth.provider)
}

export async function requireOAuthClient(deps: Deps, workspaceId: string, app: AppDefinition): Promise<OAuthClientConfig> {
  const client = await oauthClientOf(deps, workspaceId, app)
  if (!client) throw new AppError('app_unavailable', unavailableReason(app.oauth?.providerName ?? app.name))
  return client
}

/** One query for a whole picker: which listed apps this workspace can connect now. */
export async function availabilityIn(deps: Deps, workspaceId: string): Promise<(app: AppDefinition) => boolean> {
  const own = new Set((await listOAuthAppRows(deps.db, workspaceId)).map((row) => row.provider))
  return (app) => isAppAvailable(deps.env, app) || (app.oauth !== undefined && isOwnable(app.oauth) && own.has(app.oauth.provider))
}

/** Refuses an OAuth app nobody configured, before a connection or link is made for it. */
export async function requireAvailableApp(deps: Deps, workspaceId: string, app: AppDefinition): Promise<void> {
  if (!(await availabilityIn(deps, workspaceId))(app)) {
    throw new AppError('app_unavailable', unavailableReason(app.oauth?.providerName ?? app.name))
  }
}

/** The same for the items of a several-apps link, in one query; the refusal names the first unavailable item's place. */
export async function requireAvailableApps(deps: Deps, workspaceId: string, apps: readonly AppDefinition[]): Promise<void> {
  const available = await availabilityIn(deps, workspaceId)
  const index = apps.findIndex((app) => !available(app))
  if (index < 0) return
  const reason = unavailableReason(apps[index]!.oauth?.providerName ?? apps[index]!.name)
  throw new AppError('app_unavailable', `Item ${index + 1}: ${reason}`, [{ path: `items.${index}.appId`, message: 'App unavailable' }])
}

function unavailableReason(providerName: string): string {
  return (
    `${providerName} sign-in is not configured on this Tether. Add your own ${providerName} OAuth app in Settings → OAuth apps, ` +
    'or ask the operator to configure one.'
  )
}

/** Every provider the catalog signs in with, and whose client it uses here. */
export async function oauthAppsOf(deps: Deps, owner: Owner): Promise<PublicOAuthApp[]> {
  const rows = new Map((await listOAuthAppRows(deps.db, owner.workspaceId)).map((row) => [row.provider, row]))
  return providers(deps).map(({ spec, apps }) => publicOAuthApp(deps, spec, apps, rows.get(spec.provider)))
}

export async function saveOAuthApp(
  deps: Deps,
  owner: Owner,
  provider: string,
  input: { clientId: string; clientSecret: string },
  now: number,
): Promise<PublicOAuthApp> {
  const { spec, apps } = requireProvider(deps, provider)
  const clientId = input.clientId.trim()
  const clientSecret = input.clientSecret.trim()
  // Both travel in a Basic header or a form body at the token endpoint.
  for (const [path, value] of [
    ['clientId', clientId],
    ['clientSecret', clientSecret],
  ] as const) {
    if (!value || credentialValueProblem(value, true)) {
      throw new AppError('invalid_request', 'Paste the client ID and secret exactly as the provider shows them.', [
        { path, message: 'Invalid' },
      ])
    }
  }
  const existing = await findOAuthAppRow(deps.db, owner.workspaceId, spec.provider)
  const id = existing?.id ?? newId()
  const sealed = await seal(await deps.keyring(), clientSecret, sealContext.oauthAppSecret(id))
  const row: OAuthAppRow = {
    id,
    workspaceId: owner.workspaceId,
    provider: spec.provider,
    clientId,
    secretBlob: sealed.blob,
    secretKeyVersion: sealed.keyVersion,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
  await upsertOAuthAppRow(deps.db, row)
  return publicOAuthApp(deps, spec, apps, row)
}

/** Sign-ins fall back to the operator's client, if any; existing connections keep their tokens. */
export async function removeOAuthApp(deps: Deps, owner: Owner, provider: string): Promise<void> {
  const { spec } = requireProvider(deps, provider)
  if (!(await deleteOAuthAppRow(deps.db, owner.workspaceId, spec.provider)))
    throw new AppError('not_found', 'No OAuth app saved for this provider.')
}

function providers(deps: Deps): { spec: OAuthSpec; apps: string[] }[] {
  const byProvider = new Map<string, { spec: OAuthSpec; apps: string[] }>()
  for (const app of listedApps(deps.config)) {
    if (!app.oauth || !isOwnable(app.oauth)) continue
    const entry = byProvider.get(app.oauth.provider) ?? { spec: app.oauth, apps: [] }
    entry.apps.push(app.name)
    byProvider.set(app.oauth.provider, entry)
  }
  return [...byProvider.values()].sort((a, b) => a.spec.providerName.localeCompare(b.spec.providerName))
}

function requireProvider(deps: Deps, provider: string): { spec: OAuthSpec; apps: string[] } {
  const found = providers(deps).find(({ spec }) => spec.provider === provider.toUpperCase())
  if (!found) throw new AppError('not_found', `No app signs in with "${provider}".`)
  return found
}

function publicOAuthApp(deps: Deps, spec: OAuthSpec, apps: string[], row: OAuthAppRow | undefined): PublicOAuthApp {
  const operator = oauthClientFor(deps.env, spec.provider) !== null
  const source = row ? 'workspace' : operator ? 'operator' : 'none'
  return {
    provider: spec.provider.toLowerCase(),
    providerName: spec.providerName,
    apps,
    source,
    clientId: row?.clientId ?? null,
    redirectUri: callbackUrl(deps),
    unavailableReason: source === 'none' ? unavailableReason(spec.providerName) : null,
    updatedAt: row ? iso(row.updatedAt) : null,
  }
}

async function openSecret(deps: Deps, row: OAuthAppRow): Promise<string> {
  return open(await deps.keyring(), { keyVersion: row.secretKeyVersion, blob: row.secretBlob }, sealContext.oauthAppSecret(row.id))
}
