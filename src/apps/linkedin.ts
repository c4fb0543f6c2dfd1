import { idField, requireString } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition } from './types'

// https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2 (OIDC userinfo: sub, name, email).
const LINKEDIN_AUTHORIZE_URL = 'https://www.linkedin.com/oauth/v2/authorization'
const LINKEDIN_TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken'
const LINKEDIN_API = 'https://api.linkedin.com'

export const linkedin: AppDefinition = {
  id: 'linkedin',
  name: 'LinkedIn',
  iconUrl: '/icons/linkedin.svg',
  category: 'social',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'LINKEDIN',
    providerName: 'LinkedIn',
    scopes: ['openid', 'profile', 'email', 'w_member_social'],
    scopeDescriptions: [
      'Confirm who you are on LinkedIn',
      'See your name and profile picture',
      'See your email address',
      'Share posts on LinkedIn as you',
    ],
    clientAuth: 'body',
    // https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow-native: PKCE is LinkedIn's
    // flow for native apps, enabled per app on request; the web flow Tether uses takes the client secret instead.
    pkce: false,
  },
  defaultEndpoints: {
    authorizeUrl: LINKEDIN_AUTHORIZE_URL,
    tokenUrl: LINKEDIN_TOKEN_URL,
    userinfoUrl: `${LINKEDIN_API}/v2/userinfo`,
    apiBaseUrl: LINKEDIN_API,
  },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/v2/userinfo')
    return { label: requireString(ctx, body, 'name'), id: idField(body, 'sub') }
  },
  actions: [],
}
