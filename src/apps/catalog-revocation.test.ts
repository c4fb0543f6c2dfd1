import { describe, expect, it } from 'vitest'
import { programmedContext } from '../../test/programmable-fake'
import { box } from './box'
import { discord } from './discord'
import { gitlab } from './gitlab'
import { revokeOAuthGrant } from './oauth'
import type { AppDefinition } from './types'

const client = { clientId: 'client-1', clientSecret: 'secret-1' }

const cases: { app: AppDefinition; url: string }[] = [
  // https://developer.box.com/reference/post-oauth2-revoke/ (form client_id, client_secret, token; an empty 200).
  { app: box, url: 'https://api.box.com/oauth2/revoke' },
  // https://docs.gitlab.com/api/oauth2/#revoke-a-token (form client_id, client_secret, token).
  { app: gitlab, url: 'https://gitlab.com/oauth/revoke' },
  // https://discord.com/.well-known/oauth-authorization-server (revocation_endpoint, client_secret_post accepted).
  { app: discord, url: 'https://discord.com/api/oauth2/token/revoke' },
]

describe('revoking a deleted connection’s grant at the provider', () => {
  it.each(cases.map((entry) => ({ name: entry.app.name, entry })))(
    '$name gets the refresh token and the client in the form',
    async ({ entry }) => {
      const fake = await programmedContext(entry.app, [{ status: 200 }])
      await revokeOAuthGrant(entry.app, fake.ctx, client, { accessToken: 'access-1', refreshToken: 'refresh-1' })
      const sent = await fake.onlyRequest()
      expect({ method: sent.method, url: fake.upstreamUrl(sent) }).toEqual({ method: 'POST', url: entry.url })
      expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
        token: 'refresh-1',
        token_type_hint: 'refresh_token',
        client_id: 'client-1',
        client_secret: 'secret-1',
      })
    },
  )
})
