import type { PublicConnection, PublicLinkSummary } from './shapes'

/** What an owner's endpoint may subscribe to; an endpoint with no list gets them all. */
export const WEBHOOK_EVENT_TYPES = [
  'link.created',
  'link.opened',
  'link.accepted',
  'link.rejected',
  'link.expired',
  'link.locked',
  'connection.created',
  'connection.refreshed',
  'connection.needs_reconnect',
  'connection.deleted',
  'connection.revoked',
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** An audit event as the webhooks see it: its internal type and what it recorded. */
export interface AuditFacts {
  type: string
  detail: Record<string, unknown> | null
}

/**
 * The public types an audit event stands for. An accepted link also creates or refreshes its
 * connection; an owner's new link (`refreshed` in the audit trail) is a created link too.
 * Token refreshes by runs are routine and announced by nothing.
 */
export function webhookTypesFor({ type, detail }: AuditFacts): WebhookEventType[] {
  switch (type) {
    case 'link_created':
    case 'refreshed':
      return ['link.created']
    case 'opened':
      return ['link.opened']
    case 'credentials_submitted':
      return ['link.accepted', detail?.purpose === 'refresh' ? 'connection.refreshed' : 'connection.created']
    case 'rejected':
      return ['link.rejected']
    case 'expired':
      return ['link.expired']
    case 'locked':
      return ['link.locked']
    case 'created':
      return detail?.via === 'direct' ? ['connection.created'] : []
    case 'credentials_updated':
      return ['connection.refreshed']
    case 'needs_reconnect':
      return ['connection.needs_reconnect']
    case 'deleted':
      return ['connection.deleted']
    case 'client_revoked':
      return ['connection.revoked']
    default:
      return []
  }
}

export function subscribes(events: readonly WebhookEventType[], type: WebhookEventType): boolean {
  return events.length === 0 || events.includes(type)
}

export type WebhookConnection = Pick<PublicConnection, 'id' | 'appId' | 'name' | 'status' | 'badge' | 'accountLabel'>
export type WebhookLink = PublicLinkSummary & { id: string; reason?: string }

export interface WebhookPayload {
  type: WebhookEventType
  id: string
  timestamp: string
  data: { connection: WebhookConnection; link?: WebhookLink }
}

/** The body is built from public shapes only, so credentials cannot reach it. */
export function webhookPayload(
  type: WebhookEventType,
  id: string,
  at: number,
  connection: PublicConnection,
  link: WebhookLink | null,
): WebhookPayload {
  const { appId, name, status, badge, accountLabel } = connection
  return {
    type,
    id,
    timestamp: new Date(at).toISOString(),
    data: { connection: { id: connection.id, appId, name, status, badge, accountLabel }, ...(link ? { link } : {}) },
  }
}

/**
 * Exponential backoff, 1 minute doubling up to the Queues ceiling of 12 hours per delay: attempt 12
 * is sent about 41 hours after the first, past the 24 hours promised, then the queue dead-letters it.
 */
export const WEBHOOK_FIRST_RETRY_SECONDS = 60
export const WEBHOOK_MAX_RETRY_SECONDS = 12 * 60 * 60
export const WEBHOOK_MAX_RETRIES = 12

export function retryDelaySeconds(attempt: number): number {
  return Math.min(WEBHOOK_FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempt - 1), WEBHOOK_MAX_RETRY_SECONDS)
}
