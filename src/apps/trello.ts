import { optionalInput, requiredInput } from './fields'
import { callApp } from './call'
import { idField, requireString, stringField } from './http'
import type { AppDefinition, Field } from './types'

// https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/ (key and token in the query) and /rest/api-group-members/
const TRELLO_API = 'https://api.trello.com/1'

const API_KEY: Field = {
  key: 'apiKey',
  label: 'API key',
  secret: true,
  help: 'From your Power-Up admin page: trello.com/power-ups/admin → API key.',
}
const TOKEN: Field = { key: 'token', label: 'Token', secret: true, help: 'On the same page, follow "Token" to authorize and copy it.' }

const LIST: Field = {
  key: 'listId',
  label: 'List ID',
  secret: false,
  help: 'Open a card in the list, add .json to its address, and copy idList.',
}
const NAME: Field = { key: 'name', label: 'Card name', secret: false }
const DESCRIPTION: Field = { key: 'description', label: 'Description', secret: false, type: 'textarea', optional: true }

export const trello: AppDefinition = {
  id: 'trello',
  name: 'Trello',
  iconUrl: '/icons/trello.svg',
  category: 'project-management',
  authType: 'api_key',
  fields: [API_KEY, TOKEN],
  credentialPlacement: { in: 'query', params: { key: API_KEY.key, token: TOKEN.key } },
  defaultEndpoints: { apiBaseUrl: TRELLO_API },
  async verify(ctx, credentials) {
    const { body } = await callApp(trello, ctx, credentials, '/members/me')
    const label = stringField(body, 'fullName') ?? requireString(ctx, body, 'username')
    return { label, id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-card',
      name: 'Create card',
      fields: [LIST, NAME, DESCRIPTION],
      async run(ctx, credentials, input) {
        const query = new URLSearchParams({ idList: requiredInput(input, LIST), name: requiredInput(input, NAME) })
        const description = optionalInput(input, DESCRIPTION)
        if (description) query.set('desc', description)
        const { status, body } = await callApp(trello, ctx, credentials, `/cards?${query}`, { method: 'POST' })
        return { upstreamStatus: status, output: { cardId: requireString(ctx, body, 'id'), url: stringField(body, 'shortUrl') ?? null } }
      },
    },
  ],
}
