import { type DeliveryDeps, deliverWebhook } from './deliver'
import { isWebhookMessage } from './queue'
import { retryDelaySeconds } from '../../domain/webhook-events'
import { consumeNotificationEmail, isNotificationEmailMessage, type NotificationEmailMessage } from '../notifications/email'

/**
 * The queue consumer: each message is acknowledged or retried on its own, so one slow endpoint never replays the others.
 * The queue also carries the notification emails, which need no delivery log.
 */
export async function consumeWebhooks(deps: DeliveryDeps & { clock: () => number }, batch: MessageBatch<unknown>): Promise<void> {
  for (const message of batch.messages) {
    if (isNotificationEmailMessage(message.body)) {
      await consumeNotificationEmail(deps, message as Message<NotificationEmailMessage>)
      continue
    }
    if (!isWebhookMessage(message.body)) {
      message.ack()
      continue
    }
    try {
      const outcome = await deliverWebhook(deps, message.body.deliveryId, message.attempts, deps.clock())
      if (outcome) message.retry({ delaySeconds: outcome.retryAfterSeconds })
      else message.ack()
    } catch (error) {
      console.error('webhooks: delivery could not be recorded', error instanceof Error ? error.message : error)
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) })
    }
  }
}
