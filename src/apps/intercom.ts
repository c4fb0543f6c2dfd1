import { credentialValue, optionalInput, requiredInput } from './fields'
import { bearer, idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://developers.intercom.com/docs/references/rest-api/api.intercom.io/admins/identifyadmin (GET /me: email, app.id_code).
const INTERCOM_API = 'https://api.intercom.io'

const ACCESS_TOKEN: Field = {
  key: 'accessToken',
  label: 'Access token',
  secret: true,
  inHeader: true,
  help: 'In Intercom: Settings → Integrations → Developer Hub → your app → Authentication.',
}
const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email' }
const NAME: Field = { key: 'name', label: 'Name', secret: false, optional: true }

export const intercom: AppDefinition = {
  id: 'intercom',
  name: 'Intercom',
  iconUrl: '/icons/intercom.svg',
  category: 'support',
  authType: 'api_key',
  requestAuth: { kind: 'bearer', field: 'accessToken' },
  fields: [ACCESS_TOKEN],
  defaultEndpoints: { apiBaseUrl: INTERCOM_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, intercomAuth(credentials), '/me')
    const workspace = stringField(body, 'app', 'name')
    const email = requireString(ctx, body, 'email')
    return { label: workspace ? `${email} (${workspace})` : email, id: idField(body, 'app', 'id_code') ?? idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-contact',
      name: 'Create contact',
      fields: [EMAIL, NAME],
      async run(ctx, credentials, input) {
        const name = optionalInput(input, NAME)
        const { status, body } = await callApi(ctx, intercomAuth(credentials), '/contacts', {
          method: 'POST',
          json: { role: 'user', email: requiredInput(input, EMAIL), ...(name ? { name } : {}) },
        })
        return { upstreamStatus: status, output: { contactId: requireString(ctx, body, 'id') } }
      },
    },
  ],
}

function intercomAuth(credentials: Credentials): Record<string, string> {
  return { authorization: bearer(credentialValue(credentials, ACCESS_TOKEN)) }
}
