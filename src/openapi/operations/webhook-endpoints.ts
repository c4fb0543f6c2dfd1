import { idParam } from '../../api-schemas/common'
import {
  createWebhookEndpointSchema,
  deliveryParams,
  webhookDeliveryListResponse,
  webhookDeliveryResponse,
  webhookEndpointCreatedResponse,
  webhookEndpointListResponse,
  webhookEndpointResponse,
} from '../../api-schemas/webhook-endpoints'
import { MAX_WEBHOOK_ENDPOINTS } from '../../domain/limits'
import { quotaResponse } from '../errors'
import type { NamedBody, Operation } from '../types'

const exampleEndpoint = {
  id: 'Q2xpZW50RW5kcG9p',
  url: 'https://ops.agency.example/tether-events',
  events: ['link.accepted', 'link.rejected'],
  createdAt: '2026-12-01T09:30:00.000Z',
}
const exampleSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const exampleDelivery = {
  id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
  eventType: 'link.accepted',
  status: 'pending',
  attempts: 2,
  lastStatus: 500,
  lastError: 'The endpoint answered 500.',
  nextRetryAt: '2026-12-01T09:32:00.000Z',
  createdAt: '2026-12-01T09:30:00.000Z',
}

const secretBody: NamedBody = {
  name: 'WebhookEndpointCreatedResponse',
  schema: webhookEndpointCreatedResponse,
  example: { endpoint: { ...exampleEndpoint, secret: exampleSecret } },
}
const endpointBody: NamedBody = { name: 'WebhookEndpointResponse', schema: webhookEndpointResponse, example: { endpoint: exampleEndpoint } }

const signing =
  'Each event is POSTed as JSON `{type, id, timestamp, data: {connection, link?}}` (never credentials), signed per Standard ' +
  'Webhooks: `webhook-id` (the same on every retry), `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of ' +
  '"id.timestamp.body">`. A non-2xx answer is retried with exponential backoff for about 41 hours.'

export const webhookEndpointOperations: Operation[] = [
  {
    operationId: 'listWebhookEndpoints',
    method: 'get',
    path: '/api/v1/webhook-endpoints',
    summary: 'List the workspace’s webhook endpoints',
    tag: 'webhooks',
    auth: 'owner',
    responses: {
      200: {
        description: 'Every endpoint, without its secret.',
        body: { name: 'WebhookEndpointListResponse', schema: webhookEndpointListResponse, example: { endpoints: [exampleEndpoint] } },
      },
    },
  },
  {
    operationId: 'createWebhookEndpoint',
    method: 'post',
    path: '/api/v1/webhook-endpoints',
    summary: 'Subscribe an endpoint to link and connection lifecycle events',
    description: `${signing} The secret is in this answer only (\`Cache-Control: no-store\`).`,
    tag: 'webhooks',
    auth: 'owner',
    requestBody: {
      name: 'WebhookEndpointRequest',
      schema: createWebhookEndpointSchema,
      required: true,
      example: { url: exampleEndpoint.url, events: exampleEndpoint.events },
    },
    responses: {
      201: { description: 'The endpoint and its signing secret.', body: secretBody },
      400: 'InvalidRequest',
      409: quotaResponse(
        `the workspace holds ${MAX_WEBHOOK_ENDPOINTS} endpoints`,
        `This workspace has reached its limit of ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one you no longer need to add another.`,
      ),
    },
  },
  {
    operationId: 'getWebhookEndpoint',
    method: 'get',
    path: '/api/v1/webhook-endpoints/:id',
    summary: 'Get a webhook endpoint',
    tag: 'webhooks',
    auth: 'owner',
    params: idParam,
    responses: { 200: { description: 'The endpoint, without its secret.', body: endpointBody }, 404: 'NotFound' },
  },
  {
    operationId: 'deleteWebhookEndpoint',
    method: 'delete',
    path: '/api/v1/webhook-endpoints/:id',
    summary: 'Delete a webhook endpoint and its delivery log; queued deliveries are dropped',
    tag: 'webhooks',
    auth: 'owner',
    params: idParam,
    responses: { 204: { description: 'Deleted.' }, 404: 'NotFound' },
  },
  {
    operationId: 'rotateWebhookEndpointSecret',
    method: 'post',
    path: '/api/v1/webhook-endpoints/:id/rotate-secret',
    summary: 'Replace the signing secret; the old one stops signing at once',
    tag: 'webhooks',
    auth: 'owner',
    params: idParam,
    responses: { 200: { description: 'The endpoint and its new secret, in this answer only.', body: secretBody }, 404: 'NotFound' },
  },
  {
    operationId: 'listWebhookDeliveries',
    method: 'get',
    path: '/api/v1/webhook-endpoints/:id/deliveries',
    summary: 'The endpoint’s delivery log, newest first (the last 50)',
    tag: 'webhooks',
    auth: 'owner',
    params: idParam,
    responses: {
      200: {
        description: 'Each event sent to the endpoint: attempts, last status, next retry.',
        body: { name: 'WebhookDeliveryListResponse', schema: webhookDeliveryListResponse, example: { deliveries: [exampleDelivery] } },
      },
      404: 'NotFound',
    },
  },
  {
    operationId: 'resendWebhookDelivery',
    method: 'post',
    path: '/api/v1/webhook-endpoints/:id/deliveries/:deliveryId/resend',
    summary: 'Send a delivery again: the same body and `webhook-id`, with fresh retries',
    tag: 'webhooks',
    auth: 'owner',
    params: deliveryParams,
    responses: {
      202: {
        description: 'Queued.',
        body: { name: 'WebhookDeliveryResponse', schema: webhookDeliveryResponse, example: { delivery: exampleDelivery } },
      },
      404: 'NotFound',
    },
  },
]
