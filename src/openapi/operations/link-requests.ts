import { createLinkRequestSchema, linkRequestResponse } from '../../api-schemas/link-requests'
import { idParam } from '../../api-schemas/common'
import { errorResponse, quotaResponse } from '../errors'
import { exampleLinkRequest } from '../examples'
import type { NamedBody, Operation } from '../types'

const requestBody: NamedBody = { name: 'LinkRequestResponse', schema: linkRequestResponse, example: { request: exampleLinkRequest } }

export const linkRequestOperations: Operation[] = [
  {
    operationId: 'createLinkRequest',
    method: 'post',
    path: '/api/v1/link-requests',
    summary: 'Request several connections in one link',
    description:
      'Each item becomes a pending connection with a single-use link of its own; `url` opens one page listing every app, ' +
      'where the client connects, skips or rejects each in turn. The link closes when every item is finished or it expires. ' +
      'Each item counts against the connection and open-link quotas and the hourly count of new links.',
    tag: 'connections',
    auth: 'owner',
    requestBody: {
      name: 'CreateLinkRequestRequest',
      schema: createLinkRequestSchema,
      required: true,
      example: {
        items: [
          { appId: 'wordpress', name: 'Client WordPress' },
          { appId: 'mailchimp', name: 'Client Mailchimp' },
        ],
        expiresInMinutes: 2880,
      },
    },
    responses: {
      201: { description: 'The request, its link, and each item’s connection.', body: requestBody },
      400: 'InvalidRequest',
      409: quotaResponse(
        'the items would take the workspace past 5,000 connections or 1,000 open links',
        'This workspace has 1,000 open links, its limit. Revoke links you no longer need, or wait until they are used or expire.',
      ),
      422: errorResponse(
        '`app_unavailable`: an item’s OAuth client is not configured; `issues[].path` names the item. Nothing is written.',
        'app_unavailable',
        'Item 2: Mailchimp sign-in is not configured on this Tether.',
      ),
      429: 'RateLimited',
    },
  },
  {
    operationId: 'getLinkRequest',
    method: 'get',
    path: '/api/v1/link-requests/:id',
    summary: 'Get a several-apps link and each item’s connection',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    responses: { 200: { description: 'The request.', body: requestBody }, 404: 'NotFound' },
  },
]
