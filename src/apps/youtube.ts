import { AppError } from '../domain/errors'
import { field, idField, requireString } from './http'
import { googleEndpoints, googleOAuth } from './google'
import { callApi, tokenAuth } from './rest'
import type { AppDefinition } from './types'

// https://developers.google.com/youtube/v3/docs/channels/list (mine=true: items[].id and items[].snippet.title).
const YOUTUBE_API = 'https://www.googleapis.com/youtube/v3'

export const youtube: AppDefinition = {
  id: 'youtube',
  name: 'YouTube',
  iconUrl: '/icons/youtube.svg',
  category: 'social',
  authType: 'oauth2',
  fields: [],
  oauth: googleOAuth(['https://www.googleapis.com/auth/youtube.readonly'], ['See your YouTube channel, videos and playlists']),
  defaultEndpoints: googleEndpoints(YOUTUBE_API),
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/channels?part=snippet&mine=true')
    const items = field(body, 'items')
    const channel: unknown = Array.isArray(items) ? items[0] : undefined
    if (channel === undefined) throw new AppError('invalid_credentials', 'This Google account has no YouTube channel.')
    return { label: requireString(ctx, channel, 'snippet', 'title'), id: idField(channel, 'id') }
  },
  actions: [],
}
