import {
  claimSecretReveal,
  deleteEndpoint,
  findEndpoint,
  findWorkspaceDelivery,
  insertEndpointIf,
  listDeliveries,
  listEndpoints,
  recordAttempt,
  updateEndpointSecret,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '../../db/webhooks'
import { openExpiring, seal, sealContext, sealExpiring } from '../../domain/crypto'
import { AppError } from '../../domain/errors'
import { MAX_WEBHOOK_ENDPOINTS } from '../../domain/limits'
import type { Owner, PublicWebhookDelivery, PublicWebhookEndpoint } from '../../domain/shapes'
import { checkAppUrl } from '../../domain/url-policy'
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../domain/webhook-events'
import { newWebhookSecret } from '../../domain/webhook-signature'
import { newId } from '../../domain/tokens'
import type { Deps } from '../deps'
import { iso } from '../public-shapes'
import { enqueueDeliveries } from './queue'

/** The deliveries the log shows per endpoint, newest first. */
export const DELIVERY_LOG_SIZE = 50

const notFound = () => new AppError('not_found', 'No such webhook endpoint.')

export function endpointEvents(row: WebhookEndpointRow): WebhookEventType[] {
  const parsed = JSON.parse(row.events) as unknown
  return Array.isArray(parsed) ? parsed.filter((type): type is WebhookEventType => WEBHOOK_EVENT_TYPES.includes(type)) : []
}

function publicEndpoint(row: WebhookEndpointRow): PublicWebhookEndpoint {
  return { id: row.id, url: row.url, events: endpointEvents(row), createdAt: iso(row.createdAt) }
}

export function publicDelivery(row: WebhookDeliveryRow): PublicWebhookDelivery {
  return {
    id: row.id,
    eventType: row.eventType as WebhookEventType,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    nextRetryAt: row.nextRetryAt === null ? null : iso(row.nextRetryAt),
    createdAt: iso(row.createdAt),
  }
}

async function sealSecret(deps: Deps, endpointId: string): Promise<{ secret: string; blob: string; keyVersion: string }> {
  const secret = newWebhookSecret()
  const sealed = await seal(await deps.keyring(), secret, sealContext.webhookEndpointSecret(endpointId))
  return { secret, ...sealed }
}

/** The secret is returned once, here and by `rotateEndpointSecret`; only its sealed form is stored. */
export async function createEndpoint(
  deps: Deps,
  owner: Owner,
  input: { url: string; events?: WebhookEventType[] },
  now: number,
  revealUntil: number | null = null,
): Promise<{ endpoint: PublicWebhookEndpoint; secret: string }> {
  const url = checkAppUrl(input.url, { allowLoopback: deps.config.allowLoopbackApps }).toString()
  const id = newId()
  const { secret, blob, keyVersion } = await sealSecret(deps, id)
  const row: WebhookEndpointRow = {
    id,
    workspaceId: owner.workspaceId,
    url,
    events: JSON.stringify([...new Set(input.events ?? [])]),
    secretBlob: blob,
    secretKeyVersion: keyVersion,
    secretRevealUntil: revealUntil,
    createdAt: now,
  }
  if (!(await insertEndpointIf(deps.db, row, MAX_WEBHOOK_ENDPOINTS))) {
    throw new AppError(
      'quota_exceeded',
      `This workspace has reached its limit of ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one you no longer need to add another.`,
    )
  }
  return { endpoint: publicEndpoint(row), secret }
}

export async function endpointsOfOwner(deps: Deps, owner: Owner): Promise<PublicWebhookEndpoint[]> {
  return (await listEndpoints(deps.db, owner.workspaceId)).map(publicEndpoint)
}

export async function requireEndpoint(deps: Deps, owner: Owner, id: string): Promise<PublicWebhookEndpoint> {
  const row = await findEndpoint(deps.db, owner.workspaceId, id)
  if (!row) throw notFound()
  return publicEndpoint(row)
}

export async function removeEndpoint(deps: Deps, owner: Owner, id: string): Promise<void> {
  if (!(await deleteEndpoint(deps.db, owner.workspaceId, id))) throw notFound()
}

/** The old secret stops signing at once: deliveries still queued are signed with the new one. */
export async function rotateEndpointSecret(
  deps: Deps,
  owner: Owner,
  id: string,
  revealUntil: number | null = null,
): Promise<{ endpoint: PublicWebhookEndpoint; secret: string }> {
  const row = await findEndpoint(deps.db, owner.workspaceId, id)
  if (!row) throw notFound()
  const { secret, blob, keyVersion } = await sealSecret(deps, id)
  if (!(await updateEndpointSecret(deps.db, owner.workspaceId, id, { blob, keyVersion }, revealUntil))) throw notFound()
  return { endpoint: publicEndpoint(row), secret }
}

export async function deliveriesOf(deps: Deps, owner: Owner, endpointId: string): Promise<PublicWebhookDelivery[]> {
  await requireEndpoint(deps, owner, endpointId)
  return (await listDeliveries(deps.db, owner.workspaceId, endpointId, DELIVERY_LOG_SIZE)).map(publicDelivery)
}

/** The same body and `webhook-id` again, as a fresh queue message with its own retries. */
export async function resendDelivery(
  deps: Deps,
  owner: Owner,
  endpointId: string,
  deliveryId: string,
  now: number,
): Promise<PublicWebhookDelivery> {
  const row = await findWorkspaceDelivery(deps.db, owner.workspaceId, deliveryId)
  if (!row || row.endpointId !== endpointId) throw new AppError('not_found', 'No such delivery.')
  const fields = {
    status: 'pending' as const,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    nextRetryAt: now,
    updatedAt: now,
  }
  await recordAttempt(deps.db, row.id, fields)
  await enqueueDeliveries(deps.env, [row.id])
  return publicDelivery({ ...row, ...fields })
}

/** How long the Settings page may still show a just-created or rotated secret (one page load, then it is gone). */
export const SECRET_REVEAL_MS = 2 * 60_000

/** The new secret sealed for the page's one-time cookie: bound to its endpoint, useless after SECRET_REVEAL_MS. */
export async function sealEndpointSecretReveal(deps: Deps, endpointId: string, secret: string, now: number): Promise<string> {
  const sealed = await sealExpiring(
    await deps.keyring(),
    secret,
    sealContext.webhookEndpointSecretReveal(endpointId),
    now + SECRET_REVEAL_MS,
  )
  return `${endpointId}.${sealed}`
}

/** Anything that does not open, names another workspace's endpoint, is too old or was shown already shows nothing. */
export async function openEndpointSecretReveal(
  deps: Deps,
  owner: Owner,
  value: string,
  now: number,
): Promise<{ endpointId: string; secret: string } | null> {
  const dot = value.indexOf('.')
  if (dot < 1) return null
  const endpointId = value.slice(0, dot)
  const secret = await openExpiring<string>(
    await deps.keyring(),
    value.slice(dot + 1),
    sealContext.webhookEndpointSecretReveal(endpointId),
    now,
  )
  if (typeof secret !== 'string' || !(await claimSecretReveal(deps.db, owner.workspaceId, endpointId, now))) return null
  return { endpointId, secret }
}
