import { credentialValue } from './fields'
import { idField, requireString } from './http'
import { callApi } from './rest'
import type { AppDefinition, Field } from './types'

// https://developers.figma.com/docs/rest-api/users-endpoints/ (GET /v1/me: id, email, handle; personal tokens in X-Figma-Token).
const FIGMA_API = 'https://api.figma.com'

const TOKEN: Field = {
  key: 'accessToken',
  label: 'Personal access token',
  secret: true,
  inHeader: true,
  placeholder: 'figd_…',
  help: 'In Figma: your avatar → Settings → Security → Personal access tokens.',
}

export const figma: AppDefinition = {
  id: 'figma',
  name: 'Figma',
  iconUrl: '/icons/figma.svg',
  category: 'productivity',
  authType: 'api_key',
  requestAuth: { kind: 'header', header: 'x-figma-token', field: 'accessToken' },
  fields: [TOKEN],
  defaultEndpoints: { apiBaseUrl: FIGMA_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, { 'x-figma-token': credentialValue(credentials, TOKEN) }, '/v1/me')
    return { label: requireString(ctx, body, 'email'), id: idField(body, 'id') }
  },
  actions: [],
}
