import { requiredInput } from './fields'
import { callApp } from './call'
import { idField, requireString, stringField } from './http'
import type { AppDefinition, Field } from './types'

// https://developers.freshdesk.com/api/#authentication (the key as the Basic user name, X as the password), #view_me
const FRESHDESK_API = 'https://{domain}.freshdesk.com/api/v2'

const DOMAIN: Field = {
  key: 'domain',
  label: 'Freshdesk domain',
  secret: false,
  type: 'subdomain',
  placeholder: 'yourcompany',
  help: 'The first part of your helpdesk address: yourcompany for yourcompany.freshdesk.com.',
}
const API_KEY: Field = {
  key: 'apiKey',
  label: 'API key',
  secret: true,
  help: 'In Freshdesk: your profile picture → Profile settings → API key.',
}

const EMAIL: Field = { key: 'email', label: 'Requester email', secret: false, type: 'email' }
const SUBJECT: Field = { key: 'subject', label: 'Subject', secret: false }
const DESCRIPTION: Field = { key: 'description', label: 'Description', secret: false, type: 'textarea' }

export const freshdesk: AppDefinition = {
  id: 'freshdesk',
  name: 'Freshdesk',
  iconUrl: '/icons/freshdesk.svg',
  category: 'support',
  authType: 'api_key',
  fields: [DOMAIN, API_KEY],
  // Freshdesk ignores the password when the user name is an API key; its documentation sends X.
  credentialPlacement: { in: 'basic', username: API_KEY.key, fixedPassword: 'X' },
  defaultEndpoints: { apiBaseUrl: FRESHDESK_API },
  async verify(ctx, credentials) {
    const { body } = await callApp(freshdesk, ctx, credentials, '/agents/me')
    const label = stringField(body, 'contact', 'email') ?? requireString(ctx, body, 'contact', 'name')
    return { label, id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-ticket',
      name: 'Create ticket',
      fields: [EMAIL, SUBJECT, DESCRIPTION],
      async run(ctx, credentials, input) {
        // Priority 1 (low) and status 2 (open) are Freshdesk's own defaults for a new ticket.
        const { status, body } = await callApp(freshdesk, ctx, credentials, '/tickets', {
          method: 'POST',
          json: {
            email: requiredInput(input, EMAIL),
            subject: requiredInput(input, SUBJECT),
            description: requiredInput(input, DESCRIPTION),
            priority: 1,
            status: 2,
          },
        })
        return { upstreamStatus: status, output: { ticketId: idField(body, 'id') ?? null } }
      },
    },
  ],
}
