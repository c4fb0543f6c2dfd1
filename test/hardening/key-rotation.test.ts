import { env } from 'cloudflare:workers'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { database } from '../../src/db/client'
import { loadKeyring, open, sealContext, type Keyring } from '../../src/domain/crypto'
import { rotateSealedValues } from '../../src/jobs/rotate-keys'
import { cookiesAfter, DEMO_KEY, signUpOwner } from '../helpers'
import { newKeyEntry, withEnv } from './with-env'

/**
 * Rotation: rows sealed under r1; the keyring becomes "r2,r1"; the job (or the cron) re-seals
 * everything under r2; afterwards r2 alone opens every row. Version names of their own, so
 * rows other tests sealed with the suite's keys are not this test's business.
 */
const R1 = newKeyEntry('r1')
const R2 = newKeyEntry('r2')
const before = withEnv({ ENCRYPTION_KEYS: R1 })
const during = withEnv({ ENCRYPTION_KEYS: `${R2},${R1}` })
const after = withEnv({ ENCRYPTION_KEYS: R2 })

/** Associated data of every sealed column, by table; the schema is read independently of the job. */
const CONTEXTS: Record<string, (row: Record<string, unknown>) => string> = {
  'connections.credentials': (row) => sealContext.credentials(String(row.id)),
  'links.token': (row) => sealContext.linkToken(String(row.id)),
  'link_requests.token': (row) => sealContext.linkRequestToken(String(row.id)),
  'oauth_states.verifier': (row) => sealContext.oauthVerifier(String(row.state_hash)),
  'oauth_states.pending': (row) => sealContext.oauthPending(String(row.state_hash)),
  'workflows.webhook_token': (row) => sealContext.webhookToken(String(row.id)),
  'workflows.webhook_secret': (row) => sealContext.webhookSecret(String(row.id)),
  'webhook_endpoints.secret': (row) => sealContext.webhookEndpointSecret(String(row.id)),
  'runs.trigger': (row) => sealContext.runTrigger(String(row.id)),
  'oauth_apps.secret': (row) => sealContext.oauthAppSecret(String(row.id)),
}

interface SealedValue {
  column: string
  id: string
  keyVersion: string
  blob: string
  context: string
}

/** Every `<x>_blob` with a `<x>_key_version` beside it, in every table, sealed under r1 or r2. */
async function sealedValues(): Promise<SealedValue[]> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
  ).all<{ name: string }>()
  const values: SealedValue[] = []
  for (const { name: table } of tables.results) {
    const columns = (await env.DB.prepare(`PRAGMA table_info("${table}")`).all<{ name: string }>()).results.map((c) => c.name)
    for (const blob of columns.filter((c) => c.endsWith('_blob'))) {
      const base = blob.slice(0, -'_blob'.length)
      if (!columns.includes(`${base}_key_version`)) continue
      const column = `${table}.${base}`
      const context = CONTEXTS[column]
      if (!context) throw new Error(`sealed column ${column} is not known to this test (nor, probably, to the rotation job)`)
      const rows = await env.DB.prepare(
        `SELECT *, "${blob}" AS blob, "${base}_key_version" AS key_version FROM "${table}" WHERE "${base}_key_version" IN ('r1', 'r2')`,
      ).all<Record<string, unknown>>()
      for (const row of rows.results) {
        values.push({
          column,
          id: String(row.id ?? row.state_hash),
          keyVersion: String(row.key_version),
          blob: String(row.blob),
          context: context(row),
        })
      }
    }
  }
  return values
}

async function plaintexts(keyring: Keyring): Promise<Map<string, string>> {
  const opened = new Map<string, string>()
  for (const value of await sealedValues()) {
    opened.set(`${value.column}/${value.id}`, await open(keyring, { keyVersion: value.keyVersion, blob: value.blob }, value.context))
  }
  return opened
}

/** An owner's workspace filled under r1: links, credentials, an OAuth sign-in in progress, workflows (one signed), a webhook endpoint. */
async function fillUnderR1(): Promise<{ cookie: string; connectionIds: string[]; signed: { webhookUrl: string; secret: string } }> {
  const owner = await signUpOwner()
  const connectionIds: string[] = []
  for (let i = 0; i < 6; i++) {
    const response = await before.call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'demo-tasks', name: `Client ${i}`, via: 'link' },
    })
    const { connection, link } = await response.json<{ connection: { id: string }; link: { url: string } }>()
    connectionIds.push(connection.id)
    if (i % 2 === 0)
      expect((await before.call(new URL(link.url).pathname, { form: { apiKey: `${DEMO_KEY}_${i}` }, follow: true })).status).toBe(200)
  }
  const several = await before.call('/api/v1/link-requests', {
    method: 'POST',
    cookie: owner.cookie,
    json: {
      items: [
        { appId: 'demo-tasks', name: 'Several 1' },
        { appId: 'demo-tasks', name: 'Several 2' },
      ],
    },
  })
  expect(several.status).toBe(201)
  const direct = await before.call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId: 'clickup', name: 'Direct', via: 'direct', credentials: { apiToken: 'pk_good_token' } },
  })
  connectionIds.push((await direct.json<{ connection: { id: string } }>()).connection.id)
  const ownOAuthApp = await before.call('/api/v1/oauth-apps/salesforce', {
    method: 'PUT',
    cookie: owner.cookie,
    json: { clientId: 'salesforce-client', clientSecret: 'salesforce-secret' },
  })
  expect(ownOAuthApp.status).toBe(200)
  const oauth = await before.call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId: 'google-docs', name: 'Docs', via: 'link' },
  })
  expect(
    (await before.call(`${new URL((await oauth.json<{ link: { url: string } }>()).link.url).pathname}/accept`, { method: 'POST' })).status,
  ).toBe(302)
  // A sign-in waiting for its client to choose between two Xero organisations keeps its tokens sealed meanwhile.
  await before.call('/api/v1/oauth-apps/xero', {
    method: 'PUT',
    cookie: owner.cookie,
    json: { clientId: 'xero-client', clientSecret: 'xero-secret' },
  })
  const books = await before.call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId: 'xero', name: 'Books', via: 'link' },
  })
  const accepted = await before.call(`${new URL((await books.json<{ link: { url: string } }>()).link.url).pathname}/accept`, {
    method: 'POST',
  })
  const state = new URL(accepted.headers.get('location')!).searchParams.get('state')!
  const parked = await before.call(`/connect/oauth/callback?state=${state}&code=code-good-two-orgs`, { cookie: cookiesAfter(accepted) })
  expect(parked.headers.get('location')).toBe('/connect/oauth/choose')
  const workflow = await before.call('/api/v1/workflows', {
    method: 'POST',
    cookie: owner.cookie,
    json: {
      name: 'Tasks',
      steps: [{ appId: 'demo-tasks', action: 'create-task', connectionId: connectionIds[0], input: { name: 'From {{trigger.title}}' } }],
    },
  })
  expect(workflow.status).toBe(201)
  // A queued run keeps its trigger payload sealed.
  const hook = new URL((await workflow.json<{ workflow: { webhookUrl: string } }>()).workflow.webhookUrl).pathname
  expect((await before.call(hook, { method: 'POST', json: { title: 'Kept for a retry' } })).status).toBe(202)
  const signedWorkflow = await before.call('/api/v1/workflows', {
    method: 'POST',
    cookie: owner.cookie,
    json: { name: 'Signed', steps: [] },
  })
  const { id } = (await signedWorkflow.json<{ workflow: { id: string } }>()).workflow
  const secret = await before.call(`/api/v1/workflows/${id}/webhook/secret`, { method: 'POST', cookie: owner.cookie })
  expect(secret.status).toBe(200)
  const signed = await secret.json<{ workflow: { webhookUrl: string }; secret: string }>()
  const endpoint = await before.call('/api/v1/webhook-endpoints', {
    method: 'POST',
    cookie: owner.cookie,
    json: { url: 'https://ops.agency.example/tether-events', events: ['connection.deleted'] },
  })
  expect(endpoint.status).toBe(201)
  return { cookie: owner.cookie, connectionIds, signed: { webhookUrl: signed.workflow.webhookUrl, secret: signed.secret } }
}

describe('key rotation', () => {
  it('re-seals every sealed column in bounded, resumable batches; then the old key can go', async () => {
    const owner = await fillUnderR1()
    const oldKeyring = await loadKeyring(R1)
    const originals = await plaintexts(oldKeyring)
    const columns = new Set([...(await sealedValues())].map((value) => value.column))
    expect([...columns].sort()).toEqual(Object.keys(CONTEXTS).sort())
    expect((await sealedValues()).every((value) => value.keyVersion === 'r1')).toBe(true)

    // Interrupted: a budget of 2 batches of 3 rows leaves work for the next run.
    const keyring = await loadKeyring(`${R2},${R1}`)
    const first = await rotateSealedValues(database(env.DB), keyring, { batchSize: 3, maxBatches: 2 })
    expect(first).toMatchObject({ undecryptable: 0, done: false })
    expect(first.rotated).toBeGreaterThan(0)
    expect(first.rotated).toBeLessThanOrEqual(6)
    const halfway = await sealedValues()
    expect(halfway.filter((value) => value.keyVersion === 'r2')).toHaveLength(first.rotated)
    expect(halfway.some((value) => value.keyVersion === 'r1')).toBe(true)

    // Resumed until done.
    let runs = 1
    let rotated = first.rotated
    for (let result = first; !result.done; runs++) {
      expect(runs).toBeLessThan(50)
      result = await rotateSealedValues(database(env.DB), keyring, { batchSize: 3, maxBatches: 2 })
      expect(result.undecryptable).toBe(0)
      expect(result.rotated).toBeGreaterThan(0)
      rotated += result.rotated
    }
    const values = await sealedValues()
    console.log(
      `[figure] key rotation: ${values.length} sealed values in ${columns.size} columns re-sealed in ${runs} resumed runs ` +
        '(batches of 3); undecryptable 0',
    )
    expect(rotated).toBe(values.length)
    expect(values.every((value) => value.keyVersion === 'r2')).toBe(true)
    expect(await plaintexts(await loadKeyring(R2))).toEqual(originals)
    await expect(plaintexts(oldKeyring)).rejects.toThrow()
    expect(await rotateSealedValues(database(env.DB), keyring)).toEqual({ rotated: 0, undecryptable: 0, done: true })

    // With r1 removed the app still works: links shown again, the workflow runs, credentials open.
    const link = await after.call(`/api/v1/connections/${owner.connectionIds[1]}/link`, { cookie: owner.cookie })
    expect((await link.json<{ link: { url: string } }>()).link.url).toMatch(/\/connect\//)
    const workflows = await (await after.call('/api/v1/workflows', { cookie: owner.cookie })).json<{
      workflows: { webhookUrl: string; webhookSigning: boolean }[]
    }>()
    const run = await after.call(new URL(workflows.workflows.find((workflow) => !workflow.webhookSigning)!.webhookUrl).pathname, {
      method: 'POST',
      json: { title: 'after rotation' },
    })
    expect(run.status).toBe(202)
    // The signing secret, re-sealed under r2, still verifies the sender's signature.
    const body = '{"title":"signed after rotation"}'
    const at = new Date()
    const signedRun = await after.call(new URL(owner.signed.webhookUrl).pathname, {
      method: 'POST',
      body,
      headers: {
        'webhook-id': 'msg_rotation',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(owner.signed.secret).sign('msg_rotation', at, body),
      },
    })
    expect(signedRun.status).toBe(202)
    // Seven sealed columns, resealed in batches of three: past the default 5 s on a loaded machine.
  }, 20_000)

  it('is what the cron does after expiring links; with one key it reads nothing', async () => {
    await fillUnderR1()
    for (let run = 0; run < 10 && (await sealedValues()).some((value) => value.keyVersion === 'r1'); run++) await during.cron()
    expect((await sealedValues()).every((value) => value.keyVersion === 'r2')).toBe(true)
    expect(await rotateSealedValues(database(env.DB), await loadKeyring(R2))).toEqual({ rotated: 0, undecryptable: 0, done: true })
  })

  it('loses no credential written while it runs: the newer write wins', async () => {
    const owner = await fillUnderR1()
    const active = owner.connectionIds.filter((_, i) => i % 2 === 0)
    let interleaved = false
    // The owner replaces two connections' credentials between the job's read and its write.
    const racingDb = new Proxy(env.DB, {
      get(target, property) {
        if (property !== 'batch') return Reflect.get(target, property).bind(target)
        return async (statements: D1PreparedStatement[]) => {
          if (!interleaved) {
            interleaved = true
            for (const [i, id] of active.slice(0, 2).entries()) {
              const replaced = await during.call(`/api/v1/connections/${id}/credentials`, {
                method: 'PUT',
                cookie: owner.cookie,
                json: { credentials: { apiKey: `demo_written_meanwhile_${i}` }, allowAccountChange: true },
              })
              expect(replaced.status).toBe(200)
            }
          }
          return target.batch(statements)
        }
      },
    })
    const result = await rotateSealedValues(database(racingDb), await loadKeyring(`${R2},${R1}`), { batchSize: 100, maxBatches: 100 })
    expect(interleaved).toBe(true)
    expect(result.done).toBe(true)
    const opened = await plaintexts(await loadKeyring(R2))
    expect(JSON.parse(opened.get(`connections.credentials/${active[0]}`)!)).toEqual({ apiKey: 'demo_written_meanwhile_0' })
    expect(JSON.parse(opened.get(`connections.credentials/${active[1]}`)!)).toEqual({ apiKey: 'demo_written_meanwhile_1' })
    expect(JSON.parse(opened.get(`connections.credentials/${active[2]}`)!)).toEqual({ apiKey: `${DEMO_KEY}_4` })
  })

  it('two runs at once repeat no write and miss no row; a value that does not open is counted, not retried forever', async () => {
    await fillUnderR1()
    const waiting = (await sealedValues()).filter((value) => value.keyVersion === 'r1')
    const victim = waiting.find((value) => value.column === 'links.token')
    await env.DB.prepare('UPDATE links SET token_blob = ? WHERE id = ?')
      .bind(btoa('x'.repeat(40)), victim!.id)
      .run()
    const keyring = await loadKeyring(`${R2},${R1}`)
    const [a, b] = await Promise.all([
      rotateSealedValues(database(env.DB), keyring, { batchSize: 2, maxBatches: 100 }),
      rotateSealedValues(database(env.DB), keyring, { batchSize: 2, maxBatches: 100 }),
    ])
    const values = await sealedValues()
    expect(a.rotated + b.rotated).toBe(waiting.length - 1)
    expect(a.undecryptable + b.undecryptable).toBe(2)
    expect(values.filter((value) => value.keyVersion === 'r1').map((value) => value.id)).toEqual([victim!.id])
    expect(await rotateSealedValues(database(env.DB), keyring)).toEqual({ rotated: 0, undecryptable: 1, done: true })
  })
})
