import { optionalInput, requiredInput } from './fields'
import { idField, requireString } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://developer.box.com/reference/get-users-me/ (id, name, login) and https://developer.box.com/reference/post-folders/.
const BOX_AUTHORIZE_URL = 'https://account.box.com/api/oauth2/authorize'
const BOX_TOKEN_URL = 'https://api.box.com/oauth2/token'
const BOX_API = 'https://api.box.com/2.0'
/** https://developer.box.com/reference/post-oauth2-revoke/ */
const BOX_REVOKE_URL = 'https://api.box.com/oauth2/revoke'

const NAME: Field = { key: 'name', label: 'Folder name', secret: false }
const PARENT: Field = {
  key: 'parentId',
  label: 'Parent folder ID',
  secret: false,
  optional: true,
  placeholder: '0',
  help: '0 is your top folder.',
}

export const box: AppDefinition = {
  id: 'box',
  name: 'Box',
  iconUrl: '/icons/box.svg',
  category: 'storage',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'BOX',
    providerName: 'Box',
    // Box grants what the app is configured for in its console; the authorize URL carries no scope.
    scopes: [],
    scopeDescriptions: ['See your Box profile, and read and write your files and folders'],
    clientAuth: 'body',
    revocation: 'rfc7009',
  },
  defaultEndpoints: { authorizeUrl: BOX_AUTHORIZE_URL, tokenUrl: BOX_TOKEN_URL, revokeUrl: BOX_REVOKE_URL, apiBaseUrl: BOX_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/users/me')
    return { label: requireString(ctx, body, 'login'), id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-folder',
      name: 'Create folder',
      fields: [NAME, PARENT],
      async run(ctx, credentials, input) {
        const { status, body } = await callApi(ctx, tokenAuth(credentials), '/folders', {
          method: 'POST',
          json: { name: requiredInput(input, NAME), parent: { id: optionalInput(input, PARENT) ?? '0' } },
        })
        return { upstreamStatus: status, output: { folderId: requireString(ctx, body, 'id') } }
      },
    },
  ],
}
