import type { Env } from '../../env'

/** What travels through the queue: only the delivery's id, the body waits in D1. */
export interface WebhookMessage {
  deliveryId: string
}

/** Queues takes at most 100 messages per sendBatch call. */
const MESSAGES_PER_SEND = 100

export async function enqueueDeliveries(env: Pick<Env, 'WEBHOOKS'>, deliveryIds: string[]): Promise<void> {
  for (let i = 0; i < deliveryIds.length; i += MESSAGES_PER_SEND) {
    await env.WEBHOOKS.sendBatch(
      deliveryIds.slice(i, i + MESSAGES_PER_SEND).map((deliveryId) => ({ body: { deliveryId } satisfies WebhookMessage })),
    )
  }
}

export function isWebhookMessage(body: unknown): body is WebhookMessage {
  return typeof body === 'object' && body !== null && typeof (body as { deliveryId?: unknown }).deliveryId === 'string'
}
