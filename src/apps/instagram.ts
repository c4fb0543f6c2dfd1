import { field, idField, requireString } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition } from './types'

// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login (Pages' instagram_business_account).
const GRAPH_VERSION = 'v21.0'
const FACEBOOK_AUTHORIZE_URL = `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`
const FACEBOOK_TOKEN_URL = `https://graph.facebook.com/${GRAPH_VERSION}/oauth/access_token`
const GRAPH_API = `https://graph.facebook.com/${GRAPH_VERSION}`

/** Graph reports a dead token as HTTP 400 with error code 190 (or 102 for a dead session). */
const graphRefusals = {
  isCredentialError: (status: number, body: unknown) =>
    status === 401 || status === 403 || [102, 190].includes(Number(field(body, 'error', 'code'))),
}

export const instagram: AppDefinition = {
  id: 'instagram',
  name: 'Instagram',
  iconUrl: '/icons/instagram.svg',
  category: 'social',
  authType: 'oauth2',
  fields: [],
  // The same Facebook sign-in as Facebook Pages: an Instagram business account is reached through the Page it is linked to.
  oauth: {
    provider: 'FACEBOOK',
    providerName: 'Facebook',
    scopes: ['instagram_basic', 'pages_show_list'],
    scopeDescriptions: ['See your Instagram business profile and posts', 'See the Facebook Pages linked to it'],
    scopeSeparator: ',',
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: FACEBOOK_AUTHORIZE_URL, tokenUrl: FACEBOOK_TOKEN_URL, apiBaseUrl: GRAPH_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/me?fields=id,name', {}, graphRefusals)
    return { label: requireString(ctx, body, 'name'), id: idField(body, 'id') }
  },
  actions: [],
}
