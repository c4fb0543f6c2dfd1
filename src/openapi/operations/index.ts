import { appListResponse, appSearchQuery } from '../../api-schemas/apps'
import { openApiDocumentShape } from '../../api-schemas/openapi'
import { exampleApp } from '../examples'
import type { Operation } from '../types'
import { authOperations } from './auth'
import { connectionOperations } from './connections'
import { linkRequestOperations } from './link-requests'
import { brandOperations } from './brand'
import { oauthAppOperations } from './oauth-apps'
import { proxyOperations } from './proxy'
import { sessionOperations } from './sessions'
import { webhookEndpointOperations } from './webhook-endpoints'
import { notificationOperations } from './notifications'
import { workflowOperations } from './workflows'

const otherOperations: Operation[] = [
  {
    operationId: 'listApps',
    method: 'get',
    path: '/api/v1/apps',
    summary: 'The app catalog: how each app authenticates, its fields and its workflow actions',
    description:
      '`available: false` means the app is listed but cannot be connected here: its OAuth client is configured neither by ' +
      'the workspace (Settings → OAuth apps) nor by the operator. `q` and `category` filter as the dashboard’s app picker does.',
    tag: 'apps',
    auth: 'owner',
    query: appSearchQuery,
    responses: {
      200: {
        description: 'Every listed app.',
        body: { name: 'AppListResponse', schema: appListResponse, example: { apps: [exampleApp] } },
      },
      400: 'InvalidRequest',
    },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document',
    tag: 'meta',
    auth: 'none',
    responses: {
      200: { description: 'The OpenAPI 3.1 document of the JSON API.', body: { name: 'OpenApiDocument', schema: openApiDocumentShape } },
    },
  },
]

/** Every operation of the JSON API; a test fails when the Hono app routes one that is missing here, or the reverse. */
export const operations: Operation[] = [
  ...authOperations,
  ...sessionOperations,
  ...otherOperations,
  ...connectionOperations,
  ...linkRequestOperations,
  ...proxyOperations,
  ...workflowOperations,
  ...webhookEndpointOperations,
  ...notificationOperations,
  ...oauthAppOperations,
  ...brandOperations,
]
