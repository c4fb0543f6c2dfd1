import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { DEMO_KEY, followRedirect, rejectViaLink, form, requestLink, signUpOwner, submitViaLink, call, getConnection } from '../helpers'
import { withEnv } from './with-env'

/**
 * D1 failing in the middle of a flow: every write that matters is one batch (one transaction),
 * so a failure leaves all of it or none of it. The client sees an error, then a retry works.
 */

/** A statement D1 refuses (NOT NULL), so the batch it is put in fails inside the transaction. */
const refusedStatement = () => env.DB.prepare('INSERT INTO rate_limits (key, count, window_start) VALUES (NULL, NULL, NULL)')

type Injection = 'before' | 'after-first' | 'last' | 'lost'

/** env.DB, except that the first batch with a statement matching `target` fails as `how` says. */
function failingDb(target: RegExp, how: Injection) {
  const state = { fired: false }
  const db = new Proxy(env.DB, {
    get(real, property) {
      if (property !== 'batch') return Reflect.get(real, property).bind(real)
      return async (statements: D1PreparedStatement[]) => {
        const sql = statements.map((statement) => (statement as unknown as { statement: string }).statement)
        if (state.fired || !sql.some((text) => target.test(text))) return real.batch(statements)
        state.fired = true
        if (how === 'lost') throw new Error('D1_ERROR: Network connection lost.')
        const at = how === 'before' ? 0 : how === 'after-first' ? 1 : statements.length
        return real.batch([...statements.slice(0, at), refusedStatement(), ...statements.slice(at)])
      }
    },
  })
  return { db, state }
}

/** The write that stores credentials, and the one a rejection makes: whichever batch holds it fails. */
const CREDENTIALS_WRITE = /^update "connections" set "status" = \?, "account_label"/
const CONNECTION_WRITE = /^update "connections" set/
const INJECTIONS: Injection[] = ['before', 'after-first', 'last', 'lost']

async function linkState(connectionId: string) {
  return env.DB.prepare(`SELECT c.status, c.credentials_blob AS blob, c.credentials_revision AS revision, l.status AS linkStatus,
      (SELECT count(*) FROM events e WHERE e.connection_id = c.id AND e.type IN ('credentials_submitted', 'rejected')) AS outcomes
    FROM connections c JOIN links l ON l.id = (SELECT id FROM links WHERE connection_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1)
    WHERE c.id = ?`)
    .bind(connectionId)
    .first<{ status: string; blob: string | null; revision: number; linkStatus: string; outcomes: number }>()
}

describe('D1 failing mid-flow leaves no half state', () => {
  it.each(INJECTIONS)(
    'client submits credentials, the batch storing them fails (%s): link not consumed, nothing stored; the retry works',
    async (how) => {
      const owner = await signUpOwner()
      const link = await requestLink(owner)
      const { db, state } = failingDb(CREDENTIALS_WRITE, how)
      const failed = await withEnv({ DB: db }).call(link.path, { form: { apiKey: DEMO_KEY } })
      expect(state.fired).toBe(true)
      expect(failed.status).toBe(500)
      expect(await linkState(link.connectionId)).toEqual({ status: 'pending', blob: null, revision: 0, linkStatus: 'pending', outcomes: 0 })
      expect((await call(link.path)).status).toBe(200)
      expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
      expect(await linkState(link.connectionId)).toMatchObject({
        status: 'active',
        blob: expect.any(String),
        revision: 1,
        linkStatus: 'used',
        outcomes: 1,
      })
    },
  )

  it.each(INJECTIONS)('client rejects, the batch fails (%s): still pending; the retry works', async (how) => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const { db } = failingDb(CONNECTION_WRITE, how)
    expect((await withEnv({ DB: db }).call(`${link.path}/reject`, { form: {} })).status).toBe(500)
    expect(await linkState(link.connectionId)).toEqual({ status: 'pending', blob: null, revision: 0, linkStatus: 'pending', outcomes: 0 })
    expect((await rejectViaLink(link)).status).toBe(200)
    expect(await linkState(link.connectionId)).toMatchObject({ status: 'rejected', linkStatus: 'rejected', outcomes: 1 })
  })

  it.each(INJECTIONS)('a refresh submission fails (%s): the old credentials stay, untouched, and keep working', async (how) => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    await submitViaLink(link, { apiKey: DEMO_KEY })
    const before = await linkState(link.connectionId)
    const refresh = await call(`/api/v1/connections/${link.connectionId}/link`, {
      method: 'POST',
      cookie: owner.cookie,
      json: { allowAccountChange: true },
    })
    const refreshPath = new URL((await refresh.json<{ link: { url: string } }>()).link.url).pathname
    const { db } = failingDb(CREDENTIALS_WRITE, how)
    expect((await withEnv({ DB: db }).call(refreshPath, { form: { apiKey: 'demo_new_key_9999' } })).status).toBe(500)
    expect(await linkState(link.connectionId)).toEqual({ ...before!, linkStatus: 'pending' })
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active', badge: 'refresh_pending' })
  })

  it.each(INJECTIONS)('the owner replaces credentials and the batch fails (%s): old credentials and the open link stay', async (how) => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    await submitViaLink(link, { apiKey: DEMO_KEY })
    await call(`/api/v1/connections/${link.connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
    const before = await linkState(link.connectionId)
    const { db } = failingDb(CREDENTIALS_WRITE, how)
    const response = await withEnv({ DB: db }).call(`/api/v1/connections/${link.connectionId}/credentials`, {
      method: 'PUT',
      cookie: owner.cookie,
      json: { credentials: { apiKey: 'demo_owner_key_1234' }, allowAccountChange: true },
    })
    expect(response.status).toBe(500)
    expect(await linkState(link.connectionId)).toEqual(before)
  })

  it.each(INJECTIONS)('requesting a link fails (%s): no connection, no link, no usable invitation', async (how) => {
    const owner = await signUpOwner()
    const { db } = failingDb(/^insert into "connections"/, how)
    const response = await withEnv({ DB: db }).call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'demo-tasks', name: 'Lost', via: 'link' },
    })
    expect(response.status).toBe(500)
    const rows = await env.DB.prepare(
      'SELECT (SELECT count(*) FROM connections WHERE workspace_id = ?1) AS connections, ' +
        '(SELECT count(*) FROM links WHERE workspace_id = ?1) AS links, (SELECT count(*) FROM events WHERE workspace_id = ?1) AS events',
    )
      .bind(owner.workspaceId)
      .first()
    expect(rows).toEqual({ connections: 0, links: 0, events: 0 })
  })

  it('an OAuth callback whose final batch fails: the link stays pending with nothing stored; signing in again works', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const signIn = async (app: { call: typeof call }) => {
      const accepted = await app.call(`${link.path}/accept`, form({}))
      const location = new URL(accepted.headers.get('location')!)
      const cookie = accepted.headers
        .getSetCookie()
        .find((c) => c.startsWith('tether_oauth_state='))!
        .split(';')[0]!
      const back = new URL((await fetch(location, { redirect: 'manual' })).headers.get('location')!)
      return followRedirect(
        await app.call(`/connect/oauth/callback${back.search}`, { cookie }),
        (next, held) => app.call(next, { cookie: held }),
        cookie,
      )
    }
    const { db } = failingDb(CREDENTIALS_WRITE, 'after-first')
    expect((await signIn(withEnv({ DB: db }))).status).toBe(500)
    expect(await linkState(link.connectionId)).toEqual({ status: 'pending', blob: null, revision: 0, linkStatus: 'pending', outcomes: 0 })
    expect((await signIn({ call })).status).toBe(200)
    expect(await linkState(link.connectionId)).toMatchObject({ status: 'active', linkStatus: 'used', outcomes: 1 })
  })
})

describe('KV failing around a D1 write', () => {
  /** env.LINKS whose writes and deletes fail, as KV can under load. */
  const failingKv = new Proxy(env.LINKS, {
    get(real, property) {
      if (property === 'delete' || property === 'put')
        return async () => {
          throw new Error('KV PUT failed: 429 Too Many Requests')
        }
      return Reflect.get(real, property).bind(real)
    },
  })

  it('a connection stored in D1 is reported created even if the invitation cache cannot be cleared; D1 still refuses reuse', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const response = await withEnv({ LINKS: failingKv }).call(link.path, { form: { apiKey: DEMO_KEY }, follow: true })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Connection created successfully')
    expect(await linkState(link.connectionId)).toMatchObject({ status: 'active', linkStatus: 'used', outcomes: 1 })
    expect((await call(`${link.path}/accept`, form({}))).status).toBe(410)
    expect((await submitViaLink(link, { apiKey: 'demo_second_key_123' })).status).toBe(410)
  })

  it('a link whose invitation cannot be cached is not created: the owner never holds a link the client cannot open', async () => {
    const owner = await signUpOwner()
    const response = await withEnv({ LINKS: failingKv }).call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'demo-tasks', name: 'Uncached', via: 'link' },
    })
    expect(response.status).toBe(500)
    const pendingLinks = await env.DB.prepare("SELECT count(*) AS n FROM links WHERE workspace_id = ? AND status = 'pending'")
      .bind(owner.workspaceId)
      .first<{ n: number }>()
    expect(pendingLinks?.n).toBe(0)
  })
})

describe('the cron', () => {
  it('two overlapping runs expire each overdue link once, with one event each; a third run changes nothing', async () => {
    const owner = await signUpOwner()
    const links = await Promise.all(Array.from({ length: 30 }, () => requestLink(owner)))
    const ids = links.map((link) => link.connectionId)
    const now = Date.now()
    await env.DB.prepare(`UPDATE links SET expires_at = ? WHERE connection_id IN (${ids.map(() => '?').join(',')})`)
      .bind(now - 1000, ...ids)
      .run()
    const app = withEnv({})
    await Promise.all([app.cron(now), app.cron(now), app.cron(now + 1)])
    const counts = async () =>
      env.DB.prepare(`SELECT
        (SELECT count(*) FROM links WHERE workspace_id = ?1 AND status = 'expired') AS expired,
        (SELECT count(*) FROM events WHERE workspace_id = ?1 AND type = 'expired') AS events,
        (SELECT count(DISTINCT link_id) FROM events WHERE workspace_id = ?1 AND type = 'expired') AS linksWithEvent`)
        .bind(owner.workspaceId)
        .first()
    expect(await counts()).toEqual({ expired: 30, events: 30, linksWithEvent: 30 })
    await app.cron(now + 60_000)
    expect(await counts()).toEqual({ expired: 30, events: 30, linksWithEvent: 30 })
  })

  it('a run whose batch fails leaves links pending and unrecorded; the next run finishes the job', async () => {
    const owner = await signUpOwner()
    const links = await Promise.all(Array.from({ length: 5 }, () => requestLink(owner)))
    const now = Date.now()
    for (const link of links)
      await env.DB.prepare('UPDATE links SET expires_at = ? WHERE connection_id = ?')
        .bind(now - 1000, link.connectionId)
        .run()
    const { db, state } = failingDb(/^update "links" set "status" = \?, "claim_id" = \?, "closed_at"/, 'last')
    await withEnv({ DB: db })
      .cron(now)
      .catch(() => undefined)
    expect(state.fired).toBe(true)
    const counts = () =>
      env.DB.prepare(
        "SELECT (SELECT count(*) FROM links WHERE workspace_id = ?1 AND status = 'expired') AS expired, " +
          "(SELECT count(*) FROM events WHERE workspace_id = ?1 AND type = 'expired') AS events",
      )
        .bind(owner.workspaceId)
        .first()
    expect(await counts()).toEqual({ expired: 0, events: 0 })
    await withEnv({}).cron(now)
    expect(await counts()).toEqual({ expired: 5, events: 5 })
  })
})
