import { AppError } from '../domain/errors'
import { credentialValue, optionalInput, requiredInput } from './fields'
import { field, idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppContext, AppDefinition, Credentials, Field } from './types'

// https://linear.app/developers/graphql (POST /graphql; a personal key goes in Authorization as it is; `viewer { id name email }`).
const LINEAR_API = 'https://api.linear.app'

const API_KEY: Field = {
  key: 'apiKey',
  label: 'Personal API key',
  secret: true,
  inHeader: true,
  placeholder: 'lin_api_…',
  help: 'In Linear: Settings → Security & access → Personal API keys.',
}
const TEAM: Field = { key: 'teamId', label: 'Team ID', secret: false, help: 'Settings → Teams → the team → copy its ID.' }
const TITLE: Field = { key: 'title', label: 'Issue title', secret: false }
const DESCRIPTION: Field = { key: 'description', label: 'Description', secret: false, type: 'textarea', optional: true }

const CREATE_ISSUE = 'mutation ($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id identifier url } } }'

export const linear: AppDefinition = {
  id: 'linear',
  name: 'Linear',
  iconUrl: '/icons/linear.svg',
  category: 'project-management',
  authType: 'api_key',
  requestAuth: { kind: 'header', header: 'authorization', field: 'apiKey' },
  fields: [API_KEY],
  defaultEndpoints: { apiBaseUrl: LINEAR_API },
  async verify(ctx, credentials) {
    const data = await queryLinear(ctx, credentials, '{ viewer { id name email } }', {})
    return { label: stringField(data, 'viewer', 'email') ?? requireString(ctx, data, 'viewer', 'name'), id: idField(data, 'viewer', 'id') }
  },
  actions: [
    {
      id: 'create-issue',
      name: 'Create issue',
      fields: [TEAM, TITLE, DESCRIPTION],
      async run(ctx, credentials, input) {
        const description = optionalInput(input, DESCRIPTION)
        const data = await queryLinear(ctx, credentials, CREATE_ISSUE, {
          input: { teamId: requiredInput(input, TEAM), title: requiredInput(input, TITLE), ...(description ? { description } : {}) },
        })
        if (field(data, 'issueCreate', 'success') !== true) throw new AppError('upstream_error', 'Linear did not create the issue.')
        return {
          upstreamStatus: 200,
          output: {
            issueId: requireString(ctx, data, 'issueCreate', 'issue', 'id'),
            identifier: stringField(data, 'issueCreate', 'issue', 'identifier') ?? null,
            url: stringField(data, 'issueCreate', 'issue', 'url') ?? null,
          },
        }
      },
    },
  ],
}

/** GraphQL failures come back as `errors` (an authentication error among them, with HTTP 400 or 200). */
async function queryLinear(ctx: AppContext, credentials: Credentials, query: string, variables: Record<string, unknown>) {
  const { body } = await callApi(ctx, { authorization: credentialValue(credentials, API_KEY) }, '/graphql', {
    method: 'POST',
    json: { query, variables },
  })
  if (Array.isArray(field(body, 'errors'))) throw new AppError('upstream_error', 'Linear refused the request.')
  return field(body, 'data')
}
