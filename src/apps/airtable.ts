import { AppError } from '../domain/errors'
import { requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, pathSegment, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://airtable.com/developers/web/api/get-user-id-scopes (GET /v0/meta/whoami: id, email with user.email:read).
const AIRTABLE_AUTHORIZE_URL = 'https://airtable.com/oauth2/v1/authorize'
const AIRTABLE_TOKEN_URL = 'https://airtable.com/oauth2/v1/token'
const AIRTABLE_API = 'https://api.airtable.com'

const BASE: Field = { key: 'baseId', label: 'Base ID', secret: false, placeholder: 'appXXXXXXXXXXXXXX', help: 'It starts with app.' }
const TABLE: Field = { key: 'table', label: 'Table name or ID', secret: false }
const FIELDS: Field = {
  key: 'fields',
  label: 'Fields (JSON)',
  secret: false,
  type: 'textarea',
  placeholder: '{"Name": "Ada", "Email": "ada@example.com"}',
  help: 'Column names and values, as a JSON object.',
}

export const airtable: AppDefinition = {
  id: 'airtable',
  name: 'Airtable',
  iconUrl: '/icons/airtable.svg',
  category: 'productivity',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'AIRTABLE',
    providerName: 'Airtable',
    scopes: ['user.email:read', 'data.records:write'],
    scopeDescriptions: ['See your email address', 'Add and change records in the bases you choose'],
  },
  defaultEndpoints: { authorizeUrl: AIRTABLE_AUTHORIZE_URL, tokenUrl: AIRTABLE_TOKEN_URL, apiBaseUrl: AIRTABLE_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/v0/meta/whoami')
    const id = requireString(ctx, body, 'id')
    return { label: stringField(body, 'email') ?? id, id }
  },
  actions: [
    {
      id: 'create-record',
      name: 'Create record',
      fields: [BASE, TABLE, FIELDS],
      async run(ctx, credentials, input) {
        const fields = recordFields(requiredInput(input, FIELDS))
        const path = `/v0/${pathSegment(requiredInput(input, BASE), BASE.label)}/${pathSegment(requiredInput(input, TABLE), TABLE.label)}`
        const { status, body } = await callApi(ctx, tokenAuth(credentials), path, { method: 'POST', json: { fields } })
        return {
          upstreamStatus: status,
          output: { recordId: requireString(ctx, body, 'id'), createdTime: idField(body, 'createdTime') ?? null },
        }
      },
    },
  ],
}

function recordFields(text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('invalid_request', 'Fields must be a JSON object, like {"Name": "Ada"}.')
  }
  return parsed as Record<string, unknown>
}
