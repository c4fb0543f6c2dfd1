import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { MAX_FAILED_ATTEMPTS } from '../../src/domain/links'
import { backdateLink, call, DEMO_KEY, requestLink, type RequestedLink, signUpOwner, submitViaLink } from '../helpers'
import { withEnv } from './with-env'

/**
 * Every transition of a link writes its status change and its audit event in one D1 batch. Here
 * each batch a transition runs fails in turn, in four ways (before, inside, after its statements,
 * and a lost connection): whatever landed, every link's state is still backed by exactly its
 * events, and the failed transition's own batch landed nothing; the retry then lands both.
 */

type Injection = 'before' | 'after-first' | 'last' | 'lost'
const INJECTIONS: Injection[] = ['before', 'after-first', 'last', 'lost']

/** A statement D1 refuses (NOT NULL), so the batch it is put in fails inside the transaction. */
const refusedStatement = () => env.DB.prepare('INSERT INTO rate_limits (key, count, window_start) VALUES (NULL, NULL, NULL)')

/** env.DB, recording the statements of every batch the code under test runs. */
function recordingDb() {
  const batches: string[][] = []
  const db = new Proxy(env.DB, {
    get(real, property) {
      if (property !== 'batch') return Reflect.get(real, property).bind(real)
      return async (statements: D1PreparedStatement[]) => {
        batches.push(statements.map((statement) => (statement as unknown as { statement: string }).statement))
        return real.batch(statements)
      }
    },
  })
  return { db, batches }
}

/** env.DB, except that its `failAt`-th batch (from 0) fails as `how` says. */
function failingDb(how: Injection, failAt: number) {
  const state = { fired: false, seen: 0 }
  const db = new Proxy(env.DB, {
    get(real, property) {
      if (property !== 'batch') return Reflect.get(real, property).bind(real)
      return async (statements: D1PreparedStatement[]) => {
        if (state.fired || state.seen++ !== failAt) return real.batch(statements)
        state.fired = true
        if (how === 'lost') throw new Error('D1_ERROR: Network connection lost.')
        const at = how === 'before' ? 0 : how === 'after-first' ? 1 : statements.length
        return real.batch([...statements.slice(0, at), refusedStatement(), ...statements.slice(at)])
      }
    },
  })
  return { db, state }
}

const changesLink = (batch: string[]) => batch.some((sql) => /^(update "links" set "status"|insert into "links")/.test(sql))

/** Each link of the workspace with the events that must stand behind its state. */
async function ledger(workspaceId: string) {
  const { results } = await env.DB.prepare(
    `SELECT l.id, l.status, l.failed_attempts AS failedAttempts,
      (SELECT count(*) FROM events e WHERE e.link_id = l.id AND e.type IN ('link_created', 'refreshed')) AS issued,
      (SELECT count(*) FROM events e WHERE e.link_id = l.id AND e.type = CASE l.status
        WHEN 'used' THEN 'credentials_submitted' WHEN 'rejected' THEN 'rejected' WHEN 'skipped' THEN 'skipped' WHEN 'revoked' THEN 'revoked'
        WHEN 'expired' THEN 'expired' WHEN 'locked' THEN 'locked' END) AS closing,
      (SELECT count(*) FROM events e WHERE e.link_id = l.id AND e.type = 'credentials_failed') AS failed
    FROM links l WHERE l.workspace_id = ? ORDER BY l.created_at, l.id`,
  )
    .bind(workspaceId)
    .all<{ id: string; status: string; failedAttempts: number; issued: number; closing: number; failed: number }>()
  return results
}

/** Every link was issued with one event, is closed with exactly one, and has one event per wrong key. */
function expectBacked(rows: Awaited<ReturnType<typeof ledger>>) {
  for (const row of rows) {
    expect(row, `link ${row.status}`).toMatchObject({ issued: 1, closing: row.status === 'pending' ? 0 : 1, failed: row.failedAttempts })
  }
}

type Owner = Awaited<ReturnType<typeof signUpOwner>>
type App = ReturnType<typeof withEnv>

interface Transition {
  name: string
  /** What exists before the transition; returns the link the transition acts on. */
  setup: (owner: Owner) => Promise<RequestedLink | null>
  act: (app: App, owner: Owner, link: RequestedLink | null) => Promise<unknown>
}

const wrongKey = (n: number) => ({ apiKey: `wrong_key_${n}_000000` })
const api = (owner: Owner, path: string, init: RequestInit & { json?: unknown } = {}) => ({ cookie: owner.cookie, ...init, path })

const TRANSITIONS: Transition[] = [
  {
    name: 'issue (request via link)',
    setup: async () => null,
    act: (app, owner) => {
      const { path, ...init } = api(owner, '/api/v1/connections', {
        method: 'POST',
        json: { appId: 'demo-tasks', name: 'New', via: 'link' },
      })
      return app.call(path, init)
    },
  },
  {
    name: 'issue several (one link for several apps)',
    setup: async () => null,
    act: (app, owner) => {
      const items = [
        { appId: 'demo-tasks', name: 'One' },
        { appId: 'demo-tasks', name: 'Two' },
      ]
      const { path, ...init } = api(owner, '/api/v1/link-requests', { method: 'POST', json: { items } })
      return app.call(path, init)
    },
  },
  {
    name: 'skipped (an item of a several-apps link)',
    setup: async (owner) => {
      const items = [
        { appId: 'demo-tasks', name: 'One' },
        { appId: 'demo-tasks', name: 'Two' },
      ]
      const response = await call('/api/v1/link-requests', { method: 'POST', cookie: owner.cookie, json: { items } })
      const { request } = await response.json<{ request: { url: string; expiresAt: string; items: { connection: { id: string } }[] } }>()
      const url = new URL(request.url)
      const token = url.pathname.split('/').pop()!
      return { connectionId: request.items[0]!.connection.id, url: request.url, token, path: url.pathname, expiresAt: request.expiresAt }
    },
    act: (app, _owner, link) => app.call(`${link!.path}/skip/0`, { method: 'POST' }),
  },
  {
    name: 'refresh (a new link revokes the open one)',
    setup: (owner) => requestLink(owner),
    act: (app, owner, link) =>
      app.call(`/api/v1/connections/${link!.connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} }),
  },
  {
    name: 'revoke',
    setup: (owner) => requestLink(owner),
    act: (app, owner, link) => app.call(`/api/v1/connections/${link!.connectionId}/link`, { method: 'DELETE', cookie: owner.cookie }),
  },
  {
    name: 'failed attempt',
    setup: (owner) => requestLink(owner),
    act: (app, _owner, link) => app.call(link!.path, { form: wrongKey(1) }),
  },
  {
    name: 'lock (the last allowed wrong key)',
    setup: async (owner) => {
      const link = await requestLink(owner)
      for (let n = 1; n < MAX_FAILED_ATTEMPTS; n++) expect((await submitViaLink(link, wrongKey(n))).status).toBe(422)
      return link
    },
    act: (app, _owner, link) => app.call(link!.path, { form: wrongKey(MAX_FAILED_ATTEMPTS) }),
  },
  {
    name: 'used (credentials accepted)',
    setup: (owner) => requestLink(owner),
    act: (app, _owner, link) => app.call(link!.path, { form: { apiKey: DEMO_KEY } }),
  },
  {
    name: 'rejected',
    setup: (owner) => requestLink(owner),
    act: (app, _owner, link) => app.call(`${link!.path}/reject`, { form: { reason: 'No' } }),
  },
  {
    name: 'expired (the cron)',
    setup: async (owner) => {
      const link = await requestLink(owner)
      await backdateLink(link.connectionId)
      return link
    },
    act: (app) => app.cron().catch(() => undefined),
  },
  {
    name: 'closed by the owner’s own credentials',
    setup: async (owner) => {
      const link = await requestLink(owner)
      expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
      const refresh = await call(`/api/v1/connections/${link.connectionId}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
      expect(refresh.status).toBe(201)
      return link
    },
    act: (app, owner, link) =>
      app.call(`/api/v1/connections/${link!.connectionId}/credentials`, {
        method: 'PUT',
        cookie: owner.cookie,
        json: { credentials: { apiKey: 'demo_owner_key_1234' }, allowAccountChange: true },
      }),
  },
]

describe('the link lifecycle under D1 failures', () => {
  for (const transition of TRANSITIONS) {
    it.each(INJECTIONS)(`${transition.name}: whichever of its batches fails (%s), no state lands without its event`, async (how) => {
      // The batches the transition runs when nothing fails; each one is failed in turn below.
      const probeOwner = await signUpOwner()
      const probe = recordingDb()
      await transition.act(withEnv({ DB: probe.db }), probeOwner, await transition.setup(probeOwner))
      expect(probe.batches.filter(changesLink).length).toBeGreaterThan(0)

      for (let failAt = 0; failAt < probe.batches.length; failAt++) {
        const owner = await signUpOwner()
        const link = await transition.setup(owner)
        const before = await ledger(owner.workspaceId)
        expectBacked(before)

        const { db, state } = failingDb(how, failAt)
        await transition.act(withEnv({ DB: db }), owner, link)
        expect(state.fired).toBe(true)
        const afterFailure = await ledger(owner.workspaceId)
        expectBacked(afterFailure)
        if (changesLink(probe.batches[failAt]!)) expect(afterFailure).toEqual(before)

        await transition.act(withEnv({}), owner, link)
        const after = await ledger(owner.workspaceId)
        expect(after).not.toEqual(before)
        expectBacked(after)
      }
    })
  }

  it.each(INJECTIONS)(
    'delete a connection with an open link: a failed batch (%s) keeps both; the retry revokes with its event',
    async (how) => {
      const owner = await signUpOwner()
      const link = await requestLink(owner)
      const { db, state } = failingDb(how, 0)
      const failed = await withEnv({ DB: db }).call(`/api/v1/connections/${link.connectionId}`, { method: 'DELETE', cookie: owner.cookie })
      expect(state.fired).toBe(true)
      expect(failed.status).toBe(500)
      expect(await ledger(owner.workspaceId)).toMatchObject([{ status: 'pending', closing: 0 }])
      expect((await call(link.path)).status).toBe(200)

      const deleted = await call(`/api/v1/connections/${link.connectionId}`, { method: 'DELETE', cookie: owner.cookie })
      expect(deleted.status).toBe(204)
      const { results } = await env.DB.prepare('SELECT type, link_id AS linkId FROM events WHERE connection_id = ? ORDER BY at, type')
        .bind(link.connectionId)
        .all<{ type: string; linkId: string | null }>()
      expect(results.filter((event) => event.type === 'revoked')).toHaveLength(1)
      expect(results.map((event) => event.type)).toContain('deleted')
      expect((await call(link.path)).status).toBe(410)
    },
  )
})
