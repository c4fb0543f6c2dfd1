import { AppError } from '../domain/errors'
import { accessTokenOf, requiredInput } from './fields'
import { bearer, callJson, field, idField, requireString, stringField } from './http'
import type { AppContext, AppDefinition, Credentials, Field } from './types'

const SLACK_AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize'
const SLACK_TOKEN_URL = 'https://slack.com/api/oauth.v2.access'
const SLACK_API = 'https://slack.com/api'
/** https://api.slack.com/methods/auth.revoke: the token in Authorization, answers {ok, revoked}. */
const SLACK_REVOKE_URL = `${SLACK_API}/auth.revoke`

const CHANNEL: Field = {
  key: 'channel',
  label: 'Channel',
  secret: false,
  placeholder: '#general',
  help: 'A channel name like #general, or a channel ID.',
}
const TEXT: Field = { key: 'text', label: 'Message', secret: false, type: 'textarea' }

/** Slack answers HTTP 200 with ok:false; these errors mean the token itself is no good. */
const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
])
const FRIENDLY_ERRORS: Record<string, string> = {
  channel_not_found: 'Slack could not find that channel.',
  not_in_channel: 'The Tether app is not in that channel. Invite it to the channel first.',
  is_archived: 'That Slack channel is archived.',
  msg_too_long: 'The message is too long for Slack.',
}

export const slack: AppDefinition = {
  id: 'slack',
  name: 'Slack',
  iconUrl: '/icons/slack.svg',
  category: 'communication',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'SLACK',
    providerName: 'Slack',
    scopes: ['chat:write', 'chat:write.public'],
    scopeDescriptions: ['Post messages in your workspace as the Tether app', 'Post in public channels without being invited first'],
    scopeSeparator: ',',
    revocation: 'bearer',
  },
  defaultEndpoints: { authorizeUrl: SLACK_AUTHORIZE_URL, tokenUrl: SLACK_TOKEN_URL, revokeUrl: SLACK_REVOKE_URL, apiBaseUrl: SLACK_API },
  async verify(ctx, credentials) {
    const body = await callSlack(ctx, credentials, 'auth.test', {})
    return { label: requireString(ctx, body, 'team'), id: idField(body, 'team_id') }
  },
  actions: [
    {
      id: 'post-message',
      name: 'Post message',
      fields: [CHANNEL, TEXT],
      async run(ctx, credentials, input) {
        const body = await callSlack(ctx, credentials, 'chat.postMessage', {
          channel: requiredInput(input, CHANNEL),
          text: requiredInput(input, TEXT),
        })
        return { upstreamStatus: 200, output: { channel: stringField(body, 'channel') ?? null, ts: requireString(ctx, body, 'ts') } }
      },
    },
  ],
}

async function callSlack(ctx: AppContext, credentials: Credentials, method: string, json: unknown): Promise<unknown> {
  const { body } = await callJson(ctx, `${ctx.endpoints.apiBaseUrl}/${method}`, {
    method: 'POST',
    headers: { authorization: bearer(accessTokenOf(credentials)) },
    json,
  })
  if (field(body, 'ok') === true) return body
  const error = stringField(body, 'error') ?? ''
  if (TOKEN_ERRORS.has(error)) throw new AppError('invalid_credentials', 'Slack did not accept these credentials.')
  throw new AppError('upstream_error', FRIENDLY_ERRORS[error] ?? 'Slack refused the request.')
}
