import { type DeliveryDeps, deliverWebhook } from './deliver'
import { isWebhookMessage } from './queue'
import { retryDelaySeconds } from '../../domain/webhook-events'

/** The queue consumer: each message is acknowledged or retried on its own, so one slow endpoint never replays the others. */
export async function consumeWebhooks(deps: DeliveryDeps & { clock: () => number }, batch: MessageBatch<unknown>): Promise<void> {
  for (const message of batch.messages) {
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
