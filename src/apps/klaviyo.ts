import { AppError } from '../domain/errors'
import { credentialValue, optionalInput, requiredInput } from './fields'
import { field, idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://developers.klaviyo.com/en/reference/get_accounts (data[0].id, attributes.contact_information) and .../create_profile.
const KLAVIYO_API = 'https://a.klaviyo.com'
/** Klaviyo versions its API by date; requests without a revision are refused. */
const KLAVIYO_REVISION = '2025-01-15'
const JSON_API = 'application/vnd.api+json'

const PRIVATE_KEY: Field = {
  key: 'privateKey',
  label: 'Private API key',
  secret: true,
  inHeader: true,
  placeholder: 'pk_…',
  help: 'In Klaviyo: Settings → API keys → Create Private API Key.',
}
const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email' }
const FIRST_NAME: Field = { key: 'firstName', label: 'First name', secret: false, optional: true }
const LAST_NAME: Field = { key: 'lastName', label: 'Last name', secret: false, optional: true }

export const klaviyo: AppDefinition = {
  id: 'klaviyo',
  name: 'Klaviyo',
  iconUrl: '/icons/klaviyo.svg',
  category: 'marketing',
  authType: 'api_key',
  requestAuth: { kind: 'header', header: 'authorization', prefix: 'Klaviyo-API-Key ', field: 'privateKey' },
  fields: [PRIVATE_KEY],
  defaultEndpoints: { apiBaseUrl: KLAVIYO_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, klaviyoHeaders(credentials), '/api/accounts')
    const accounts = field(body, 'data')
    const account: unknown = Array.isArray(accounts) ? accounts[0] : undefined
    if (account === undefined) throw new AppError('upstream_error', 'Klaviyo sent an incomplete answer.')
    const label =
      stringField(account, 'attributes', 'contact_information', 'organization_name') ??
      requireString(ctx, account, 'attributes', 'contact_information', 'default_sender_email')
    return { label, id: idField(account, 'id') }
  },
  actions: [
    {
      id: 'create-profile',
      name: 'Create profile',
      fields: [EMAIL, FIRST_NAME, LAST_NAME],
      async run(ctx, credentials, input) {
        const firstName = optionalInput(input, FIRST_NAME)
        const lastName = optionalInput(input, LAST_NAME)
        const attributes = {
          email: requiredInput(input, EMAIL),
          ...(firstName ? { first_name: firstName } : {}),
          ...(lastName ? { last_name: lastName } : {}),
        }
        const { status, body } = await callApi(ctx, klaviyoHeaders(credentials), '/api/profiles', {
          method: 'POST',
          headers: { 'content-type': JSON_API },
          body: JSON.stringify({ data: { type: 'profile', attributes } }),
        })
        return { upstreamStatus: status, output: { profileId: requireString(ctx, body, 'data', 'id') } }
      },
    },
  ],
}

function klaviyoHeaders(credentials: Credentials): Record<string, string> {
  return { authorization: `Klaviyo-API-Key ${credentialValue(credentials, PRIVATE_KEY)}`, revision: KLAVIYO_REVISION, accept: JSON_API }
}
