import { optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId} (userId `me`: id, email, first_name, last_name).
const ZOOM_AUTHORIZE_URL = 'https://zoom.us/oauth/authorize'
const ZOOM_TOKEN_URL = 'https://zoom.us/oauth/token'
const ZOOM_API = 'https://api.zoom.us/v2'

const TOPIC: Field = { key: 'topic', label: 'Meeting topic', secret: false }
const START: Field = {
  key: 'startTime',
  label: 'Start time',
  secret: false,
  optional: true,
  placeholder: '2026-12-24T15:00:00Z',
  help: 'In UTC. Leave empty for a meeting that starts when you open it.',
}
const DURATION: Field = { key: 'duration', label: 'Duration (minutes)', secret: false, optional: true, placeholder: '30' }

export const zoom: AppDefinition = {
  id: 'zoom',
  name: 'Zoom',
  iconUrl: '/icons/zoom.svg',
  category: 'communication',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'ZOOM',
    providerName: 'Zoom',
    scopes: ['user:read', 'meeting:write'],
    scopeDescriptions: ['See your Zoom profile', 'Schedule meetings for you'],
    scopeSeparator: ',',
  },
  defaultEndpoints: { authorizeUrl: ZOOM_AUTHORIZE_URL, tokenUrl: ZOOM_TOKEN_URL, apiBaseUrl: ZOOM_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/users/me')
    return { label: requireString(ctx, body, 'email'), id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-meeting',
      name: 'Create meeting',
      fields: [TOPIC, START, DURATION],
      async run(ctx, credentials, input) {
        const start = optionalInput(input, START)
        const duration = Number.parseInt(optionalInput(input, DURATION) ?? '', 10)
        // Type 2 is a scheduled meeting, 1 an instant one.
        const json = {
          topic: requiredInput(input, TOPIC),
          type: start ? 2 : 1,
          ...(start ? { start_time: start } : {}),
          ...(Number.isFinite(duration) && duration > 0 ? { duration } : {}),
        }
        const { status, body } = await callApi(ctx, tokenAuth(credentials), '/users/me/meetings', { method: 'POST', json })
        return {
          upstreamStatus: status,
          output: { meetingId: idField(body, 'id') ?? null, joinUrl: stringField(body, 'join_url') ?? null },
        }
      },
    },
  ],
}
