import { AppError } from '../domain/errors'
import { accessTokenOf, requiredInput } from './fields'
import { field, idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppContext, AppDefinition, Credentials, Field } from './types'

// https://developer.monday.com/api-reference/reference/me (GraphQL `me { id name email }` at POST /v2, token sent as it is).
const MONDAY_AUTHORIZE_URL = 'https://auth.monday.com/oauth2/authorize'
const MONDAY_TOKEN_URL = 'https://auth.monday.com/oauth2/token'
const MONDAY_API = 'https://api.monday.com'

const BOARD: Field = { key: 'boardId', label: 'Board ID', secret: false, help: 'The number after /boards/ in the board’s address.' }
const ITEM: Field = { key: 'name', label: 'Item name', secret: false }

const CREATE_ITEM = 'mutation ($board: ID!, $name: String!) { create_item (board_id: $board, item_name: $name) { id } }'

export const monday: AppDefinition = {
  id: 'monday',
  name: 'monday.com',
  iconUrl: '/icons/monday.svg',
  category: 'project-management',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'MONDAY',
    providerName: 'monday.com',
    scopes: ['me:read', 'boards:write'],
    scopeDescriptions: ['See your name and email address', 'Add items to your boards'],
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: MONDAY_AUTHORIZE_URL, tokenUrl: MONDAY_TOKEN_URL, apiBaseUrl: MONDAY_API },
  async verify(ctx, credentials) {
    const data = await queryMonday(ctx, credentials, 'query { me { id name email } }', {})
    return { label: stringField(data, 'me', 'email') ?? requireString(ctx, data, 'me', 'name'), id: idField(data, 'me', 'id') }
  },
  actions: [
    {
      id: 'create-item',
      name: 'Create item',
      fields: [BOARD, ITEM],
      async run(ctx, credentials, input) {
        const data = await queryMonday(ctx, credentials, CREATE_ITEM, {
          board: requiredInput(input, BOARD),
          name: requiredInput(input, ITEM),
        })
        return { upstreamStatus: 200, output: { itemId: requireString(ctx, data, 'create_item', 'id') } }
      },
    },
  ],
}

/** GraphQL answers 200 with `errors` when a query fails; those become refusals. */
async function queryMonday(ctx: AppContext, credentials: Credentials, query: string, variables: Record<string, string>) {
  const { body } = await callApi(ctx, { authorization: accessTokenOf(credentials) }, '/v2', { method: 'POST', json: { query, variables } })
  if (Array.isArray(field(body, 'errors'))) throw new AppError('upstream_error', 'monday.com refused the request.')
  return field(body, 'data')
}
