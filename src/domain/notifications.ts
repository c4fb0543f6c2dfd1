import { type AuditFacts, type WebhookEventType, webhookTypesFor } from './webhook-events'

/** What the workspace's people are told of, in the app and by email: the moments an owner has to act on or wants to know. */
export const NOTIFICATION_TYPES = [
  'link.accepted',
  'link.rejected',
  'link.expired',
  'link.locked',
  'connection.needs_reconnect',
  'connection.revoked',
] as const satisfies readonly WebhookEventType[]

export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

export type NotificationChannel = 'inApp' | 'email'

export type NotificationSettings = Record<NotificationType, Record<NotificationChannel, boolean>>

export function isNotificationType(type: string): type is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(type)
}

/** The one notification an audit event stands for, if any (an event maps to at most one of these types). */
export function notificationTypeFor(facts: AuditFacts): NotificationType | null {
  return webhookTypesFor(facts).find(isNotificationType) ?? null
}

/** Every type on in both channels, with the workspace's own choices laid over it. */
export function notificationSettings(changed: readonly { type: string; inApp: boolean; email: boolean }[]): NotificationSettings {
  const settings = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, { inApp: true, email: true }])) as NotificationSettings
  for (const row of changed) if (isNotificationType(row.type)) settings[row.type] = { inApp: row.inApp, email: row.email }
  return settings
}

/** What the settings page calls each type. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  'link.accepted': 'A client accepted a link',
  'link.rejected': 'A client rejected a link',
  'link.expired': 'A link expired unused',
  'link.locked': 'A link locked after too many wrong keys',
  'connection.needs_reconnect': 'A connection needs reconnecting',
  'connection.revoked': 'A client revoked access',
}

/** What a notification records: plain facts, never credentials. */
export interface NotificationFacts {
  type: NotificationType
  connectionId: string
  connectionName: string
  appName: string
  reason: string | null
}

/** The one sentence of a notification, shared by the list and the email. */
export function notificationSentence({ type, connectionName, appName, reason }: NotificationFacts): string {
  const subject = `“${connectionName}” (${appName})`
  switch (type) {
    case 'link.accepted':
      return `Your client accepted the link for ${subject}: the connection is ready to use.`
    case 'link.rejected':
      return reason
        ? `Your client rejected the link for ${subject}. Their reason: “${reason}”`
        : `Your client rejected the link for ${subject} without giving a reason.`
    case 'link.expired':
      return `The link for ${subject} expired before your client used it. Send a new link if you still need access.`
    case 'link.locked':
      return `The link for ${subject} locked after too many wrong keys. Send a new link if your client still wants to connect.`
    case 'connection.needs_reconnect':
      return `${appName} refused the credentials of ${subject}: it needs reconnecting before workflows can use it again.`
    case 'connection.revoked':
      return (
        `Your client revoked the access of ${subject}: its credentials are deleted and workflows can no longer use it. ` +
        'Send a new link if you still need access.'
      )
  }
}

/** Short enough for a subject line and the list's heading. */
export function notificationTitle({ type, connectionName }: Pick<NotificationFacts, 'type' | 'connectionName'>): string {
  switch (type) {
    case 'link.accepted':
      return `${connectionName}: link accepted`
    case 'link.rejected':
      return `${connectionName}: link rejected`
    case 'link.expired':
      return `${connectionName}: link expired unused`
    case 'link.locked':
      return `${connectionName}: link locked`
    case 'connection.needs_reconnect':
      return `${connectionName}: needs reconnect`
    case 'connection.revoked':
      return `${connectionName}: access revoked by the client`
  }
}
