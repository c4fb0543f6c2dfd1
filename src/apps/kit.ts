import { credentialValue, optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://developers.kit.com/api-reference/accounts/get-current-account (user.email, account.id, account.name) and .../subscribers.
const KIT_API = 'https://api.kit.com'

const API_KEY: Field = {
  key: 'apiKey',
  label: 'API key',
  secret: true,
  inHeader: true,
  placeholder: 'kit_…',
  help: 'In Kit: Settings → Developer → API keys (a v4 key).',
}
const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email' }
const FIRST_NAME: Field = { key: 'firstName', label: 'First name', secret: false, optional: true }

export const kit: AppDefinition = {
  id: 'kit',
  name: 'Kit',
  iconUrl: '/icons/kit.svg',
  category: 'marketing',
  authType: 'api_key',
  requestAuth: { kind: 'header', header: 'x-kit-api-key', field: 'apiKey' },
  fields: [API_KEY],
  defaultEndpoints: { apiBaseUrl: KIT_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, kitAuth(credentials), '/v4/account')
    return { label: stringField(body, 'account', 'name') ?? requireString(ctx, body, 'user', 'email'), id: idField(body, 'account', 'id') }
  },
  actions: [
    {
      id: 'add-subscriber',
      name: 'Add subscriber',
      fields: [EMAIL, FIRST_NAME],
      async run(ctx, credentials, input) {
        const firstName = optionalInput(input, FIRST_NAME)
        const { status, body } = await callApi(ctx, kitAuth(credentials), '/v4/subscribers', {
          method: 'POST',
          json: { email_address: requiredInput(input, EMAIL), ...(firstName ? { first_name: firstName } : {}) },
        })
        return {
          upstreamStatus: status,
          output: { subscriberId: idField(body, 'subscriber', 'id') ?? null, state: stringField(body, 'subscriber', 'state') ?? null },
        }
      },
    },
  ],
}

function kitAuth(credentials: Credentials): Record<string, string> {
  return { 'x-kit-api-key': credentialValue(credentials, API_KEY) }
}
