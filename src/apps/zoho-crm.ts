import { AppError } from '../domain/errors'
import { requiredInput } from './fields'
import { callApp } from './call'
import { field, idField, stringField } from './http'
import type { AppDefinition, Field } from './types'

// https://www.zoho.com/crm/developer/docs/api/v2/oauth-overview.html (api_domain in the token answer) and /get-users.html
const ZOHO_ACCOUNTS = 'https://accounts.zoho.com/oauth/v2'
/** The data center's API host comes back as `api_domain`; accounts in other data centers need an APP_ENDPOINTS tokenUrl. */
const ZOHO_API = '{apiDomain}/crm/v2'

const LAST_NAME: Field = { key: 'lastName', label: 'Last name', secret: false }
const COMPANY: Field = { key: 'company', label: 'Company', secret: false }

export const zohoCrm: AppDefinition = {
  id: 'zoho-crm',
  name: 'Zoho CRM',
  iconUrl: '/icons/zoho-crm.svg',
  category: 'crm',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'ZOHO',
    providerName: 'Zoho',
    scopes: ['ZohoCRM.users.READ', 'ZohoCRM.modules.leads.CREATE'],
    scopeDescriptions: ['See your Zoho CRM user name and email', 'Add leads to your Zoho CRM'],
    scopeSeparator: ',',
    clientAuth: 'body',
    // Zoho documents no PKCE; a refresh token only comes with access_type=offline.
    pkce: false,
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
    tokenMetadata: [{ key: 'apiDomain', label: 'API domain', path: ['api_domain'], type: 'url' }],
  },
  credentialPlacement: { in: 'header', name: 'authorization', field: 'accessToken', prefix: 'Zoho-oauthtoken ' },
  defaultEndpoints: { authorizeUrl: `${ZOHO_ACCOUNTS}/auth`, tokenUrl: `${ZOHO_ACCOUNTS}/token`, apiBaseUrl: ZOHO_API },
  async verify(ctx, credentials) {
    const { body } = await callApp(zohoCrm, ctx, credentials, '/users?type=CurrentUser')
    const users = field(body, 'users')
    const user: unknown = Array.isArray(users) ? users[0] : undefined
    const label = stringField(user, 'email') ?? stringField(user, 'full_name')
    if (!label) throw new AppError('upstream_error', 'Zoho CRM sent an incomplete answer.')
    return { label, id: idField(user, 'id') }
  },
  actions: [
    {
      id: 'create-lead',
      name: 'Create lead',
      fields: [LAST_NAME, COMPANY],
      async run(ctx, credentials, input) {
        const { status, body } = await callApp(zohoCrm, ctx, credentials, '/Leads', {
          method: 'POST',
          json: { data: [{ Last_Name: requiredInput(input, LAST_NAME), Company: requiredInput(input, COMPANY) }] },
        })
        const data = field(body, 'data')
        const first: unknown = Array.isArray(data) ? data[0] : undefined
        if (stringField(first, 'code') !== 'SUCCESS') throw new AppError('upstream_error', 'Zoho CRM did not create the lead.')
        return { upstreamStatus: status, output: { leadId: idField(first, 'details', 'id') ?? null } }
      },
    },
  ],
}
