import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { OAuthCredentials } from '../src/apps/types'
import type { ConnectionRow } from '../src/db/connections'
import { loadKeyring } from '../src/domain/crypto'
import { openCredentials } from '../src/services/credentials'
import { fakeCursor, fakeRequests } from './fake-requests'
import { call, DEMO_KEY, form, requestLink, signUpOwner, submitViaLink } from './helpers'
import { connectViaFakeProvider, signInAtDemo } from './oauth-link-flow'

async function credentialsOf(id: string): Promise<OAuthCredentials> {
  const row = await env.DB.prepare(
    'SELECT id, credentials_blob AS credentialsBlob, credentials_key_version AS credentialsKeyVersion FROM connections WHERE id = ?',
  )
    .bind(id)
    .first<ConnectionRow>()
  return (await openCredentials(await loadKeyring(env.ENCRYPTION_KEYS), row!)) as OAuthCredentials
}

async function eventsOf(id: string) {
  const { results } = await env.DB.prepare('SELECT type, actor, detail FROM events WHERE connection_id = ? ORDER BY at, id').bind(id).all<{
    type: string
    actor: string
    detail: string | null
  }>()
  return results
}

/** The revocation runs after the response (waitUntil): wait for its event, or give up. */
async function revocationEvent(id: string) {
  for (let attempt = 0; attempt < 80; attempt++) {
    const found = (await eventsOf(id)).find((event) => event.type.startsWith('provider_revoke'))
    if (found) return { ...found, detail: JSON.parse(found.detail ?? 'null') as Record<string, unknown> }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return null
}

const remove = (owner: { cookie: string }, id: string) => call(`/api/v1/connections/${id}`, { method: 'DELETE', cookie: owner.cookie })

describe('revoking at the provider when an OAuth connection is deleted', () => {
  it('demo provider (RFC 7009): after the delete, it refuses both the access and the refresh token', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'demo-docs')
    await signInAtDemo(await call(`${link.path}/accept`, form({})), 'ada.lovelace@example.com')
    const tokens = await credentialsOf(link.connectionId)
    expect((await call('/demo/oauth/userinfo', { bearer: tokens.accessToken })).status).toBe(200)

    expect((await remove(owner, link.connectionId)).status).toBe(204)
    expect(await revocationEvent(link.connectionId)).toMatchObject({
      type: 'provider_revoked',
      actor: 'system',
      detail: { provider: 'Demo Docs' },
    })
    expect((await call('/demo/oauth/userinfo', { bearer: tokens.accessToken })).status).toBe(401)
    const refresh = await call('/demo/oauth/token', {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('tether-demo:tether-demo-secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken! }),
    })
    expect(await refresh.json()).toEqual({ error: 'invalid_grant' })
  })

  it('Google: posts the refresh token to the revocation endpoint as a form, without client credentials', async () => {
    const owner = await signUpOwner()
    const id = await connectViaFakeProvider(owner, 'google-docs')
    const tokens = await credentialsOf(id)
    const since = await fakeCursor()
    expect((await remove(owner, id)).status).toBe(204)
    expect(await revocationEvent(id)).toMatchObject({ type: 'provider_revoked', detail: { provider: 'Google' } })
    const revokes = (await fakeRequests(since)).requests.filter((request) => request.path === '/google/revoke')
    expect(revokes).toHaveLength(1)
    expect(new URLSearchParams(revokes[0]!.body).get('token')).toBe(tokens.refreshToken)
    expect(revokes[0]!.headers.authorization).toBeUndefined()
  })

  it('Slack: auth.revoke with the token, which Slack refuses afterwards', async () => {
    const owner = await signUpOwner()
    const id = await connectViaFakeProvider(owner, 'slack')
    const { accessToken } = await credentialsOf(id)
    expect((await remove(owner, id)).status).toBe(204)
    expect(await revocationEvent(id)).toMatchObject({ type: 'provider_revoked', detail: { provider: 'Slack' } })
    const check = await fetch(`${env.FAKES_URL}/slack/api/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
    })
    expect(await check.json()).toMatchObject({ ok: false })
  })

  it('a refused revocation never blocks the delete, and is recorded', async () => {
    const owner = await signUpOwner()
    const id = await connectViaFakeProvider(owner, 'slack')
    const { accessToken } = await credentialsOf(id)
    // Revoked at Slack already (say, the client removed the app): the second revocation is refused.
    await fetch(`${env.FAKES_URL}/slack/api/auth.revoke`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } })
    expect((await remove(owner, id)).status).toBe(204)
    expect((await call(`/api/v1/connections/${id}`, { cookie: owner.cookie })).status).toBe(404)
    const event = await revocationEvent(id)
    expect(event).toMatchObject({ type: 'provider_revoke_failed', detail: { provider: 'Slack' } })
    expect(JSON.stringify(event)).not.toContain(accessToken)
  })

  it('calls nothing for an app without token revocation', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    await submitViaLink(link, { apiKey: DEMO_KEY })
    expect((await remove(owner, link.connectionId)).status).toBe(204)
    expect((await eventsOf(link.connectionId)).map((event) => event.type)).not.toContain('provider_revoked')
  })
})
