import { AppError } from '../domain/errors'
import { requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://www.dropbox.com/developers/documentation/http/documentation#users-get_current_account (POST, body null: account_id, email).
const DROPBOX_AUTHORIZE_URL = 'https://www.dropbox.com/oauth2/authorize'
const DROPBOX_TOKEN_URL = 'https://api.dropboxapi.com/oauth2/token'
const DROPBOX_API = 'https://api.dropboxapi.com'

const PATH: Field = { key: 'path', label: 'Folder path', secret: false, placeholder: '/Clients/Acme', help: 'It starts with a slash.' }

export const dropbox: AppDefinition = {
  id: 'dropbox',
  name: 'Dropbox',
  iconUrl: '/icons/dropbox.svg',
  category: 'storage',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'DROPBOX',
    providerName: 'Dropbox',
    scopes: ['account_info.read', 'files.content.write'],
    scopeDescriptions: ['See your name and email address', 'Create folders and files in your Dropbox'],
    // Without it Dropbox hands out a short-lived token and no refresh token.
    authorizeParams: { token_access_type: 'offline' },
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: DROPBOX_AUTHORIZE_URL, tokenUrl: DROPBOX_TOKEN_URL, apiBaseUrl: DROPBOX_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/2/users/get_current_account', { method: 'POST', json: null })
    return { label: requireString(ctx, body, 'email'), id: idField(body, 'account_id') }
  },
  actions: [
    {
      id: 'create-folder',
      name: 'Create folder',
      fields: [PATH],
      async run(ctx, credentials, input) {
        const path = requiredInput(input, PATH)
        if (!path.startsWith('/')) throw new AppError('invalid_request', 'The folder path must start with a slash.')
        const { status, body } = await callApi(ctx, tokenAuth(credentials), '/2/files/create_folder_v2', {
          method: 'POST',
          json: { path, autorename: false },
        })
        return {
          upstreamStatus: status,
          output: { folderId: requireString(ctx, body, 'metadata', 'id'), path: stringField(body, 'metadata', 'path_display') ?? path },
        }
      },
    },
  ],
}
