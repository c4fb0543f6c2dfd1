import { idField, requireString } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition } from './types'

// https://developers.webflow.com/data/reference/token/authorized-by (GET /v2/token/authorized_by: id, email, firstName, lastName).
const WEBFLOW_AUTHORIZE_URL = 'https://webflow.com/oauth/authorize'
const WEBFLOW_TOKEN_URL = 'https://api.webflow.com/oauth/access_token'
const WEBFLOW_API = 'https://api.webflow.com'

export const webflow: AppDefinition = {
  id: 'webflow',
  name: 'Webflow',
  iconUrl: '/icons/webflow.svg',
  category: 'developer',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'WEBFLOW',
    providerName: 'Webflow',
    scopes: ['authorized_user:read', 'sites:read'],
    scopeDescriptions: ['See your name and email address', 'See your Webflow sites'],
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: WEBFLOW_AUTHORIZE_URL, tokenUrl: WEBFLOW_TOKEN_URL, apiBaseUrl: WEBFLOW_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/v2/token/authorized_by')
    return { label: requireString(ctx, body, 'email'), id: idField(body, 'id') }
  },
  actions: [],
}
