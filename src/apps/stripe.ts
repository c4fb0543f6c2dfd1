import { credentialValue, optionalInput, requiredInput } from './fields'
import { bearer, idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://docs.stripe.com/api/accounts/retrieve (GET /v1/account: id, email, business_profile.name) and /api/customers/create.
const STRIPE_API = 'https://api.stripe.com'

const SECRET_KEY: Field = {
  key: 'secretKey',
  label: 'Secret key',
  secret: true,
  inHeader: true,
  placeholder: 'sk_live_… or rk_live_…',
  help: 'In Stripe: Developers → API keys. A restricted key (rk_) with only the access Tether needs is safer.',
}
const EMAIL: Field = { key: 'email', label: 'Customer email', secret: false, type: 'email' }
const NAME: Field = { key: 'name', label: 'Customer name', secret: false, optional: true }

export const stripe: AppDefinition = {
  id: 'stripe',
  name: 'Stripe',
  iconUrl: '/icons/stripe.svg',
  category: 'finance',
  authType: 'api_key',
  requestAuth: { kind: 'bearer', field: 'secretKey' },
  fields: [SECRET_KEY],
  defaultEndpoints: { apiBaseUrl: STRIPE_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, stripeAuth(credentials), '/v1/account')
    const label =
      stringField(body, 'settings', 'dashboard', 'display_name') ??
      stringField(body, 'business_profile', 'name') ??
      stringField(body, 'email')
    const id = requireString(ctx, body, 'id')
    return { label: label ?? id, id }
  },
  actions: [
    {
      id: 'create-customer',
      name: 'Create customer',
      fields: [EMAIL, NAME],
      async run(ctx, credentials, input) {
        const name = optionalInput(input, NAME)
        // Stripe takes form-encoded bodies, not JSON.
        const form = new URLSearchParams({ email: requiredInput(input, EMAIL), ...(name ? { name } : {}) })
        const { status, body } = await callApi(ctx, stripeAuth(credentials), '/v1/customers', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        })
        return { upstreamStatus: status, output: { customerId: requireString(ctx, body, 'id'), email: idField(body, 'email') ?? null } }
      },
    },
  ],
}

function stripeAuth(credentials: Credentials): Record<string, string> {
  return { authorization: bearer(credentialValue(credentials, SECRET_KEY)) }
}
