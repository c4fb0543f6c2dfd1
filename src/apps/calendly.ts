import { optionalInput } from './fields'
import { field, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://developer.calendly.com/api-docs/calendly-api/users/get-current-user (GET /users/me: resource.uri, name, email).
const CALENDLY_AUTHORIZE_URL = 'https://auth.calendly.com/oauth/authorize'
const CALENDLY_TOKEN_URL = 'https://auth.calendly.com/oauth/token'
const CALENDLY_API = 'https://api.calendly.com'

const COUNT: Field = { key: 'count', label: 'How many', secret: false, optional: true, placeholder: '10', help: 'At most 100.' }

export const calendly: AppDefinition = {
  id: 'calendly',
  name: 'Calendly',
  iconUrl: '/icons/calendly.svg',
  category: 'forms-scheduling',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'CALENDLY',
    providerName: 'Calendly',
    scopes: [],
    scopeDescriptions: ['See your Calendly profile and your scheduled events'],
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: CALENDLY_AUTHORIZE_URL, tokenUrl: CALENDLY_TOKEN_URL, apiBaseUrl: CALENDLY_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/users/me')
    return {
      label: stringField(body, 'resource', 'email') ?? requireString(ctx, body, 'resource', 'name'),
      id: requireString(ctx, body, 'resource', 'uri'),
    }
  },
  actions: [
    {
      id: 'list-events',
      name: 'List upcoming events',
      fields: [COUNT],
      async run(ctx, credentials, input) {
        const me = await callApi(ctx, tokenAuth(credentials), '/users/me')
        const count = Math.min(Math.max(Number.parseInt(optionalInput(input, COUNT) ?? '', 10) || 10, 1), 100)
        const query = new URLSearchParams({
          user: requireString(ctx, me.body, 'resource', 'uri'),
          status: 'active',
          sort: 'start_time:asc',
          count: String(count),
        })
        const { status, body } = await callApi(ctx, tokenAuth(credentials), `/scheduled_events?${query}`)
        const collection = field(body, 'collection')
        const events = (Array.isArray(collection) ? collection : []).map((event) => ({
          uri: stringField(event, 'uri') ?? null,
          name: stringField(event, 'name') ?? null,
          startTime: stringField(event, 'start_time') ?? null,
        }))
        return { upstreamStatus: status, output: { events } }
      },
    },
  ],
}
