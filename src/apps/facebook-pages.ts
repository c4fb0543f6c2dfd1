import { AppError } from '../domain/errors'
import { accessTokenOf, optionalInput, requiredInput } from './fields'
import { bearer, callJson, type CallOptions, field, idField, requireString, stringField } from './http'
import type { AppDefinition, Field } from './types'

const GRAPH_VERSION = 'v21.0'
const FACEBOOK_AUTHORIZE_URL = `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`
const FACEBOOK_TOKEN_URL = `https://graph.facebook.com/${GRAPH_VERSION}/oauth/access_token`
const GRAPH_API = `https://graph.facebook.com/${GRAPH_VERSION}`

const PAGE: Field = { key: 'pageId', label: 'Page ID', secret: false, help: "Found under the Page's About → Page transparency." }
const MESSAGE: Field = { key: 'message', label: 'Post text', secret: false, type: 'textarea' }
const LINK: Field = { key: 'link', label: 'Link', secret: false, type: 'url', optional: true }

/** Graph reports a dead token as HTTP 400 with error code 190 (or 102 for a dead session). */
const graphRefusals: CallOptions = {
  isCredentialError: (status, body) => status === 401 || status === 403 || [102, 190].includes(Number(field(body, 'error', 'code'))),
}

export const facebookPages: AppDefinition = {
  id: 'facebook-pages',
  name: 'Facebook Pages',
  iconUrl: '/icons/facebook-pages.svg',
  category: 'social',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'FACEBOOK',
    providerName: 'Facebook',
    scopes: ['pages_show_list', 'pages_manage_posts'],
    scopeDescriptions: ['See the list of Facebook Pages you manage', 'Publish posts on those Pages'],
    scopeSeparator: ',',
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: FACEBOOK_AUTHORIZE_URL, tokenUrl: FACEBOOK_TOKEN_URL, apiBaseUrl: GRAPH_API },
  async verify(ctx, credentials) {
    const { body } = await callJson(
      ctx,
      `${ctx.endpoints.apiBaseUrl}/me?fields=id,name`,
      {
        headers: { authorization: bearer(accessTokenOf(credentials)) },
      },
      graphRefusals,
    )
    return { label: requireString(ctx, body, 'name'), id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'publish-post',
      name: 'Publish Page post',
      fields: [PAGE, MESSAGE, LINK],
      async run(ctx, credentials, input) {
        const pageUrl = `${ctx.endpoints.apiBaseUrl}/${encodeURIComponent(requiredInput(input, PAGE))}`
        // Posting needs the Page's own token, which Graph hands to the Page's managers.
        const page = await callJson(
          ctx,
          `${pageUrl}?fields=access_token`,
          { headers: { authorization: bearer(accessTokenOf(credentials)) } },
          graphRefusals,
        )
        const pageToken = stringField(page.body, 'access_token')
        if (!pageToken) throw new AppError('upstream_error', 'This Facebook account cannot post to that Page. Check the Page ID.')
        const link = optionalInput(input, LINK)
        const { status, body } = await callJson(
          ctx,
          `${pageUrl}/feed`,
          {
            method: 'POST',
            headers: { authorization: bearer(pageToken) },
            json: { message: requiredInput(input, MESSAGE), ...(link ? { link } : {}) },
          },
          graphRefusals,
        )
        const postId = requireString(ctx, body, 'id')
        return { upstreamStatus: status, output: { postId, url: `https://www.facebook.com/${postId}` } }
      },
    },
  ],
}
