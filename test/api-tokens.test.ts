import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { touchApiToken } from '../src/db/api-tokens'
import { database } from '../src/db/client'
import { hashToken } from '../src/domain/tokens'
import { call, signUpOwner } from './helpers'

type Owner = Awaited<ReturnType<typeof signUpOwner>>
interface Created {
  token: string
  id: string
  name: string
  scope: 'read' | 'write'
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string
}

const DAY_MS = 86_400_000

async function mint(owner: Owner, body: Record<string, unknown> = { name: 'CI' }): Promise<Created> {
  const response = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: body })
  expect(response.status, await response.clone().text()).toBe(201)
  return response.json<Created>()
}

async function column(id: string, name: 'last_used_at' | 'expires_at'): Promise<number | null> {
  return env.DB.prepare(`SELECT ${name} AS v FROM api_tokens WHERE id = ?`).bind(id).first<number | null>('v')
}

/** `last_used_at` is written after the response (waitUntil): wait until it is what `done` expects, or give up. */
async function lastUsedOnceSettled(id: string, done: (value: number | null) => boolean): Promise<number | null> {
  let value = await column(id, 'last_used_at')
  for (let attempt = 0; attempt < 40 && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25))
    value = await column(id, 'last_used_at')
  }
  return value
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

describe('API tokens: create, list, revoke', () => {
  it('creates a write token for 90 days by default, or the scope and expiry asked for, shown once with no-store', async () => {
    const owner = await signUpOwner()
    const response = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'CI' } })
    expect(response.status).toBe(201)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const created = await response.json<Created>()
    expect(created).toMatchObject({ name: 'CI', scope: 'write', lastUsedAt: null, token: expect.stringMatching(/^tth_/) })
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(90 * DAY_MS)

    const read = await mint(owner, { name: 'Reports', scope: 'read', expiresInDays: 1 })
    expect(read.scope).toBe('read')
    expect(Date.parse(read.expiresAt) - Date.parse(read.createdAt)).toBe(DAY_MS)
    for (const expiresInDays of [0, 366, 1.5, '30']) {
      const refused = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'x', expiresInDays } })
      expect({ expiresInDays, status: refused.status }).toEqual({ expiresInDays, status: 400 })
    }
    const badScope = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: 'x', scope: 'admin' } })
    expect(badScope.status).toBe(400)
  })

  it('lists name, scope and dates, never the secret or its hash, and only the caller’s own', async () => {
    const owner = await signUpOwner()
    const other = await signUpOwner('Other')
    const first = await mint(owner, { name: 'First' })
    const second = await mint(owner, { name: 'Second', scope: 'read', expiresInDays: 30 })
    const theirs = await mint(other, { name: 'Theirs' })
    for (const auth of [{ cookie: owner.cookie }, { bearer: second.token }]) {
      const response = await call('/api/v1/tokens', auth)
      expect(response.status).toBe(200)
      const text = await response.text()
      for (const secret of [first.token, second.token, await hashToken(first.token), await hashToken(second.token)]) {
        expect(text).not.toContain(secret)
      }
      expect(text).not.toContain(theirs.id)
      const { tokens } = JSON.parse(text) as { tokens: Omit<Created, 'token'>[] }
      expect(tokens.map((t) => t.name)).toEqual(['Second', 'First'])
      expect(tokens[0]).toEqual({ ...second, token: undefined, lastUsedAt: tokens[0]!.lastUsedAt })
      expect(Object.keys(tokens[0]!).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'scope'])
    }
    const settings = await (await call('/settings', { cookie: owner.cookie })).text()
    for (const secret of [first.token, await hashToken(first.token)]) expect(settings).not.toContain(secret)
    expect(settings).toContain('First')
    expect(settings).not.toContain('Theirs')
  })

  it('a revoked token is refused at once; another owner’s token id is 404 and stays working', async () => {
    const owner = await signUpOwner()
    const other = await signUpOwner('Other')
    const mine = await mint(owner)
    const theirs = await mint(other)
    expect((await call('/api/v1/connections', { bearer: mine.token })).status).toBe(200)
    expect((await call(`/api/v1/tokens/${theirs.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(404)
    expect((await call(`/api/v1/tokens/${theirs.id}`, { method: 'DELETE', bearer: mine.token })).status).toBe(404)
    const page = await call(`/settings/tokens/${theirs.id}/revoke`, { method: 'POST', cookie: owner.cookie })
    expect(page.status).toBe(404)
    expect((await call('/api/v1/connections', { bearer: theirs.token })).status).toBe(200)

    expect((await call(`/api/v1/tokens/${mine.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    const refused = await call('/api/v1/connections', { bearer: mine.token })
    expect(refused.status).toBe(401)
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe('unauthorized')
    expect((await call(`/api/v1/tokens/${mine.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(404)

    // A write token may revoke, itself included; the dashboard's Revoke button does the same.
    const selfRevoking = await mint(owner)
    expect((await call(`/api/v1/tokens/${selfRevoking.id}`, { method: 'DELETE', bearer: selfRevoking.token })).status).toBe(204)
    expect((await call('/api/v1/tokens', { bearer: selfRevoking.token })).status).toBe(401)
    const viaPage = await mint(owner)
    const revoked = await call(`/settings/tokens/${viaPage.id}/revoke`, { method: 'POST', cookie: owner.cookie })
    expect(revoked.status).toBe(303)
    expect(revoked.headers.get('location')).toBe('/settings')
    expect((await call('/api/v1/connections', { bearer: viaPage.token })).status).toBe(401)
  })

  it('an expired token is refused like an unknown one', async () => {
    const owner = await signUpOwner()
    const token = await mint(owner, { name: 'Short', expiresInDays: 1 })
    expect((await call('/api/v1/connections', { bearer: token.token })).status).toBe(200)
    await env.DB.prepare('UPDATE api_tokens SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1, token.id)
      .run()
    const expired = await call('/api/v1/connections', { bearer: token.token })
    const unknown = await call('/api/v1/connections', { bearer: 'tth_never_issued_token_0000000000' })
    expect(expired.status).toBe(401)
    expect(await expired.text()).toBe(await unknown.text())
    // Still listed, marked expired, until revoked.
    expect(await (await call('/settings', { cookie: owner.cookie })).text()).toContain('Expired')
  })
})

describe('API tokens: scope and minting', () => {
  it('a read token may GET; every other method is 403 insufficient_scope, API and dashboard alike', async () => {
    const owner = await signUpOwner()
    const read = await mint(owner, { name: 'Read', scope: 'read' })
    const write = await mint(owner, { name: 'Write' })
    for (const path of ['/api/v1/connections', '/api/v1/workflows', '/api/v1/apps', '/api/v1/tokens']) {
      expect({ path, status: (await call(path, { bearer: read.token })).status }).toEqual({ path, status: 200 })
    }
    const writes: [string, string, unknown?][] = [
      ['POST', '/api/v1/connections', { appId: 'demo-tasks', name: 'x', via: 'link' }],
      ['POST', '/api/v1/workflows', { name: 'x', steps: [] }],
      ['PUT', '/api/v1/workflows/some-id', { name: 'x', steps: [] }],
      ['DELETE', '/api/v1/connections/some-id'],
      ['DELETE', `/api/v1/tokens/${write.id}`],
      ['POST', '/api/v1/tokens', { name: 'x' }],
      ['POST', `/settings/tokens/${write.id}/revoke`],
      ['POST', '/connections/new/demo-tasks/link', { connectionName: 'x', expiresInMinutes: '60' }],
    ]
    for (const [method, path, json] of writes) {
      const response = await call(path, { method, bearer: read.token, ...(json === undefined ? {} : { json }) })
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 })
      if (path.startsWith('/api/')) expect((await response.json<{ error: { code: string } }>()).error.code).toBe('insufficient_scope')
    }
    expect((await call('/api/v1/connections', { bearer: write.token })).status).toBe(200)
    expect((await call('/api/v1/tokens', { cookie: owner.cookie })).status).toBe(200)
    expect((await call('/api/v1/workflows', { method: 'POST', bearer: write.token, json: { name: 'ok', steps: [] } })).status).toBe(201)
    // Nothing was changed by the read token.
    expect((await (await call('/api/v1/tokens', { cookie: owner.cookie })).json<{ tokens: unknown[] }>()).tokens).toHaveLength(2)
    console.log(`[figure] api tokens: a read token got 4 GETs → 200 and ${writes.length} writes → 403 insufficient_scope`)
  })

  it('minting needs a session: a bearer token gets 403, through the API and the dashboard', async () => {
    const owner = await signUpOwner()
    const write = await mint(owner)
    const response = await call('/api/v1/tokens', { method: 'POST', bearer: write.token, json: { name: 'Successor' } })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'API tokens can only be created by a signed-in user, not with another API token.' },
    })
    const viaPage = await call('/settings/tokens', {
      method: 'POST',
      bearer: write.token,
      body: new URLSearchParams({ name: 'Successor', scope: 'write', expiresInDays: '90' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(viaPage.status).toBe(403)
    const count = await env.DB.prepare('SELECT count(*) AS n FROM api_tokens WHERE user_id = ?').bind(owner.userId).first<number>('n')
    expect(count).toBe(1)
  })
})

describe('API tokens: last use', () => {
  it('written after the first use, not again within a minute, again after it', async () => {
    const owner = await signUpOwner()
    const token = await mint(owner)
    const before = Date.now()
    expect((await call('/api/v1/connections', { bearer: token.token })).status).toBe(200)
    const first = await lastUsedOnceSettled(token.id, (value) => value !== null)
    expect(first).toBeGreaterThanOrEqual(before)

    // 30 s ago: within the minute, so further uses leave it.
    const recent = Date.now() - 30_000
    await env.DB.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').bind(recent, token.id).run()
    for (let use = 0; use < 5; use++) expect((await call('/api/v1/connections', { bearer: token.token })).status).toBe(200)
    await settle()
    expect(await column(token.id, 'last_used_at')).toBe(recent)

    // 61 s ago: the next use writes it again.
    const old = Date.now() - 61_000
    await env.DB.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').bind(old, token.id).run()
    const again = Date.now()
    expect((await call('/api/v1/connections', { bearer: token.token })).status).toBe(200)
    expect(await lastUsedOnceSettled(token.id, (value) => value !== old)).toBeGreaterThanOrEqual(again)
    const listed = await (await call('/api/v1/tokens', { cookie: owner.cookie })).json<{ tokens: Created[] }>()
    expect(Date.parse(listed.tokens[0]!.lastUsedAt!)).toBeGreaterThanOrEqual(again)
  })

  it('the write itself is conditional, so uses racing within one minute write once', async () => {
    const owner = await signUpOwner()
    const token = await mint(owner)
    const db = database(env.DB)
    const t = 1_800_000_000_000
    await touchApiToken(db, token.id, t, 60_000)
    await touchApiToken(db, token.id, t + 30_000, 60_000)
    await touchApiToken(db, token.id, t + 60_000, 60_000)
    expect(await column(token.id, 'last_used_at')).toBe(t)
    await touchApiToken(db, token.id, t + 60_001, 60_000)
    expect(await column(token.id, 'last_used_at')).toBe(t + 60_001)
  })

  it('a failing write never fails the request', async () => {
    const owner = await signUpOwner()
    const token = await mint(owner)
    await env.DB.prepare(
      "CREATE TRIGGER IF NOT EXISTS refuse_last_use BEFORE UPDATE OF last_used_at ON api_tokens BEGIN SELECT RAISE(ABORT, 'refused'); END",
    ).run()
    try {
      expect((await call('/api/v1/connections', { bearer: token.token })).status).toBe(200)
      await settle()
      expect(await column(token.id, 'last_used_at')).toBeNull()
    } finally {
      await env.DB.prepare('DROP TRIGGER refuse_last_use').run()
    }
  })
})
