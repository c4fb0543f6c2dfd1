import { requiredInput } from './fields'
import { callApp, callAppAt } from './call'
import { idField, requireString, stringField } from './http'
import type { AppDefinition, Field } from './types'

// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm (endpoints: its openid-configuration)
const SALESFORCE_LOGIN = 'https://login.salesforce.com/services/oauth2'
/** The org's own host comes back as `instance_url` in the token answer; the REST API lives under it. */
const SALESFORCE_API = '{instanceUrl}/services/data/v62.0'

const LAST_NAME: Field = { key: 'lastName', label: 'Last name', secret: false }
const COMPANY: Field = { key: 'company', label: 'Company', secret: false }
const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email', optional: true }

export const salesforce: AppDefinition = {
  id: 'salesforce',
  name: 'Salesforce',
  iconUrl: '/icons/salesforce.svg',
  category: 'crm',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'SALESFORCE',
    providerName: 'Salesforce',
    scopes: ['api', 'refresh_token'],
    scopeDescriptions: ['Read and change your Salesforce records through the API', 'Keep access when you are not signed in'],
    clientAuth: 'body',
    revocation: 'token_only',
    tokenMetadata: [{ key: 'instanceUrl', label: 'Instance', path: ['instance_url'], type: 'url' }],
  },
  defaultEndpoints: {
    authorizeUrl: `${SALESFORCE_LOGIN}/authorize`,
    tokenUrl: `${SALESFORCE_LOGIN}/token`,
    userinfoUrl: `${SALESFORCE_LOGIN}/userinfo`,
    revokeUrl: `${SALESFORCE_LOGIN}/revoke`,
    apiBaseUrl: SALESFORCE_API,
  },
  async verify(ctx, credentials) {
    const { body } = await callAppAt(salesforce, ctx, credentials, ctx.endpoints.userinfoUrl ?? `${SALESFORCE_LOGIN}/userinfo`)
    const label = stringField(body, 'email') ?? requireString(ctx, body, 'preferred_username')
    return { label, id: idField(body, 'user_id') }
  },
  actions: [
    {
      id: 'create-lead',
      name: 'Create lead',
      fields: [LAST_NAME, COMPANY, EMAIL],
      async run(ctx, credentials, input) {
        const email = input[EMAIL.key]?.trim()
        const { status, body } = await callApp(salesforce, ctx, credentials, '/sobjects/Lead', {
          method: 'POST',
          json: { LastName: requiredInput(input, LAST_NAME), Company: requiredInput(input, COMPANY), ...(email ? { Email: email } : {}) },
        })
        return { upstreamStatus: status, output: { leadId: requireString(ctx, body, 'id') } }
      },
    },
  ],
}
