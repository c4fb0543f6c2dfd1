import type { ConnectionRow, LinkRow } from '../../db/connections'
import type { EventRow } from '../../db/events'
import { announcedSubjects, endpointsOf, insertDeliveries, type NewWebhookDelivery } from '../../db/webhooks'
import { effectiveLinkStatus } from '../../domain/links'
import { subscribes, type WebhookEventType, type WebhookLink, webhookPayload, webhookTypesFor } from '../../domain/webhook-events'
import { newId } from '../../domain/tokens'
import type { Deps } from '../deps'

/** The request's origin, when there is one, only for the links in notification emails. */
export type AnnounceDeps = Pick<Deps, 'db' | 'env'> & Partial<Pick<Deps, 'publicOrigin'>>
import { iso, publicConnection } from '../public-shapes'
import { enqueueDeliveries } from './queue'
import { endpointEvents } from './endpoints'
import { notifyPeople } from '../notifications/record'

const parsedDetail = (event: EventRow): Record<string, unknown> | null =>
  event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : null

function webhookLink(link: LinkRow, event: EventRow, now: number): WebhookLink {
  const reason = event.type === 'rejected' ? link.rejectReason : null
  return {
    id: link.id,
    status: effectiveLinkStatus(link, now),
    purpose: link.purpose,
    expiresAt: iso(link.expiresAt),
    ...(reason ? { reason } : {}),
  }
}

/**
 * After a D1 batch has committed: one delivery per event and subscribed endpoint, logged in D1,
 * then handed to the queue. `gone` holds connections the batch deleted, as they were. Never throws:
 * the owner's change stands whatever happens to its announcement. The people of the workspace are told beside it.
 */
export async function announceEvents(deps: AnnounceDeps, events: EventRow[], now: number, gone: ConnectionRow[] = []): Promise<void> {
  await Promise.all([announceSafely(deps, events, now, gone), notifyPeople(deps, events)])
}

async function announceSafely(deps: AnnounceDeps, events: EventRow[], now: number, gone: ConnectionRow[]): Promise<void> {
  try {
    await announce(deps, events, now, gone)
  } catch (error) {
    console.error('webhooks: announcing events failed', error instanceof Error ? error.message : error)
  }
}

async function announce(deps: AnnounceDeps, events: EventRow[], now: number, gone: ConnectionRow[]): Promise<void> {
  const typed = events.flatMap((event) =>
    webhookTypesFor({ type: event.type, detail: parsedDetail(event) }).map((type) => ({ event, type })),
  )
  if (typed.length === 0) return
  const endpoints = await endpointsOf(deps.db, [...new Set(typed.map(({ event }) => event.workspaceId))])
  if (endpoints.length === 0) return
  const subjects = await announcedSubjects(
    deps.db,
    [...new Set(typed.map(({ event }) => event.connectionId))],
    [...new Set(typed.flatMap(({ event }) => (event.linkId ? [event.linkId] : [])))],
  )
  const connectionsById = new Map<string, { connection: ConnectionRow; link: LinkRow | null }>(
    gone.map((connection) => [connection.id, { connection, link: null }]),
  )
  for (const row of subjects.connections) connectionsById.set(row.connection.id, row)
  const linksById = new Map(subjects.links.map((link) => [link.id, link]))

  const deliveries: NewWebhookDelivery[] = []
  for (const { event, type } of typed) {
    const subject = connectionsById.get(event.connectionId)
    if (!subject) continue
    const link = event.linkId ? linksById.get(event.linkId) : undefined
    const body = JSON.stringify(
      webhookPayload(
        type,
        `evt_${event.id}_${type}`,
        event.at,
        publicConnection(subject.connection, subject.link, now),
        link ? webhookLink(link, event, now) : null,
      ),
    )
    for (const endpoint of endpoints) {
      if (endpoint.workspaceId !== event.workspaceId || !subscribes(endpointEvents(endpoint), type)) continue
      deliveries.push(newDelivery(endpoint.id, event.workspaceId, type, body, now))
    }
  }
  if (deliveries.length === 0) return
  await insertDeliveries(deps.db, deliveries)
  await enqueueDeliveries(
    deps.env,
    deliveries.map((delivery) => delivery.id),
  )
}

function newDelivery(endpointId: string, workspaceId: string, eventType: WebhookEventType, body: string, now: number): NewWebhookDelivery {
  return {
    id: `msg_${newId()}`,
    endpointId,
    workspaceId,
    eventType,
    body,
    status: 'pending',
    attempts: 0,
    lastStatus: null,
    lastError: null,
    nextRetryAt: now,
    createdAt: now,
    updatedAt: now,
  }
}
