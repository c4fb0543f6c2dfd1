import { requiredInput } from './fields'
import { idField, requireString } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://docs.x.com/x-api/users/lookup/quickstart/authenticated-lookup (GET /2/users/me); OAuth URLs as in docs.x.com OAuth 2.0 PKCE.
const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize'
const X_TOKEN_URL = 'https://api.twitter.com/2/oauth2/token'
const X_API = 'https://api.x.com'

const TEXT: Field = { key: 'text', label: 'Post text', secret: false, type: 'textarea', help: 'Up to 280 characters.' }

export const x: AppDefinition = {
  id: 'x',
  name: 'X (Twitter)',
  iconUrl: '/icons/x.svg',
  category: 'social',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'X',
    providerName: 'X',
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access'],
    scopeDescriptions: [
      'Read posts on your timeline',
      'Publish posts as you',
      'See your profile name and handle',
      'Stay connected without asking you to sign in again',
    ],
  },
  defaultEndpoints: { authorizeUrl: X_AUTHORIZE_URL, tokenUrl: X_TOKEN_URL, apiBaseUrl: X_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/2/users/me')
    return { label: `@${requireString(ctx, body, 'data', 'username')}`, id: idField(body, 'data', 'id') }
  },
  actions: [
    {
      id: 'create-post',
      name: 'Publish post',
      fields: [TEXT],
      async run(ctx, credentials, input) {
        const { status, body } = await callApi(ctx, tokenAuth(credentials), '/2/tweets', {
          method: 'POST',
          json: { text: requiredInput(input, TEXT) },
        })
        const postId = requireString(ctx, body, 'data', 'id')
        return { upstreamStatus: status, output: { postId, url: `https://x.com/i/web/status/${postId}` } }
      },
    },
  ],
}
