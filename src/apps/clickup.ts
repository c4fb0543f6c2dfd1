import { callApp } from './call'
import { optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import type { AppDefinition, Field } from './types'

const CLICKUP_API = 'https://api.clickup.com'

const API_TOKEN: Field = {
  key: 'apiToken',
  label: 'API token',
  secret: true,
  inHeader: true,
  placeholder: 'pk_…',
  help: 'In ClickUp: your avatar → Settings → Apps → API Token. It starts with pk_.',
}

const LIST: Field = { key: 'listId', label: 'List ID', secret: false, help: 'Open the list and copy the number after /li/ in its address.' }
const NAME: Field = { key: 'name', label: 'Task name', secret: false }
const DESCRIPTION: Field = { key: 'description', label: 'Description', secret: false, type: 'textarea', optional: true }

export const clickup: AppDefinition = {
  id: 'clickup',
  name: 'ClickUp',
  iconUrl: '/icons/clickup.svg',
  category: 'project-management',
  authType: 'api_key',
  fields: [API_TOKEN],
  // ClickUp personal tokens go in the header as they are, without a scheme.
  credentialPlacement: { in: 'header', name: 'authorization', field: API_TOKEN.key },
  defaultEndpoints: { apiBaseUrl: CLICKUP_API },
  requestAuth: { kind: 'header', header: 'authorization', field: API_TOKEN.key },
  async verify(ctx, credentials) {
    const { body } = await callApp(clickup, ctx, credentials, '/api/v2/user')
    const label = stringField(body, 'user', 'email') ?? requireString(ctx, body, 'user', 'username')
    return { label, id: idField(body, 'user', 'id') }
  },
  actions: [
    {
      id: 'create-task',
      name: 'Create task',
      fields: [LIST, NAME, DESCRIPTION],
      async run(ctx, credentials, input) {
        const description = optionalInput(input, DESCRIPTION)
        const { status, body } = await callApp(
          clickup,
          ctx,
          credentials,
          `/api/v2/list/${encodeURIComponent(requiredInput(input, LIST))}/task`,
          {
            method: 'POST',
            json: { name: requiredInput(input, NAME), ...(description ? { description } : {}) },
          },
        )
        return { upstreamStatus: status, output: { taskId: requireString(ctx, body, 'id'), url: stringField(body, 'url') ?? null } }
      },
    },
  ],
}
