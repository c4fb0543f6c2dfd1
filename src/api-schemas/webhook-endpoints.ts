import * as z from 'zod'
import { WEBHOOK_URL_MAX } from '../domain/limits'
import { WEBHOOK_EVENT_TYPES } from '../domain/webhook-events'
import { id, timestamp } from './common'

const eventType = z.enum(WEBHOOK_EVENT_TYPES)

export const createWebhookEndpointSchema = z
  .object({
    url: z
      .string()
      .min(1)
      .max(WEBHOOK_URL_MAX)
      .describe('An https:// address on the public internet; it is called with a signed POST per event.'),
    events: z
      .array(eventType)
      .max(WEBHOOK_EVENT_TYPES.length)
      .optional()
      .describe(
        'The event types to send; every type when absent or empty. `connection.revoked`: the client revoked the access from ' +
          'their management page (the credentials are deleted, `status: "revoked"`); a new link reconnects it.',
      ),
  })
  .strict()

export const deliveryParams = z.object({ id, deliveryId: id })

export const webhookEndpoint = z.strictObject({
  id: z.string(),
  url: z.url(),
  events: z.array(eventType).describe('Empty: every event type.'),
  createdAt: timestamp,
})

const secret = z
  .string()
  .startsWith('whsec_')
  .describe('Standard Webhooks signing secret (`whsec_` + base64 key). Shown only in this answer; verify deliveries with it.')

export const webhookEndpointCreatedResponse = z.strictObject({ endpoint: webhookEndpoint.extend({ secret }) })
export const webhookEndpointResponse = z.strictObject({ endpoint: webhookEndpoint })
export const webhookEndpointListResponse = z.strictObject({ endpoints: z.array(webhookEndpoint) })

export const webhookDelivery = z.strictObject({
  id: z.string().describe('The `webhook-id` header of every attempt.'),
  eventType,
  status: z.enum(['pending', 'delivered', 'failed']).describe('`failed`: every retry over about 41 hours failed; Resend tries again.'),
  attempts: z.number().int().min(0),
  lastStatus: z.number().int().nullable().describe('The HTTP status of the last attempt; null when it got no answer.'),
  lastError: z.string().nullable(),
  nextRetryAt: timestamp.nullable(),
  createdAt: timestamp,
})

export const webhookDeliveryListResponse = z.strictObject({ deliveries: z.array(webhookDelivery) })
export const webhookDeliveryResponse = z.strictObject({ delivery: webhookDelivery })
