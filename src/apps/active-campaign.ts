import { optionalInput, requiredInput } from './fields'
import { callApp } from './call'
import { idField, requireString, stringField } from './http'
import type { AppDefinition, Field } from './types'

// https://developers.activecampaign.com/reference/authentication (Api-Token header, account URL) and /reference/users-me
const ACTIVE_CAMPAIGN_API = '{accountUrl}/api/3'

const ACCOUNT_URL: Field = {
  key: 'accountUrl',
  label: 'API URL',
  secret: false,
  type: 'url',
  placeholder: 'https://youraccount.api-us1.com',
  help: 'In ActiveCampaign: Settings → Developer → URL.',
}
const API_KEY: Field = { key: 'apiKey', label: 'API key', secret: true, inHeader: true, help: 'Settings → Developer → Key, below the URL.' }

const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email' }
const FIRST_NAME: Field = { key: 'firstName', label: 'First name', secret: false, optional: true }
const LAST_NAME: Field = { key: 'lastName', label: 'Last name', secret: false, optional: true }

export const activeCampaign: AppDefinition = {
  id: 'active-campaign',
  name: 'ActiveCampaign',
  iconUrl: '/icons/active-campaign.svg',
  category: 'marketing',
  authType: 'api_key',
  fields: [ACCOUNT_URL, API_KEY],
  credentialPlacement: { in: 'header', name: 'api-token', field: API_KEY.key },
  defaultEndpoints: { apiBaseUrl: ACTIVE_CAMPAIGN_API },
  async verify(ctx, credentials) {
    const { body } = await callApp(activeCampaign, ctx, credentials, '/users/me')
    const label = stringField(body, 'user', 'email') ?? requireString(ctx, body, 'user', 'username')
    return { label, id: idField(body, 'user', 'id') }
  },
  actions: [
    {
      id: 'add-contact',
      name: 'Add contact',
      fields: [EMAIL, FIRST_NAME, LAST_NAME],
      async run(ctx, credentials, input) {
        const { status, body } = await callApp(activeCampaign, ctx, credentials, '/contacts', {
          method: 'POST',
          json: {
            contact: {
              email: requiredInput(input, EMAIL),
              firstName: optionalInput(input, FIRST_NAME) ?? '',
              lastName: optionalInput(input, LAST_NAME) ?? '',
            },
          },
        })
        return { upstreamStatus: status, output: { contactId: idField(body, 'contact', 'id') ?? null } }
      },
    },
  ],
}
