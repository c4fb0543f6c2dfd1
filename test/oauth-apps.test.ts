import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { post } from './dashboard-helpers'
import { call, signUpOwner } from './helpers'
import { connectViaFakeProvider } from './oauth-link-flow'

const SALESFORCE_APP = { clientId: 'salesforce-client', clientSecret: 'salesforce-secret' }

const salesforceOf = async (owner: { cookie: string }) => {
  const body = (await (await call('/api/v1/oauth-apps', { cookie: owner.cookie })).json()) as { oauthApps: Record<string, unknown>[] }
  return body.oauthApps.find((entry) => entry.provider === 'salesforce')
}
const isAvailable = async (owner: { cookie: string }, appId: string) => {
  const body = (await (await call(`/api/v1/apps?q=${appId}`, { cookie: owner.cookie })).json()) as {
    apps: { id: string; available: boolean }[]
  }
  return body.apps.find((app) => app.id === appId)?.available
}

describe('bring your own OAuth app', () => {
  it('lists a provider nobody configured as unavailable, with the reason, what to do and the redirect URI', async () => {
    const owner = await signUpOwner()
    expect(await salesforceOf(owner)).toEqual({
      provider: 'salesforce',
      providerName: 'Salesforce',
      apps: ['Salesforce'],
      source: 'none',
      clientId: null,
      redirectUri: 'http://tether.test/connect/oauth/callback',
      unavailableReason: expect.stringContaining('Settings → OAuth apps'),
      updatedAt: null,
    })
    expect(await isAvailable(owner, 'salesforce')).toBe(false)
    const refused = await call('/api/v1/connections', {
      cookie: owner.cookie,
      json: { via: 'link', appId: 'salesforce', name: 'Acme' },
      method: 'POST',
    })
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('app_unavailable')
  })

  it('makes the app usable for that workspace only, keeps the secret sealed and never returns it', async () => {
    const owner = await signUpOwner()
    const other = await signUpOwner('Other Owner')
    const saved = await call('/api/v1/oauth-apps/salesforce', { method: 'PUT', cookie: owner.cookie, json: SALESFORCE_APP })
    expect(saved.status).toBe(200)
    const text = await saved.text()
    expect(text).not.toContain(SALESFORCE_APP.clientSecret)
    expect(JSON.parse(text).oauthApp).toMatchObject({ source: 'workspace', clientId: 'salesforce-client', unavailableReason: null })

    expect(await isAvailable(owner, 'salesforce')).toBe(true)
    expect(await isAvailable(other, 'salesforce')).toBe(false)
    const row = await env.DB.prepare('SELECT * FROM oauth_apps WHERE workspace_id = ?')
      .bind(owner.workspaceId)
      .first<Record<string, string>>()
    expect(JSON.stringify(row)).not.toContain(SALESFORCE_APP.clientSecret)

    const page = await (await call('/settings/oauth-apps', { cookie: owner.cookie })).text()
    expect(page).toContain('http://tether.test/connect/oauth/callback')
    expect(page).toContain('Your own OAuth app')
    expect(page).not.toContain(SALESFORCE_APP.clientSecret)
  })

  it('signs a client in with the workspace’s own client and keeps Salesforce’s instance URL', async () => {
    const owner = await signUpOwner()
    await call('/api/v1/oauth-apps/salesforce', { method: 'PUT', cookie: owner.cookie, json: SALESFORCE_APP })
    const connectionId = await connectViaFakeProvider(owner, 'salesforce')
    const connection = (await (await call(`/api/v1/connections/${connectionId}`, { cookie: owner.cookie })).json()) as {
      connection: { status: string; accountLabel: string }
    }
    expect(connection.connection).toMatchObject({ status: 'active', accountLabel: 'sam@acme.example' })
  })

  it('takes precedence over the operator’s client, and falls back to it when removed', async () => {
    const owner = await signUpOwner()
    const clientIdOfSignIn = async () => {
      const started = await post('/connections/new/google-docs/oauth', { connectionName: 'Docs' }, owner.cookie)
      return new URL(started.headers.get('location')!).searchParams.get('client_id')
    }
    expect(await clientIdOfSignIn()).toBe('google-client')
    await call('/api/v1/oauth-apps/google', {
      method: 'PUT',
      cookie: owner.cookie,
      json: { clientId: 'agency-google', clientSecret: 's3cret' },
    })
    expect(await clientIdOfSignIn()).toBe('agency-google')
    expect((await call('/api/v1/oauth-apps/google', { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    expect(await clientIdOfSignIn()).toBe('google-client')
  })

  it('refuses an unknown provider, the demo provider and an unsendable secret', async () => {
    const owner = await signUpOwner()
    const put = (provider: string, json: unknown) => call(`/api/v1/oauth-apps/${provider}`, { method: 'PUT', cookie: owner.cookie, json })
    expect((await put('nope', SALESFORCE_APP)).status).toBe(404)
    expect((await put('demo', SALESFORCE_APP)).status).toBe(404)
    expect((await put('salesforce', { clientId: 'id', clientSecret: 'line\nbreak' })).status).toBe(400)
    expect((await call('/api/v1/oauth-apps/salesforce', { method: 'DELETE', cookie: owner.cookie })).status).toBe(404)
  })
})
