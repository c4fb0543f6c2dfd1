import { idField, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition } from './types'

// https://discord.com/developers/docs/resources/user#get-current-user (GET /users/@me: id, username, global_name).
const DISCORD_AUTHORIZE_URL = 'https://discord.com/api/oauth2/authorize'
const DISCORD_TOKEN_URL = 'https://discord.com/api/oauth2/token'
const DISCORD_API = 'https://discord.com/api'
/** https://discord.com/.well-known/oauth-authorization-server (revocation_endpoint) */
const DISCORD_REVOKE_URL = 'https://discord.com/api/oauth2/token/revoke'

export const discord: AppDefinition = {
  id: 'discord',
  name: 'Discord',
  iconUrl: '/icons/discord.svg',
  category: 'communication',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'DISCORD',
    providerName: 'Discord',
    scopes: ['identify', 'guilds'],
    scopeDescriptions: ['See your Discord username and avatar', 'See the list of servers you are in'],
    clientAuth: 'body',
    revocation: 'rfc7009',
  },
  defaultEndpoints: {
    authorizeUrl: DISCORD_AUTHORIZE_URL,
    tokenUrl: DISCORD_TOKEN_URL,
    revokeUrl: DISCORD_REVOKE_URL,
    apiBaseUrl: DISCORD_API,
  },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/users/@me')
    return { label: stringField(body, 'global_name') ?? requireString(ctx, body, 'username'), id: idField(body, 'id') }
  },
  actions: [],
}
