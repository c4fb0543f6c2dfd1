import autocannon from 'autocannon'
import { randomBytes } from 'node:crypto'

const json = (body, extra = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
})
const LINK_REQUEST = { appId: 'clickup', name: 'Client ClickUp', via: 'link' }
/** A well-formed token no link has: the invalid-link page's worst case (hash + KV miss). */
export const UNKNOWN_TOKEN = randomBytes(24).toString('base64url')

async function expectStatus(response, status, what) {
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`)
  return response
}

const PASSWORD = 'correct horse battery staple'

/**
 * An owner with an API token, through the public API. The confirmation email goes to Miniflare's
 * send_email simulator; the bench confirms the address in the worker's D1 (`db`) instead of reading it.
 */
export async function seedOwner(origin, db) {
  const email = `owner-${randomBytes(4).toString('hex')}@agency.test`
  await expectStatus(await fetch(`${origin}/api/v1/auth/signup`, json({ email, password: PASSWORD, name: 'Olivia Owner' })), 202, 'sign-up')
  await db.prepare('UPDATE users SET email_verified_at = ? WHERE email = ?').bind(Date.now(), email).run()
  const login = await expectStatus(await fetch(`${origin}/api/v1/auth/login`, json({ email, password: PASSWORD })), 200, 'log-in')
  const cookie = login.headers.getSetCookie()[0].split(';')[0]
  const token = await expectStatus(await fetch(`${origin}/api/v1/tokens`, json({ name: 'bench' }, { cookie })), 201, 'API token')
  return { bearer: `Bearer ${(await token.json()).token}` }
}

/**
 * Owners enough that no workspace reaches its quotas during a run (100 new links an hour each,
 * src/domain/limits.ts): link requests go to them in turn, so each gets a small share.
 */
export async function seedOwners(origin, count, db) {
  const owners = []
  for (let i = 0; i < count; i++) owners.push(await seedOwner(origin, db))
  let turn = 0
  return { owners, next: () => owners[turn++ % owners.length] }
}

export const linkGenerationRequest = (owner) => json(LINK_REQUEST, { authorization: owner.bearer })
/** The next owner's token on each request. */
const byTurns = (owners) => (request) => ({ ...request, headers: { ...request.headers, authorization: owners.next().bearer } })
const tokenOf = (body) => new URL(JSON.parse(body).link.url).pathname.split('/').pop()

/** `count` new links through POST /api/v1/connections, as fast as the worker takes them. */
export async function createLinks(origin, owners, count) {
  const tokens = []
  if (count <= 0) return tokens
  await autocannon({
    url: origin,
    connections: Math.min(10, count),
    amount: count,
    requests: [
      {
        path: '/api/v1/connections',
        ...json(LINK_REQUEST),
        setupRequest: byTurns(owners),
        onResponse: (status, body) => status === 201 && tokens.push(tokenOf(body)),
      },
    ],
  })
  if (tokens.length < count) throw new Error(`only ${tokens.length} of ${count} links were created`)
  return tokens
}

/** Requests for the link-generation target; each created link joins `pool` for submissions. */
export function linkGenerationRequests(owners, pool) {
  return [
    {
      path: '/api/v1/connections',
      ...json(LINK_REQUEST),
      setupRequest: byTurns(owners),
      onResponse: (status, body) => status === 201 && pool.push(tokenOf(body)),
    },
  ]
}

export const SUBMIT_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' }
export const submissionBody = () => `apiToken=pk_${randomBytes(9).toString('hex')}`

/** Requests for credential submission: each takes a fresh link from `pool`. */
export function submissionRequests(pool, onEmpty) {
  return [
    {
      method: 'POST',
      headers: SUBMIT_HEADERS,
      setupRequest: (request) => {
        const token = pool.pop()
        if (!token) onEmpty()
        return { ...request, path: `/connect/${token ?? UNKNOWN_TOKEN}`, body: submissionBody() }
      },
    },
  ]
}

/**
 * `count` workflows whose one step creates a ClickUp task with an active connection (made
 * directly, verified against the fake app): each takes 60 triggers a minute, so load is spread
 * over them. Their webhook paths, or [] when this Tether has no workflows yet.
 */
export async function seedWorkflows(origin, owner, count) {
  const connection = await fetch(
    `${origin}/api/v1/connections`,
    json(
      { appId: 'clickup', name: 'Client ClickUp', via: 'direct', credentials: { apiToken: 'pk_bench_workflow' } },
      { authorization: owner.bearer },
    ),
  )
  await expectStatus(connection, 201, 'direct connection')
  const connectionId = (await connection.json()).connection.id
  const paths = []
  for (let i = 0; i < count; i++) {
    const created = await fetch(
      `${origin}/api/v1/workflows`,
      json(
        {
          name: `Bench workflow ${i + 1}`,
          steps: [{ appId: 'clickup', action: 'create-task', connectionId, input: { listId: '901', name: 'Task from the bench' } }],
        },
        { authorization: owner.bearer },
      ),
    )
    if (created.status === 404 || created.status === 405) return []
    await expectStatus(created, 201, 'workflow')
    paths.push(new URL((await created.json()).workflow.webhookUrl).pathname)
  }
  return paths
}

/**
 * The invitation page and the invalid-link page, each after its KV floor, as `rounds` runs them: 20 links of `owners`,
 * and a floor that reads the app's own snapshots (as many keys, same values) and serves pages of the same sizes. Every
 * invitation is viewed once first, so its once-per-isolate "opened" write is not measured.
 */
export async function invitationTargets({ mf, urls, owners }) {
  const app = urls.tether
  const invitations = await createLinks(app, owners, 20)
  const invitationHtml = await (await fetch(`${app}/connect/${invitations[0]}`)).text()
  const invalidHtml = await (await fetch(`${app}/connect/${UNKNOWN_TOKEN}`)).text()
  const appKv = await mf.getKVNamespace('LINKS', 'tether')
  const floorKv = await mf.getKVNamespace('LINKS', 'kv-floor')
  const snapshotKeys = (await appKv.list({ prefix: 'link:' })).keys
  for (const [i, key] of snapshotKeys.entries()) await floorKv.put(`link:hit/${i}`, await appKv.get(key.name))
  await fetch(`${urls['kv-floor']}/__page/hit`, { method: 'PUT', body: invitationHtml })
  await fetch(`${urls['kv-floor']}/__page/miss`, { method: 'PUT', body: invalidHtml })
  for (const token of invitations) await (await fetch(`${app}/connect/${token}`)).text()
  let next = 0
  let nextFloorKey = 0
  const rotating = (path) => [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }]
  const targets = [
    {
      name: 'floor: one KV get (hit)',
      url: urls['kv-floor'],
      requests: rotating(() => `/hit/${nextFloorKey++ % snapshotKeys.length}`),
    },
    { name: 'invitation page', url: app, requests: rotating(() => `/connect/${invitations[next++ % invitations.length]}`) },
    { name: 'floor: one KV get (miss)', url: `${urls['kv-floor']}/miss`, expectStatus: 410 },
    { name: 'invalid-link page', url: `${app}/connect/${UNKNOWN_TOKEN}`, expectStatus: 410 },
  ]
  return { targets, invitationHtml }
}
