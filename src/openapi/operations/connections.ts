import {
  connectionCreatedResponse,
  connectionListQuery,
  connectionListResponse,
  connectionResponse,
  createConnectionSchema,
  credentialsSchema,
  eventListResponse,
  issueLinkSchema,
  linkResponse,
  pageQuery,
} from '../../api-schemas/connections'
import { idParam } from '../../api-schemas/common'
import { errorResponse, quotaResponse } from '../errors'
import { exampleActiveConnection, exampleEvents, exampleExpiredLink, exampleLinkCreated, examplePendingLink } from '../examples'
import type { NamedBody, Operation } from '../types'

const connectionBody: NamedBody = {
  name: 'ConnectionResponse',
  schema: connectionResponse,
  example: { connection: exampleActiveConnection },
}

const noAccount = errorResponse(
  '`invalid_credentials` (the app refused them), `upstream_error` (the app could not be asked), or `invalid_credential_value` ' +
    '(a value holds a control character, or a character other than printable ASCII in a field sent in a header; `issues` ' +
    'names each field, and no request is made); nothing is stored.',
  'invalid_credentials',
  'WordPress did not accept these credentials.',
)

export const connectionOperations: Operation[] = [
  {
    operationId: 'listConnections',
    method: 'get',
    path: '/api/v1/connections',
    summary: 'List the workspace’s connections, a page at a time',
    description:
      'Most recently updated first, keyset-paged: pass the answer’s `nextCursor` as `cursor` for the next page (with the same ' +
      'filters). `q` searches connection names and account labels; `appId` and `badge` filter exactly.',
    tag: 'connections',
    auth: 'owner',
    query: connectionListQuery,
    responses: {
      200: {
        description: 'One page of connections.',
        body: {
          name: 'ConnectionListResponse',
          schema: connectionListResponse,
          example: { connections: [exampleActiveConnection], nextCursor: null },
        },
      },
      400: 'InvalidRequest',
    },
  },
  {
    operationId: 'createConnection',
    method: 'post',
    path: '/api/v1/connections',
    summary: 'Request a connection via link, or create one with credentials',
    description:
      '`via: link` creates a pending connection and a single-use link for the client. ' +
      '`via: direct` verifies the credentials with the app and stores them sealed; each check counts against the ' +
      'workspace’s credential checks (20 refused an hour, 200 a day), beyond which it is answered 429 before the app is asked.',
    tag: 'connections',
    auth: 'owner',
    requestBody: {
      name: 'CreateConnectionRequest',
      schema: createConnectionSchema,
      required: true,
      example: { appId: 'wordpress', name: 'Client WordPress', via: 'link', expiresInMinutes: 2880 },
    },
    responses: {
      201: {
        description: 'The connection; with `via: link` also the link to send to the client.',
        body: { name: 'ConnectionCreatedResponse', schema: connectionCreatedResponse, example: exampleLinkCreated },
      },
      400: 'InvalidRequest',
      409: quotaResponse(
        'the workspace holds 5,000 connections, or (`via: link`) 1,000 open links',
        'This workspace has 1,000 open links, its limit. Revoke links you no longer need, or wait until they are used or expire.',
      ),
      422: {
        ...noAccount,
        description: `${noAccount.description} \`app_unavailable\`: the app’s OAuth client is not configured.`,
      },
      429: 'RateLimited',
    },
  },
  {
    operationId: 'getConnection',
    method: 'get',
    path: '/api/v1/connections/:id',
    summary: 'Get a connection and the state of its latest link',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    responses: { 200: { description: 'The connection.', body: connectionBody }, 404: 'NotFound' },
  },
  {
    operationId: 'deleteConnection',
    method: 'delete',
    path: '/api/v1/connections/:id',
    summary: 'Delete a connection and its credentials; an open link stops working',
    description:
      'For an OAuth app that offers token revocation (Google, Slack, Demo Docs) the grant is then revoked at the provider, ' +
      'best effort and after the answer: the outcome is in the events (`provider_revoked` or `provider_revoke_failed`).',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    responses: { 204: { description: 'Deleted.' }, 404: 'NotFound' },
  },
  {
    operationId: 'replaceCredentials',
    method: 'put',
    path: '/api/v1/connections/:id/credentials',
    summary: 'Replace the credentials (verified first); closes an open link',
    description: 'The check with the app counts against the workspace’s credential checks, like `via: direct`; 429 beyond them.',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    requestBody: {
      name: 'CredentialsRequest',
      schema: credentialsSchema,
      required: true,
      example: { credentials: { siteUrl: 'https://client.example', username: 'wendy', applicationPassword: 'abcd efgh ijkl mnop' } },
    },
    responses: {
      200: { description: 'The connection, now active.', body: connectionBody },
      400: 'InvalidRequest',
      404: 'NotFound',
      409: errorResponse(
        '`account_mismatch`: the credentials are for another upstream account than the connection’s, ' +
          'and `allowAccountChange` was not set; nothing changed (the refusal is in the events).',
        'account_mismatch',
        'This connection is for the Demo Tasks account Demo Tasks workspace 1a2b3c, ' +
          'but these credentials are for Demo Tasks workspace 9f8e7d. Nothing was changed.',
      ),
      422: noAccount,
      429: 'RateLimited',
    },
  },
  {
    operationId: 'getLink',
    method: 'get',
    path: '/api/v1/connections/:id/link',
    summary: 'Get the connection’s latest link',
    description: 'The URL is included only while the link can be used; otherwise `message` says what happened to it.',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    responses: {
      200: { description: 'The link.', body: { name: 'LinkResponse', schema: linkResponse, example: { link: exampleExpiredLink } } },
      404: errorResponse('`not_found`: no such connection, or it never had a link.', 'not_found', 'This connection has no link.'),
    },
  },
  {
    operationId: 'issueLink',
    method: 'post',
    path: '/api/v1/connections/:id/link',
    summary: 'Issue a new link; it replaces any open one',
    description:
      'An active connection gets a `refresh` link (its credentials keep working); otherwise (pending, rejected, or revoked by ' +
      'the client) the connection is pending again. ' +
      'Credentials of another upstream account than the connection’s are refused through the link unless `allowAccountChange` is true.',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    requestBody: { name: 'IssueLinkRequest', schema: issueLinkSchema, required: true, example: { expiresInMinutes: 1440 } },
    responses: {
      201: { description: 'The new link.', body: { name: 'LinkResponse', schema: linkResponse, example: { link: examplePendingLink } } },
      400: 'InvalidRequest',
      404: 'NotFound',
      409: quotaResponse(
        'the workspace holds 1,000 open links (the one this replaces aside)',
        'This workspace has 1,000 open links, its limit. Revoke links you no longer need, or wait until they are used or expire.',
      ),
      429: 'RateLimited',
      422: errorResponse(
        '`app_unavailable`: the app’s OAuth client is not configured.',
        'app_unavailable',
        'Google Docs is not configured on this Tether (its OAuth client is missing).',
      ),
    },
  },
  {
    operationId: 'checkConnection',
    method: 'post',
    path: '/api/v1/connections/:id/check',
    summary: 'Check the credentials with the app now',
    description:
      'What the cron does daily (and ahead of every OAuth expiry), at once: an OAuth connection with a refresh token is renewed ' +
      '(the rotated tokens are stored), any other is verified with the app’s "who am I". Only the app’s refusal sets `health: ' +
      '"needs_reconnect"` (then a refresh link, POST /api/v1/connections/{id}/link, lets the client reconnect in place); a timeout ' +
      'or an outage is recorded in `lastError` with `health: "unknown"` and retried later. Counts against the workspace’s 200 ' +
      'credential checks a day.',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    responses: {
      200: {
        description:
          'The connection after the check: `health`, `lastCheckedAt` and `lastError` say how it went (for example `health: ' +
          '"needs_reconnect"`, `lastError: "WordPress did not accept these credentials."`).',
        body: connectionBody,
      },
      404: 'NotFound',
      409: errorResponse(
        '`conflict`: a check of this connection is already running.',
        'conflict',
        'A check of "Client WordPress" is already running. Try again in a minute.',
      ),
      422: errorResponse(
        '`connection_not_ready`: the connection is pending, rejected or revoked by the client, so there is nothing to check.',
        'connection_not_ready',
        'The connection "Client WordPress" has no credentials to check yet.',
      ),
      429: 'RateLimited',
    },
  },
  {
    operationId: 'revokeLink',
    method: 'delete',
    path: '/api/v1/connections/:id/link',
    summary: 'Revoke the open link, if there is one',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    responses: { 204: { description: 'No link is open any more.' }, 404: 'NotFound' },
  },
  {
    operationId: 'listEvents',
    method: 'get',
    path: '/api/v1/connections/:id/events',
    summary: 'The connection’s audit trail, newest first, a page at a time',
    tag: 'connections',
    auth: 'owner',
    params: idParam,
    query: pageQuery,
    responses: {
      200: {
        description: 'A page of its events; `nextCursor` leads to older ones.',
        body: { name: 'EventListResponse', schema: eventListResponse, example: { events: exampleEvents, nextCursor: null } },
      },
      400: 'InvalidRequest',
      404: 'NotFound',
    },
  },
]
