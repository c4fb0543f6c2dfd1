import { AppError } from '../domain/errors'
import { credentialValue, optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://developers.brevo.com/reference/get-account (email, companyName) and https://developers.brevo.com/reference/create-contact.
const BREVO_API = 'https://api.brevo.com/v3'

const API_KEY: Field = {
  key: 'apiKey',
  label: 'API key',
  secret: true,
  inHeader: true,
  placeholder: 'xkeysib-…',
  help: 'In Brevo: your name → SMTP & API → API keys → Generate a new API key.',
}
const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email' }
const FIRST_NAME: Field = { key: 'firstName', label: 'First name', secret: false, optional: true }
const LAST_NAME: Field = { key: 'lastName', label: 'Last name', secret: false, optional: true }
const LIST: Field = {
  key: 'listId',
  label: 'List ID',
  secret: false,
  optional: true,
  help: 'Contacts → Lists: the number in the ID column.',
}

export const brevo: AppDefinition = {
  id: 'brevo',
  name: 'Brevo',
  iconUrl: '/icons/brevo.svg',
  category: 'marketing',
  authType: 'api_key',
  requestAuth: { kind: 'header', header: 'api-key', field: 'apiKey' },
  fields: [API_KEY],
  defaultEndpoints: { apiBaseUrl: BREVO_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, brevoAuth(credentials), '/account')
    // The login email is the account's one documented identifier.
    const email = requireString(ctx, body, 'email')
    return { label: stringField(body, 'companyName') ?? email, id: email }
  },
  actions: [
    {
      id: 'add-contact',
      name: 'Add contact',
      fields: [EMAIL, FIRST_NAME, LAST_NAME, LIST],
      async run(ctx, credentials, input) {
        const list = optionalInput(input, LIST)
        if (list !== undefined && !/^\d+$/.test(list)) throw new AppError('invalid_request', 'The list ID is a number.')
        const firstName = optionalInput(input, FIRST_NAME)
        const lastName = optionalInput(input, LAST_NAME)
        const attributes = { ...(firstName ? { FIRSTNAME: firstName } : {}), ...(lastName ? { LASTNAME: lastName } : {}) }
        const { status, body } = await callApi(ctx, brevoAuth(credentials), '/contacts', {
          method: 'POST',
          json: { email: requiredInput(input, EMAIL), attributes, updateEnabled: true, ...(list ? { listIds: [Number(list)] } : {}) },
        })
        // 201 carries the new contact's id; 204 means an existing contact was updated.
        return { upstreamStatus: status, output: { contactId: idField(body, 'id') ?? null } }
      },
    },
  ],
}

function brevoAuth(credentials: Credentials): Record<string, string> {
  return { 'api-key': credentialValue(credentials, API_KEY) }
}
