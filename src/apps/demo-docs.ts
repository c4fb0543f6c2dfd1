import { DEMO_SCOPES, type DemoScope } from '../demo/scopes'
import { DEMO_ORIGIN } from './context'
import { accessTokenOf, optionalInput, requiredInput } from './fields'
import { bearer, callJson, idField, requireString } from './http'
import type { AppDefinition, Field } from './types'

/** The browser goes to this path on Tether's own public origin; the server-to-server calls stay in-process. */
const DEMO_AUTHORIZE_PATH = '/demo/oauth/authorize'
const DEMO_TOKEN_URL = `${DEMO_ORIGIN}/demo/oauth/token`
const DEMO_USERINFO_URL = `${DEMO_ORIGIN}/demo/oauth/userinfo`
const DEMO_REVOKE_URL = `${DEMO_ORIGIN}/demo/oauth/revoke`
const DEMO_DOCS_API = `${DEMO_ORIGIN}/demo/docs`

const SCOPES: DemoScope[] = ['profile', 'docs.write']

const TITLE: Field = { key: 'title', label: 'Title', secret: false }
const CONTENT: Field = { key: 'content', label: 'Text', secret: false, type: 'textarea', optional: true }

export const demoDocs: AppDefinition = {
  id: 'demo-docs',
  name: 'Demo Docs',
  iconUrl: '/icons/demo-docs.svg',
  category: 'demo',
  authType: 'oauth2',
  fields: [],
  demo: true,
  oauth: {
    provider: 'DEMO',
    providerName: 'Demo Docs',
    scopes: SCOPES,
    scopeDescriptions: SCOPES.map((scope) => DEMO_SCOPES[scope]),
    revocation: 'rfc7009',
  },
  defaultEndpoints: {
    authorizeUrl: DEMO_AUTHORIZE_PATH,
    tokenUrl: DEMO_TOKEN_URL,
    userinfoUrl: DEMO_USERINFO_URL,
    revokeUrl: DEMO_REVOKE_URL,
    apiBaseUrl: DEMO_DOCS_API,
  },
  async verify(ctx, credentials) {
    const { body } = await callJson(ctx, ctx.endpoints.userinfoUrl ?? DEMO_USERINFO_URL, {
      headers: { authorization: bearer(accessTokenOf(credentials)) },
    })
    return { label: requireString(ctx, body, 'email'), id: idField(body, 'sub') }
  },
  actions: [
    {
      id: 'create-document',
      name: 'Create document',
      fields: [TITLE, CONTENT],
      async run(ctx, credentials, input) {
        const { status, body } = await callJson(ctx, `${ctx.endpoints.apiBaseUrl}/documents`, {
          method: 'POST',
          headers: { authorization: bearer(accessTokenOf(credentials)) },
          json: { title: requiredInput(input, TITLE), content: optionalInput(input, CONTENT) ?? '' },
        })
        return {
          upstreamStatus: status,
          output: {
            documentId: requireString(ctx, body, 'id'),
            title: requireString(ctx, body, 'title'),
            url: requireString(ctx, body, 'url'),
          },
        }
      },
    },
  ],
}
