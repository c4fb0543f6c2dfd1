import { callApp } from './call'
import { idField, requireString } from './http'
import { clientCredentialsToken } from './oauth'
import type { Action, AppDefinition, Field } from './types'
import { zoom } from './zoom'

// https://developers.zoom.us/docs/rooms/oauth/ (Server to Server: POST /oauth/token, Basic client auth, grant_type
// account_credentials and account_id in the form body; the token is the account owner's, for an hour, without a refresh token).
const ZOOM_TOKEN_URL = 'https://zoom.us/oauth/token'
const ZOOM_API = 'https://api.zoom.us/v2'

const ACCOUNT_ID: Field = {
  key: 'accountId',
  label: 'Account ID',
  secret: false,
  help: 'On your Server-to-Server OAuth app’s page in the Zoom App Marketplace, under App Credentials.',
}
const CLIENT_ID: Field = { key: 'clientId', label: 'Client ID', secret: false }
const CLIENT_SECRET: Field = { key: 'clientSecret', label: 'Client secret', secret: true }

/** Zoom's meeting action, run with a token bought from the client's own app credentials. */
function withBoughtToken(action: Action): Action {
  return {
    ...action,
    async run(ctx, credentials, input) {
      return action.run(ctx, { accessToken: await clientCredentialsToken(zoomServerToServer, ctx, credentials) }, input)
    },
  }
}

export const zoomServerToServer: AppDefinition = {
  id: 'zoom-server-to-server',
  name: 'Zoom (Server-to-Server)',
  iconUrl: '/icons/zoom-server-to-server.svg',
  category: 'communication',
  authType: 'client_credentials',
  fields: [ACCOUNT_ID, CLIENT_ID, CLIENT_SECRET],
  clientCredentials: {
    clientIdField: CLIENT_ID.key,
    clientSecretField: CLIENT_SECRET.key,
    grantType: 'account_credentials',
    fieldParams: { account_id: ACCOUNT_ID.key },
  },
  credentialPlacement: { in: 'bearer', field: 'accessToken' },
  defaultEndpoints: { tokenUrl: ZOOM_TOKEN_URL, apiBaseUrl: ZOOM_API },
  // https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId} (`me`: the token's user, the account owner).
  async verify(ctx, credentials) {
    const { body } = await callApp(zoomServerToServer, ctx, credentials, '/users/me')
    return { label: requireString(ctx, body, 'email'), id: idField(body, 'account_id') ?? idField(body, 'id') }
  },
  actions: zoom.actions.map(withBoughtToken),
}
