import { requiredInput } from './fields'
import { requireString, stringField } from './http'
import { callApi, pathSegment, tokenAuth } from './rest'
import { microsoftEndpoints, microsoftOAuth, verifyMicrosoftAccount } from './microsoft'
import type { AppDefinition, Field } from './types'

// https://learn.microsoft.com/en-us/graph/api/channel-post-messages (POST /teams/{id}/channels/{id}/messages: id, webUrl).
const TEAM: Field = {
  key: 'teamId',
  label: 'Team ID',
  secret: false,
  help: 'In Teams: the team’s ⋯ menu → Get link to team; the groupId part.',
}
const CHANNEL: Field = {
  key: 'channelId',
  label: 'Channel ID',
  secret: false,
  help: 'The channel’s ⋯ menu → Get link to channel; the part after /channel/.',
}
const TEXT: Field = { key: 'text', label: 'Message', secret: false, type: 'textarea' }

export const microsoftTeams: AppDefinition = {
  id: 'microsoft-teams',
  name: 'Microsoft Teams',
  iconUrl: '/icons/microsoft-teams.svg',
  category: 'communication',
  authType: 'oauth2',
  fields: [],
  oauth: microsoftOAuth(['ChannelMessage.Send'], ['Post messages in channels as you']),
  defaultEndpoints: microsoftEndpoints,
  verify: verifyMicrosoftAccount,
  actions: [
    {
      id: 'post-message',
      name: 'Post channel message',
      fields: [TEAM, CHANNEL, TEXT],
      async run(ctx, credentials, input) {
        const team = pathSegment(requiredInput(input, TEAM), TEAM.label)
        const path = `/teams/${team}/channels/${pathSegment(requiredInput(input, CHANNEL), CHANNEL.label)}/messages`
        const { status, body } = await callApi(ctx, tokenAuth(credentials), path, {
          method: 'POST',
          json: { body: { contentType: 'text', content: requiredInput(input, TEXT) } },
        })
        return { upstreamStatus: status, output: { messageId: requireString(ctx, body, 'id'), url: stringField(body, 'webUrl') ?? null } }
      },
    },
  ],
}
