import { DEMO_ORIGIN } from './context'
import { credentialValue, optionalInput, requiredInput } from './fields'
import { bearer, callJson, idField, requireString, stringField } from './http'
import type { AppDefinition, Credentials, Field } from './types'

const DEMO_TASKS_API = `${DEMO_ORIGIN}/demo/tasks`

const API_KEY: Field = {
  key: 'apiKey',
  label: 'API key',
  secret: true,
  inHeader: true,
  placeholder: 'demo_…',
  help:
    'This is a demo: any key that starts with demo_ and is at least 12 characters long works, like demo_12345678. ' +
    'Other keys are refused.',
}

const NAME: Field = { key: 'name', label: 'Task name', secret: false }
const DESCRIPTION: Field = { key: 'description', label: 'Description', secret: false, type: 'textarea', optional: true }

export const demoTasks: AppDefinition = {
  id: 'demo-tasks',
  name: 'Demo Tasks',
  iconUrl: '/icons/demo-tasks.svg',
  category: 'demo',
  authType: 'api_key',
  fields: [API_KEY],
  demo: true,
  defaultEndpoints: { apiBaseUrl: DEMO_TASKS_API },
  requestAuth: { kind: 'bearer', field: API_KEY.key },
  async verify(ctx, credentials) {
    const { body } = await callJson(ctx, `${ctx.endpoints.apiBaseUrl}/me`, { headers: authHeaders(credentials) })
    return { label: requireString(ctx, body, 'name'), id: idField(body, 'id') }
  },
  translations: {
    de: {
      fields: {
        apiKey: {
          label: 'API-Schlüssel',
          help:
            'Dies ist eine Demo: Jeder Schlüssel, der mit demo_ beginnt und mindestens 12 Zeichen lang ist, funktioniert, zum Beispiel ' +
            'demo_12345678. Andere Schlüssel werden abgelehnt.',
        },
      },
    },
  },
  actions: [
    {
      id: 'create-task',
      name: 'Create task',
      fields: [NAME, DESCRIPTION],
      async run(ctx, credentials, input) {
        const { status, body } = await callJson(ctx, `${ctx.endpoints.apiBaseUrl}/tasks`, {
          method: 'POST',
          headers: authHeaders(credentials),
          json: { name: requiredInput(input, NAME), description: optionalInput(input, DESCRIPTION) ?? '' },
        })
        return { upstreamStatus: status, output: { taskId: requireString(ctx, body, 'id'), name: stringField(body, 'name') ?? null } }
      },
    },
  ],
}

function authHeaders(credentials: Credentials): Record<string, string> {
  return { authorization: bearer(credentialValue(credentials, API_KEY)) }
}
