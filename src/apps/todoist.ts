import { credentialValue, optionalInput, requiredInput } from './fields'
import { bearer, idField, requireString, stringField } from './http'
import { callApi } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://developer.todoist.com/api/v1/#tag/User (GET /api/v1/user: id, email, full_name) and #tag/Tasks (POST /api/v1/tasks).
const TODOIST_API = 'https://api.todoist.com/api/v1'

const API_TOKEN: Field = {
  key: 'apiToken',
  label: 'API token',
  secret: true,
  inHeader: true,
  help: 'In Todoist: Settings → Integrations → Developer → API token.',
}
const CONTENT: Field = { key: 'content', label: 'Task', secret: false }
const DESCRIPTION: Field = { key: 'description', label: 'Description', secret: false, type: 'textarea', optional: true }
const DUE: Field = {
  key: 'due',
  label: 'Due',
  secret: false,
  optional: true,
  placeholder: 'tomorrow at 10',
  help: 'In plain words, as in Todoist.',
}

export const todoist: AppDefinition = {
  id: 'todoist',
  name: 'Todoist',
  iconUrl: '/icons/todoist.svg',
  category: 'project-management',
  authType: 'api_key',
  requestAuth: { kind: 'bearer', field: 'apiToken' },
  fields: [API_TOKEN],
  defaultEndpoints: { apiBaseUrl: TODOIST_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, todoistAuth(credentials), '/user')
    return { label: stringField(body, 'email') ?? requireString(ctx, body, 'full_name'), id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-task',
      name: 'Create task',
      fields: [CONTENT, DESCRIPTION, DUE],
      async run(ctx, credentials, input) {
        const description = optionalInput(input, DESCRIPTION)
        const due = optionalInput(input, DUE)
        const { status, body } = await callApi(ctx, todoistAuth(credentials), '/tasks', {
          method: 'POST',
          json: { content: requiredInput(input, CONTENT), ...(description ? { description } : {}), ...(due ? { due_string: due } : {}) },
        })
        return { upstreamStatus: status, output: { taskId: requireString(ctx, body, 'id') } }
      },
    },
  ],
}

function todoistAuth(credentials: Credentials): Record<string, string> {
  return { authorization: bearer(credentialValue(credentials, API_TOKEN)) }
}
