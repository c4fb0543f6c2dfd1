import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHECK_REFUSALS_PER_HOUR, CHECKS_PER_DAY } from '../../src/domain/limits'
import { type RateLimitPolicy, windowStartOf } from '../../src/domain/rate-limit'
import { runScheduled } from '../../src/jobs/scheduled'
import { CLIENT_LIMIT_MESSAGE } from '../../src/services/credential-checks'
import { CHECK_REFUSALS_PER_WORKSPACE, CHECKS_PER_WORKSPACE, rateLimitKey } from '../../src/services/rate-limits'
import { requestsSince } from '../app-calls'
import { post, submit } from '../dashboard-helpers'
import { fakeCursor, fakeRequests } from '../fake-requests'
import { call, cookiesAfter, followRedirect, form, getConnection, requestLink, signUpOwner, submitViaLink } from '../helpers'
import { withEnv } from './with-env'

/**
 * A workspace must not become a key-testing oracle: whichever way credentials are checked with an app (API,
 * dashboard, owner OAuth, any of its links), at most CHECK_REFUSALS_PER_HOUR wrong ones reach the app an hour.
 */

type Owner = Awaited<ReturnType<typeof signUpOwner>>
const HOUR = 60 * 60_000
const DAY = 24 * HOUR
const GOOD = 'pk_good_token'

// Fixed windows on the wall clock: freeze it just after an hour began, so each test's checks fall in one window.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: windowStartOf(Date.now(), HOUR) + 1_000 })
})
afterAll(() => {
  vi.useRealTimers()
})

/**
 * The suite's 400 ms upstream timeout can fire on a loaded machine; a timed-out good key would read as refused.
 * Hundreds of sequential checks also outlast the default test timeout there.
 */
const patient = withEnv({ UPSTREAM_TIMEOUT_MS: '5000' })
vi.setConfig({ testTimeout: 60_000 })

function directCreate(owner: Owner, apiToken: string): Promise<Response> {
  return patient.call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId: 'clickup', name: 'Client ClickUp', via: 'direct', credentials: { apiToken } },
  })
}

function putCredentials(owner: Owner, id: string, apiToken: string): Promise<Response> {
  return patient.call(`/api/v1/connections/${id}/credentials`, { method: 'PUT', cookie: owner.cookie, json: { credentials: { apiToken } } })
}

/** Requests the ClickUp fake received whose token carries `marker`. */
const checksWith = (cursor: number, marker: string) =>
  requestsSince(cursor, (request) => (request.headers.authorization ?? '').includes(marker))

async function expectLimited(response: Response, windowMs = HOUR): Promise<string> {
  expect(response.status).toBe(429)
  const retryAfter = Number(response.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000)
  return response.text()
}

async function counter(policy: RateLimitPolicy, owner: Owner): Promise<number> {
  const row = await env.DB.prepare('SELECT count FROM rate_limits WHERE key = ?')
    .bind(await rateLimitKey({ policy, subject: owner.workspaceId }))
    .first<{ count: number }>()
  return row?.count ?? 0
}

/** Puts a workspace's counter where a run of checks would have left it. */
async function setCounter(policy: RateLimitPolicy, owner: Owner, count: number): Promise<void> {
  await env.DB.prepare('INSERT OR REPLACE INTO rate_limits (key, count, window_start) VALUES (?, ?, ?)')
    .bind(await rateLimitKey({ policy, subject: owner.workspaceId }), count, windowStartOf(Date.now(), policy.windowMs))
    .run()
}

describe('credential checks per workspace: the direct API path', () => {
  it(`200 wrong keys reach the app ${CHECK_REFUSALS_PER_HOUR} times, the rest get 429; then the right key is refused too`, async () => {
    const owner = await signUpOwner()
    const marker = `oracle-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const statuses: number[] = []
    for (let i = 0; i < 200; i++) {
      const response = await directCreate(owner, `${marker}-${i}`)
      statuses.push(response.status)
      if (response.status === 429) await expectLimited(response)
    }
    const checked = await checksWith(cursor, marker)
    console.log(
      `[figure] credential checks: 200 wrong keys on the direct API → ${checked.length} reached the app, ` +
        `${statuses.filter((s) => s === 422).length} × 422, ${statuses.filter((s) => s === 429).length} × 429`,
    )
    expect(checked).toHaveLength(CHECK_REFUSALS_PER_HOUR)
    expect(statuses.slice(0, CHECK_REFUSALS_PER_HOUR).every((status) => status === 422)).toBe(true)
    expect(statuses.slice(CHECK_REFUSALS_PER_HOUR).every((status) => status === 429)).toBe(true)

    // No oracle: while limited, the right key gets the same answer and never reaches the app.
    const right = await directCreate(owner, `${GOOD}-${marker}`)
    expect(await right.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/refused 20 credential checks/) } })
    expect(right.status).toBe(429)
    expect(await checksWith(cursor, marker)).toHaveLength(CHECK_REFUSALS_PER_HOUR)
    expect(await counter(CHECK_REFUSALS_PER_WORKSPACE, owner)).toBe(CHECK_REFUSALS_PER_HOUR)

    // Another workspace is not affected.
    expect((await directCreate(await signUpOwner(), GOOD)).status).toBe(201)
  })

  it(`is exact under concurrency: of 50 simultaneous wrong keys exactly ${CHECK_REFUSALS_PER_HOUR} reach the app`, async () => {
    const owner = await signUpOwner()
    const marker = `burst-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const statuses = (await Promise.all(Array.from({ length: 50 }, (_, i) => directCreate(owner, `${marker}-${i}`)))).map((r) => r.status)
    const checked = await checksWith(cursor, marker)
    console.log(`[figure] credential checks: 50 concurrent wrong keys on one workspace → ${checked.length} reached the app`)
    expect(checked).toHaveLength(CHECK_REFUSALS_PER_HOUR)
    expect(statuses.filter((status) => status === 422)).toHaveLength(CHECK_REFUSALS_PER_HOUR)
    expect(statuses.filter((status) => status === 429)).toHaveLength(50 - CHECK_REFUSALS_PER_HOUR)
    // Refused attempts hold no slot: the counters stop at their limits.
    expect(await counter(CHECK_REFUSALS_PER_WORKSPACE, owner)).toBe(CHECK_REFUSALS_PER_HOUR)
    expect(await counter(CHECKS_PER_WORKSPACE, owner)).toBe(CHECK_REFUSALS_PER_HOUR)
  })

  it('refunds the refusal slot when the app accepts: good keys are limited only by the checks per day', async () => {
    const owner = await signUpOwner()
    for (let i = 0; i < CHECK_REFUSALS_PER_HOUR + 5; i++) expect((await directCreate(owner, `${GOOD}-${i}`)).status).toBe(201)
    expect(await counter(CHECK_REFUSALS_PER_WORKSPACE, owner)).toBe(0)
    expect(await counter(CHECKS_PER_WORKSPACE, owner)).toBe(CHECK_REFUSALS_PER_HOUR + 5)
    expect((await directCreate(owner, 'refused-key-after-the-others')).status).toBe(422)
    expect(await counter(CHECK_REFUSALS_PER_WORKSPACE, owner)).toBe(1)
  })

  it(`allows ${CHECKS_PER_DAY} checks a day, then 429 until the day's window ends, with nothing sent to the app`, async () => {
    const owner = await signUpOwner()
    await setCounter(CHECKS_PER_WORKSPACE, owner, CHECKS_PER_DAY - 1)
    expect((await directCreate(owner, GOOD)).status).toBe(201)
    const marker = `daily-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const refused = await directCreate(owner, `${GOOD}-${marker}`)
    expect(await expectLimited(refused, DAY)).toContain(`checked credentials with apps ${CHECKS_PER_DAY} times today`)
    expect(await checksWith(cursor, marker)).toHaveLength(0)
    // The refused hit was taken back from both counters.
    expect(await counter(CHECKS_PER_WORKSPACE, owner)).toBe(CHECKS_PER_DAY)
    expect(await counter(CHECK_REFUSALS_PER_WORKSPACE, owner)).toBe(0)
  })
})

describe('credential checks per workspace: every other path counts and is limited', () => {
  it('PUT /credentials', async () => {
    const owner = await signUpOwner()
    const created = await directCreate(owner, GOOD)
    const { id } = (await created.json<{ connection: { id: string } }>()).connection
    await setCounter(CHECK_REFUSALS_PER_WORKSPACE, owner, CHECK_REFUSALS_PER_HOUR - 1)
    const marker = `put-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    expect((await putCredentials(owner, id, `${marker}-1`)).status).toBe(422)
    await expectLimited(await putCredentials(owner, id, `${marker}-2`))
    await expectLimited(await putCredentials(owner, id, `${GOOD}-${marker}`))
    expect(await checksWith(cursor, marker)).toHaveLength(1)
  })

  it('the dashboard’s direct form and update form re-show the form with the limit', async () => {
    const owner = await signUpOwner()
    const marker = `forms-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const add = (apiToken: string) =>
      submit('/connections/new/clickup/direct', { connectionName: 'Client ClickUp', apiToken }, owner.cookie)
    for (let i = 0; i < CHECK_REFUSALS_PER_HOUR; i++) expect((await add(`${marker}-${i}`)).status).toBe(422)
    const page = await expectLimited(await add(`${GOOD}-${marker}`))
    expect(page).toContain('refused 20 credential checks in this workspace this hour')
    expect(page).toContain('name="apiToken"')

    const other = await signUpOwner()
    const { id } = (await (await directCreate(other, GOOD)).json<{ connection: { id: string } }>()).connection
    await setCounter(CHECK_REFUSALS_PER_WORKSPACE, other, CHECK_REFUSALS_PER_HOUR)
    const update = await submit(`/connections/${id}/credentials`, { apiToken: `${GOOD}-${marker}-update` }, other.cookie)
    const details = await expectLimited(update)
    expect(details).toContain('refused 20 credential checks')
    expect(details).toContain('name="apiToken"')
    expect(await checksWith(cursor, marker)).toHaveLength(CHECK_REFUSALS_PER_HOUR)
  })

  it('link submissions across the workspace’s links share one count; the client gets a calm page', async () => {
    const owner = await signUpOwner()
    const marker = `links-${crypto.randomUUID()}`
    const cursor = await fakeCursor()
    const [first, second, third] = [
      await requestLink(owner, 'clickup'),
      await requestLink(owner, 'clickup'),
      await requestLink(owner, 'clickup'),
    ]
    // Ten refusals lock a link (423 for the tenth), so two links spend the workspace's hour.
    for (const link of [first!, second!]) {
      for (let i = 0; i < CHECK_REFUSALS_PER_HOUR / 2; i++) {
        expect([422, 423]).toContain((await submitViaLink(link, { apiToken: `${marker}-${i}` })).status)
      }
    }
    expect(await counter(CHECK_REFUSALS_PER_WORKSPACE, owner)).toBe(CHECK_REFUSALS_PER_HOUR)
    for (const apiToken of [`${marker}-third`, `${GOOD}-${marker}`]) {
      // Post, then redirect, like a refusal: the form says so once, and its reload is the plain form.
      const posted = await call(third!.path, form({ apiToken }))
      expect([posted.status, posted.headers.get('location')]).toEqual([303, `${third!.path}/accept`])
      const shown = await followRedirect(posted)
      const page = await expectLimited(shown)
      expect(page).toContain(CLIENT_LIMIT_MESSAGE)
      expect(page).toContain('name="apiToken"')
      expect(page).not.toMatch(/refused|credential checks/)
      const reloaded = await call(`${third!.path}/accept`, { cookie: cookiesAfter(shown, cookiesAfter(posted)) })
      expect(reloaded.status).toBe(200)
      expect(await reloaded.text()).not.toContain(CLIENT_LIMIT_MESSAGE)
    }
    expect(await checksWith(cursor, marker)).toHaveLength(CHECK_REFUSALS_PER_HOUR)
    // Not the link's fault: it stays open with no failed attempt counted.
    const row = await env.DB.prepare('SELECT status, failed_attempts AS failed FROM links WHERE connection_id = ?')
      .bind(third!.connectionId)
      .first()
    expect(row).toEqual({ status: 'pending', failed: 0 })
    // The owner's own direct path is limited by the links' refusals too.
    await expectLimited(await directCreate(owner, GOOD))
  })

  it('the OAuth callbacks, the owner’s and a link’s: no token is requested while the workspace is limited', async () => {
    const owner = await signUpOwner()
    const tokenRequestsSince = async (since: number) => (await fakeRequests(since)).requests.filter((r) => r.path === '/google/token')

    const start = await post('/connections/new/google-docs/oauth', { connectionName: 'My docs' }, owner.cookie)
    expect(start.status).toBe(302)
    const ownerState = start.headers
      .getSetCookie()
      .find((value) => value.startsWith('tether_oauth_state='))!
      .split(';')[0]
    const link = await requestLink(owner, 'google-docs')
    const accepted = await call(`${link.path}/accept`, form({}))
    expect(accepted.status).toBe(302)
    const linkState = accepted.headers
      .getSetCookie()
      .find((value) => value.startsWith('tether_oauth_state='))!
      .split(';')[0]

    const back = async (response: Response) => {
      const consent = await fetch(response.headers.get('location')!, { redirect: 'manual' })
      return new URL(consent.headers.get('location')!).search
    }
    const [ownerBack, linkBack] = [await back(start), await back(accepted)]
    await setCounter(CHECK_REFUSALS_PER_WORKSPACE, owner, CHECK_REFUSALS_PER_HOUR)
    const since = await fakeCursor()

    const ownerPage = await expectLimited(await call(`/connect/oauth/callback${ownerBack}`, { cookie: `${owner.cookie}; ${ownerState}` }))
    expect(ownerPage).toContain('refused 20 credential checks')
    const clientPage = await expectLimited(await call(`/connect/oauth/callback${linkBack}`, { cookie: linkState }))
    expect(clientPage).toContain(CLIENT_LIMIT_MESSAGE)
    expect(clientPage).not.toMatch(/refused|credential checks/)
    expect(await tokenRequestsSince(since)).toHaveLength(0)
    expect((await getConnection(owner, link.connectionId)).status).toBe('pending')
  })
})

describe('credential checks per workspace: the cron keeps the day', () => {
  it('a day-long counter outlives an hour of cron runs and goes once its day is over', async () => {
    const owner = await signUpOwner()
    await setCounter(CHECKS_PER_WORKSPACE, owner, CHECKS_PER_DAY)
    const dayStart = windowStartOf(Date.now(), DAY)
    await runScheduled(env, dayStart + DAY - 1_000)
    expect(await counter(CHECKS_PER_WORKSPACE, owner)).toBe(CHECKS_PER_DAY)
    await expectLimited(await directCreate(owner, GOOD), DAY)
    await runScheduled(env, dayStart + DAY + 1_000)
    expect(await counter(CHECKS_PER_WORKSPACE, owner)).toBe(0)
  })
})
