import { findDelivery, recordAttempt } from '../../db/webhooks'
import { open, sealContext } from '../../domain/crypto'
import { checkAppUrl } from '../../domain/url-policy'
import { retryDelaySeconds, WEBHOOK_MAX_RETRIES } from '../../domain/webhook-events'
import { signWebhook } from '../../domain/webhook-signature'
import { utf8 } from '../../domain/encoding'
import { capText } from '../../domain/truncate'
import type { Deps } from '../deps'

export type DeliveryDeps = Pick<Deps, 'db' | 'env' | 'config' | 'keyring'>

/** An endpoint has this long to answer; its body is never read. */
export const WEBHOOK_TIMEOUT_MS = 10_000
const ERROR_MAX = 300

/** What the queue should do with the message: nothing more, or try again after a delay. */
export type DeliveryOutcome = { retryAfterSeconds: number } | null

/**
 * One attempt of one delivery. `queueAttempt` is the message's own count (1 for the first try):
 * past WEBHOOK_MAX_RETRIES the queue dead-letters the message, so the log says it failed for good.
 */
export async function deliverWebhook(deps: DeliveryDeps, deliveryId: string, queueAttempt: number, now: number): Promise<DeliveryOutcome> {
  const found = await findDelivery(deps.db, deliveryId)
  if (!found || found.delivery.status === 'delivered') return null
  const { delivery, endpoint } = found
  const attempts = delivery.attempts + 1
  let status: number | null = null
  let error: string | null = null
  try {
    const url = checkAppUrl(endpoint.url, { allowLoopback: deps.config.allowLoopbackApps })
    const secret = await open(
      await deps.keyring(),
      { blob: endpoint.secretBlob, keyVersion: endpoint.secretKeyVersion },
      sealContext.webhookEndpointSecret(endpoint.id),
    )
    const timestamp = String(Math.floor(now / 1000))
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tether-Webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': timestamp,
        'webhook-signature': await signWebhook(secret, delivery.id, timestamp, utf8.encode(delivery.body)),
      },
      body: delivery.body,
    })
    await response.body?.cancel()
    status = response.status
    if (response.ok) {
      await recordAttempt(deps.db, delivery.id, {
        status: 'delivered',
        attempts,
        lastStatus: status,
        lastError: null,
        nextRetryAt: null,
        updatedAt: now,
      })
      return null
    }
    error = `The endpoint answered ${status}.`
  } catch (failure) {
    error = capText(failure instanceof Error ? failure.message : String(failure), ERROR_MAX)
  }
  const retryAfterSeconds = retryDelaySeconds(queueAttempt)
  const final = queueAttempt > WEBHOOK_MAX_RETRIES
  await recordAttempt(deps.db, delivery.id, {
    status: final ? 'failed' : 'pending',
    attempts,
    lastStatus: status,
    lastError: error,
    nextRetryAt: final ? null : now + retryAfterSeconds * 1000,
    updatedAt: now,
  })
  return { retryAfterSeconds }
}
