import { accessTokenOf, optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/get-oauth-token-metadata (user, hub_id).
const HUBSPOT_AUTHORIZE_URL = 'https://app.hubspot.com/oauth/authorize'
const HUBSPOT_TOKEN_URL = 'https://api.hubapi.com/oauth/v1/token'
const HUBSPOT_API = 'https://api.hubapi.com'

const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email' }
const FIRST_NAME: Field = { key: 'firstName', label: 'First name', secret: false, optional: true }
const LAST_NAME: Field = { key: 'lastName', label: 'Last name', secret: false, optional: true }

export const hubspot: AppDefinition = {
  id: 'hubspot',
  name: 'HubSpot',
  iconUrl: '/icons/hubspot.svg',
  category: 'crm',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'HUBSPOT',
    providerName: 'HubSpot',
    scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write'],
    scopeDescriptions: ['See the contacts in your HubSpot CRM', 'Create and update contacts'],
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: HUBSPOT_AUTHORIZE_URL, tokenUrl: HUBSPOT_TOKEN_URL, apiBaseUrl: HUBSPOT_API },
  async verify(ctx, credentials) {
    // The token is its own question here: HubSpot describes it, no Authorization header needed.
    const { body } = await callApi(ctx, {}, `/oauth/v1/access-tokens/${encodeURIComponent(accessTokenOf(credentials))}`)
    const portal = stringField(body, 'hub_domain')
    const user = requireString(ctx, body, 'user')
    return { label: portal ? `${user} (${portal})` : user, id: idField(body, 'hub_id') }
  },
  actions: [
    {
      id: 'create-contact',
      name: 'Create contact',
      fields: [EMAIL, FIRST_NAME, LAST_NAME],
      async run(ctx, credentials, input) {
        const firstname = optionalInput(input, FIRST_NAME)
        const lastname = optionalInput(input, LAST_NAME)
        const properties = { email: requiredInput(input, EMAIL), ...(firstname ? { firstname } : {}), ...(lastname ? { lastname } : {}) }
        const { status, body } = await callApi(ctx, tokenAuth(credentials), '/crm/v3/objects/contacts', {
          method: 'POST',
          json: { properties },
        })
        return { upstreamStatus: status, output: { contactId: requireString(ctx, body, 'id') } }
      },
    },
  ],
}
