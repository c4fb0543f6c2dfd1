import { AppError } from '../domain/errors'
import { credentialValue, optionalInput, requiredInput } from './fields'
import { basicAuth, callJson, idField, requireString, stringField } from './http'
import type { AppContext, AppDefinition, Credentials, Field } from './types'

/** `{dc}` is the data center named by the key's suffix; an APP_ENDPOINTS override replaces the whole base. */
const MAILCHIMP_API = 'https://{dc}.api.mailchimp.com/3.0'
/** The suffix becomes part of a host name, so it is held to Mailchimp's exact shape (us21, eu1…). */
const API_KEY_PATTERN = /^[A-Za-z0-9]+-([a-z]{2,4}[0-9]{1,3})$/

const API_KEY: Field = {
  key: 'apiKey',
  label: 'API key',
  secret: true,
  placeholder: '0123456789abcdef-us21',
  help: 'In Mailchimp: Profile → Extras → API keys. It ends with your data center, like -us21.',
}

const AUDIENCE: Field = { key: 'listId', label: 'Audience ID', secret: false, help: 'Audience → Settings → Audience name and defaults.' }
const EMAIL: Field = { key: 'email', label: 'Email address', secret: false, type: 'email' }
const FIRST_NAME: Field = { key: 'firstName', label: 'First name', secret: false, optional: true }
const LAST_NAME: Field = { key: 'lastName', label: 'Last name', secret: false, optional: true }
const STATUS: Field = {
  key: 'status',
  label: 'Status',
  secret: false,
  optional: true,
  placeholder: 'subscribed',
  help: 'subscribed, or pending to send a confirmation email first.',
}

export const mailchimp: AppDefinition = {
  id: 'mailchimp',
  name: 'Mailchimp',
  iconUrl: '/icons/mailchimp.svg',
  category: 'marketing',
  authType: 'api_key',
  fields: [API_KEY],
  defaultEndpoints: { apiBaseUrl: MAILCHIMP_API },
  requestAuth: { kind: 'basic', username: { value: 'tether' }, passwordField: API_KEY.key },
  apiBaseFor: (ctx, credentials) => connectionOf(ctx, credentials).base,
  async verify(ctx, credentials) {
    const { base, authorization } = connectionOf(ctx, credentials)
    const { body } = await callJson(ctx, `${base}/`, { headers: { authorization } })
    const label = stringField(body, 'account_name') ?? requireString(ctx, body, 'email')
    return { label, id: idField(body, 'account_id') }
  },
  actions: [
    {
      id: 'add-subscriber',
      name: 'Add subscriber',
      fields: [AUDIENCE, EMAIL, FIRST_NAME, LAST_NAME, STATUS],
      async run(ctx, credentials, input) {
        const status = optionalInput(input, STATUS) ?? 'subscribed'
        if (status !== 'subscribed' && status !== 'pending') throw new AppError('invalid_request', 'Status must be subscribed or pending.')
        const { base, authorization } = connectionOf(ctx, credentials)
        const { status: upstreamStatus, body } = await callJson(
          ctx,
          `${base}/lists/${encodeURIComponent(requiredInput(input, AUDIENCE))}/members`,
          {
            method: 'POST',
            headers: { authorization },
            json: {
              email_address: requiredInput(input, EMAIL),
              status,
              merge_fields: { FNAME: optionalInput(input, FIRST_NAME) ?? '', LNAME: optionalInput(input, LAST_NAME) ?? '' },
            },
          },
        )
        return { upstreamStatus, output: { memberId: requireString(ctx, body, 'id'), status: stringField(body, 'status') ?? status } }
      },
    },
  ],
}

function connectionOf(ctx: AppContext, credentials: Credentials): { base: string; authorization: string } {
  const apiKey = credentialValue(credentials, API_KEY)
  const dataCenter = API_KEY_PATTERN.exec(apiKey)?.[1]
  if (!dataCenter)
    throw new AppError('invalid_credentials', 'That is not a Mailchimp API key: it should end with your data center, like -us21.')
  // Mailchimp ignores the user name of Basic auth; only the key matters.
  return { base: ctx.endpoints.apiBaseUrl.replace('{dc}', dataCenter), authorization: basicAuth('tether', apiKey) }
}
