import { notificationEmail } from '../../domain/emails'
import { isNotificationType, type NotificationFacts } from '../../domain/notifications'
import { retryDelaySeconds } from '../../domain/webhook-events'
import type { Env } from '../../env'
import type { Deps } from '../deps'
import { sendMail } from '../mail'

/** One email to one person, through the webhooks' queue so the owner's change never waits on the mail service and a failure is retried. */
export interface NotificationEmailMessage {
  notificationEmail: { to: string; name: string; facts: NotificationFacts; connectionUrl: string | null }
}

/** Queues takes at most 100 messages per sendBatch call. */
const MESSAGES_PER_SEND = 100
/** A notice that has waited this many tries is stale: given up on rather than sent a day late. */
const MAX_EMAIL_ATTEMPTS = 6

export async function enqueueNotificationEmails(env: Pick<Env, 'WEBHOOKS'>, messages: NotificationEmailMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += MESSAGES_PER_SEND)
    await env.WEBHOOKS.sendBatch(messages.slice(i, i + MESSAGES_PER_SEND).map((body) => ({ body })))
}

export function isNotificationEmailMessage(body: unknown): body is NotificationEmailMessage {
  if (typeof body !== 'object' || body === null) return false
  const email = (body as { notificationEmail?: unknown }).notificationEmail
  if (typeof email !== 'object' || email === null) return false
  const { to, name, facts, connectionUrl } = email as Record<string, unknown>
  if (typeof to !== 'string' || typeof name !== 'string' || typeof facts !== 'object' || facts === null) return false
  if (connectionUrl !== null && typeof connectionUrl !== 'string') return false
  const { type, connectionId, connectionName, appName, reason } = facts as Record<string, unknown>
  return (
    typeof type === 'string' &&
    isNotificationType(type) &&
    typeof connectionId === 'string' &&
    typeof connectionName === 'string' &&
    typeof appName === 'string' &&
    (reason === null || typeof reason === 'string')
  )
}

type MailDeps = Pick<Deps, 'env' | 'config'>

export async function sendNotificationEmail(
  deps: MailDeps,
  { to, name, facts, connectionUrl }: NotificationEmailMessage['notificationEmail'],
) {
  await sendMail(deps, to, notificationEmail(name, facts, connectionUrl))
}

export async function consumeNotificationEmail(deps: MailDeps, message: Message<NotificationEmailMessage>): Promise<void> {
  try {
    await sendNotificationEmail(deps, message.body.notificationEmail)
    message.ack()
  } catch (error) {
    console.error('notifications: email not sent', error instanceof Error ? error.message : error)
    if (message.attempts >= MAX_EMAIL_ATTEMPTS) message.ack()
    else message.retry({ delaySeconds: retryDelaySeconds(message.attempts) })
  }
}
