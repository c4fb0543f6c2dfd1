import { oauthAppListResponse, oauthAppResponse, providerParam, saveOAuthAppSchema } from '../../api-schemas/oauth-apps'
import type { NamedBody, Operation } from '../types'

const exampleOAuthApp = {
  provider: 'salesforce',
  providerName: 'Salesforce',
  apps: ['Salesforce'],
  source: 'workspace',
  clientId: '3MVG9agency0client0id',
  redirectUri: 'https://tether.example/connect/oauth/callback',
  unavailableReason: null,
  updatedAt: '2026-12-01T09:30:00.000Z',
}
const oauthAppBody: NamedBody = { name: 'OAuthAppResponse', schema: oauthAppResponse, example: { oauthApp: exampleOAuthApp } }

export const oauthAppOperations: Operation[] = [
  {
    operationId: 'listOAuthApps',
    method: 'get',
    path: '/api/v1/oauth-apps',
    summary: 'Every OAuth provider of the catalog, and whose client its sign-ins use here',
    description:
      '`source`: `workspace` (your own, saved here), `operator` (OAUTH_<PROVIDER>_* of this Tether) or `none`, in which case its apps ' +
      'are unavailable and `unavailableReason` says what to do. `redirectUri` is the one to register with the provider.',
    tag: 'oauth-apps',
    auth: 'owner',
    responses: {
      200: {
        description: 'One entry per provider; secrets are never included.',
        body: { name: 'OAuthAppListResponse', schema: oauthAppListResponse, example: { oauthApps: [exampleOAuthApp] } },
      },
    },
  },
  {
    operationId: 'saveOAuthApp',
    method: 'put',
    path: '/api/v1/oauth-apps/:provider',
    summary: 'Use your own OAuth client for a provider',
    description: 'Takes precedence over the operator’s client for every new sign-in and refresh. The secret is sealed and never returned.',
    tag: 'oauth-apps',
    auth: 'owner',
    params: providerParam,
    requestBody: {
      name: 'SaveOAuthAppRequest',
      schema: saveOAuthAppSchema,
      required: true,
      example: { clientId: exampleOAuthApp.clientId, clientSecret: 'agency-client-secret' },
    },
    responses: { 200: { description: 'The provider, now using your client.', body: oauthAppBody }, 400: 'InvalidRequest', 404: 'NotFound' },
  },
  {
    operationId: 'deleteOAuthApp',
    method: 'delete',
    path: '/api/v1/oauth-apps/:provider',
    summary: 'Remove your own OAuth client; sign-ins fall back to the operator’s, if any',
    tag: 'oauth-apps',
    auth: 'owner',
    params: providerParam,
    responses: { 204: { description: 'Removed.' }, 404: 'NotFound' },
  },
]
