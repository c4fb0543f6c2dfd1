import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, signUpOwner } from './helpers'

const wordpress = (password: string, site = `${env.FAKES_URL}/wp`) => ({ siteUrl: site, username: 'wendy', applicationPassword: password })

async function connect(owner: { cookie: string }, appId: string, credentials: Record<string, string>) {
  return call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId, name: `My ${appId}`, via: 'direct', credentials },
  })
}

async function connectionCount(workspaceId: string): Promise<number> {
  return (await env.DB.prepare('SELECT count(*) AS n FROM connections WHERE workspace_id = ?').bind(workspaceId).first<{ n: number }>())!.n
}

describe('direct connections', () => {
  it('verifies WordPress against the app before saving, and never returns the credentials', async () => {
    const owner = await signUpOwner()
    const secret = 'good-app-password-abcd-1234'
    const created = await connect(owner, 'wordpress', wordpress(secret))
    expect(created.status).toBe(201)
    const text = await created.text()
    expect(text).not.toContain(secret)
    const { connection } = JSON.parse(text) as { connection: Record<string, unknown> }
    expect(connection).toMatchObject({
      appId: 'wordpress',
      status: 'active',
      via: 'direct',
      badge: null,
      accountLabel: expect.any(String),
      link: null,
    })
    expect(Object.keys(connection).sort()).toEqual([
      'accountLabel',
      'appId',
      'badge',
      'createdAt',
      'credentialsSource',
      'credentialsUpdatedAt',
      'health',
      'id',
      'lastCheckedAt',
      'lastError',
      'link',
      'metadata',
      'name',
      'needsReconnect',
      'status',
      'updatedAt',
      'via',
    ])

    for (const path of ['/api/v1/connections', `/api/v1/connections/${connection.id}`, `/api/v1/connections/${connection.id}/events`]) {
      expect(await (await call(path, { cookie: owner.cookie })).text()).not.toContain(secret)
    }
  })

  it.each([
    ['a wrong password', 'wrong-password', 422, 'invalid_credentials'],
    ['an upstream 500', 'boom-password', 422, 'upstream_error'],
    ['an HTML answer', 'html-password', 422, 'upstream_error'],
    ['an upstream that hangs', 'hang-password', 422, 'upstream_error'],
  ])('stores nothing on %s', async (_case, password, status, code) => {
    const owner = await signUpOwner()
    const started = Date.now()
    const response = await connect(owner, 'wordpress', wordpress(password))
    expect(Date.now() - started).toBeLessThan(3000)
    expect(response.status).toBe(status)
    const body = await response.json<{ error: { code: string; message: string } }>()
    expect(body.error.code).toBe(code)
    expect(body.error.message).not.toContain(password)
    expect(await connectionCount(owner.workspaceId)).toBe(0)
  })

  it('refuses non-public site URLs and validates fields', async () => {
    const owner = await signUpOwner()
    for (const site of ['ftp://example.com', 'not a url', 'https://10.0.0.1', 'https://169.254.169.254/latest']) {
      const response = await connect(owner, 'wordpress', wordpress('good-pass', site))
      expect({ site, status: response.status }).toEqual({ site, status: 400 })
    }
    expect((await connect(owner, 'wordpress', { siteUrl: 'https://example.com' })).status).toBe(400)
    expect((await connect(owner, 'clickup', { apiToken: '' })).status).toBe(400)
    expect(await connectionCount(owner.workspaceId)).toBe(0)
  })

  it('connects ClickUp and Mailchimp, replaces credentials after verifying them, deletes', async () => {
    const owner = await signUpOwner()
    const clickup = await connect(owner, 'clickup', { apiToken: 'pk_good_token' })
    expect(clickup.status).toBe(201)
    expect((await clickup.json<{ connection: { accountLabel: string } }>()).connection.accountLabel).toBe('casey@clickup.test')
    const mailchimp = await connect(owner, 'mailchimp', { apiKey: 'good0123456789abcdef-us21' })
    expect(mailchimp.status).toBe(201)
    const { connection } = await mailchimp.json<{ connection: { id: string } }>()

    const bad = await call(`/api/v1/connections/${connection.id}/credentials`, {
      method: 'PUT',
      cookie: owner.cookie,
      json: { credentials: { apiKey: 'bad0123456789abcdef-us21' } },
    })
    expect(bad.status).toBe(422)
    const good = await call(`/api/v1/connections/${connection.id}/credentials`, {
      method: 'PUT',
      cookie: owner.cookie,
      json: { credentials: { apiKey: 'good9999999999999999-us21' } },
    })
    expect(good.status).toBe(200)
    const revision = await env.DB.prepare('SELECT credentials_revision AS r FROM connections WHERE id = ?')
      .bind(connection.id)
      .first<{ r: number }>()
    expect(revision?.r).toBe(2)
    expect((await call(`/api/v1/connections/${connection.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
  })

  it('lists the catalog with availability', async () => {
    const owner = await signUpOwner()
    const { apps } = await (await call('/api/v1/apps', { cookie: owner.cookie })).json<{
      apps: { id: string; available: boolean; fields: { secret: boolean }[] }[]
    }>()
    const byId = Object.fromEntries(apps.map((app) => [app.id, app]))
    for (const id of [
      'google-docs',
      'google-sheets',
      'gmail',
      'slack',
      'facebook-pages',
      'wordpress',
      'clickup',
      'mailchimp',
      'demo-docs',
      'demo-tasks',
    ]) {
      expect(byId[id]).toBeDefined()
    }
    expect(byId['google-docs']!.available).toBe(true)
    expect(byId['facebook-pages']!.available).toBe(false)
    expect(byId.wordpress!.fields.some((field) => field.secret)).toBe(true)
  })
})
