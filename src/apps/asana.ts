import { optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://developers.asana.com/reference/getuser (GET /users/me: data.gid, data.email, data.name).
const ASANA_AUTHORIZE_URL = 'https://app.asana.com/-/oauth_authorize'
const ASANA_TOKEN_URL = 'https://app.asana.com/-/oauth_token'
const ASANA_API = 'https://app.asana.com/api/1.0'

const PROJECT: Field = {
  key: 'projectId',
  label: 'Project ID',
  secret: false,
  help: 'The number after /project/ in the project’s address.',
}
const NAME: Field = { key: 'name', label: 'Task name', secret: false }
const NOTES: Field = { key: 'notes', label: 'Notes', secret: false, type: 'textarea', optional: true }

export const asana: AppDefinition = {
  id: 'asana',
  name: 'Asana',
  iconUrl: '/icons/asana.svg',
  category: 'project-management',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'ASANA',
    providerName: 'Asana',
    scopes: ['default'],
    scopeDescriptions: ['See and change tasks and projects you can reach in Asana'],
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: ASANA_AUTHORIZE_URL, tokenUrl: ASANA_TOKEN_URL, apiBaseUrl: ASANA_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/users/me')
    return { label: stringField(body, 'data', 'email') ?? requireString(ctx, body, 'data', 'name'), id: idField(body, 'data', 'gid') }
  },
  actions: [
    {
      id: 'create-task',
      name: 'Create task',
      fields: [PROJECT, NAME, NOTES],
      async run(ctx, credentials, input) {
        const notes = optionalInput(input, NOTES)
        const { status, body } = await callApi(ctx, tokenAuth(credentials), '/tasks', {
          method: 'POST',
          json: { data: { name: requiredInput(input, NAME), projects: [requiredInput(input, PROJECT)], ...(notes ? { notes } : {}) } },
        })
        return {
          upstreamStatus: status,
          output: { taskId: requireString(ctx, body, 'data', 'gid'), url: stringField(body, 'data', 'permalink_url') ?? null },
        }
      },
    },
  ],
}
