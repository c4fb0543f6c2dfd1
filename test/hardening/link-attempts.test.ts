import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { MAX_FAILED_ATTEMPTS } from '../../src/domain/links'
import { requestsSince } from '../app-calls'
import { fakeCursor } from '../fake-requests'
import { getConnection, requestLink, signUpOwner, submitViaLink } from '../helpers'
import { withEnv } from './with-env'

/**
 * A link must not become an oracle for testing stolen keys: at most MAX_FAILED_ATTEMPTS keys
 * are ever checked with the app through one link, however many arrive at once.
 */

async function linkRow(connectionId: string) {
  return env.DB.prepare('SELECT status, failed_attempts AS failedAttempts FROM links WHERE connection_id = ?')
    .bind(connectionId)
    .first<{ status: string; failedAttempts: number }>()
}

/**
 * The suite's 400 ms upstream timeout can fire on a loaded machine, and a check that times out is
 * rightly not a refusal, so it would add a check beyond the budget; these counts need every check answered.
 */
const patient = withEnv({ UPSTREAM_TIMEOUT_MS: '5000' })

/** A determined attacker: answered 429 (a check in progress), it waits a moment and tries again. */
async function submitUntilAnswered(link: { path: string }, fields: Record<string, string>): Promise<{ status: number; busy: number }> {
  for (let busy = 0; ; busy++) {
    const response = await patient.call(link.path, { form: fields, follow: true })
    if (response.status !== 429) return { status: response.status, busy }
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function eventCount(connectionId: string, type: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM events WHERE connection_id = ? AND type = ?')
    .bind(connectionId, type)
    .first<{ n: number }>()
  return row!.n
}

describe('failed credential submissions per link', () => {
  it(`checks at most ${MAX_FAILED_ATTEMPTS} keys with the app when 40 wrong keys arrive at once and retry, then locks`, async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'clickup')
    const marker = `stolen-${crypto.randomUUID()}`
    const cursor = await fakeCursor()

    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => submitUntilAnswered(link, { apiToken: `${marker}-${i}` })))
    const statuses = answers.map((answer) => answer.status)
    const checked = await requestsSince(cursor, (request) => (request.headers.authorization ?? '').includes(marker))

    const busy = answers.reduce((sum, answer) => sum + answer.busy, 0)
    console.log(
      `[figure] link attempts: 40 concurrent wrong keys (retrying) → ${checked.length} checked with the app, ${busy} answered 429; ` +
        `final statuses ${[...new Set(statuses)]
          .sort()
          .map((s) => `${s}:${statuses.filter((x) => x === s).length}`)
          .join(' ')}`,
    )
    expect(checked.length).toBe(MAX_FAILED_ATTEMPTS)
    // One refusal locks (423); the others re-show the form (422), or the invalid-link page when the lock came first.
    expect(statuses.filter((status) => status === 423)).toHaveLength(1)
    expect(statuses.filter((status) => status === 422).length).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS - 1)
    expect(statuses.filter((status) => status === 422 || status === 410)).toHaveLength(39)
    expect(await linkRow(link.connectionId)).toEqual({ status: 'locked', failedAttempts: MAX_FAILED_ATTEMPTS })
    expect(await eventCount(link.connectionId, 'credentials_failed')).toBe(MAX_FAILED_ATTEMPTS)
    expect(await eventCount(link.connectionId, 'locked')).toBe(1)

    // Locked means locked, even for the right key.
    expect((await submitViaLink(link, { apiToken: 'pk_good_token' })).status).toBe(410)
    expect((await getConnection(owner, link.connectionId)).status).toBe('pending')
  })

  it('counts only refusals: upstream failures and a success leave the count as it was', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'clickup')
    for (const token of ['boom-1', 'html-2', 'garbage-3', 'boom-4']) {
      expect((await submitViaLink(link, { apiToken: token })).status).toBe(422)
    }
    expect(await linkRow(link.connectionId)).toEqual({ status: 'pending', failedAttempts: 0 })
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect((await submitViaLink(link, { apiToken: `wrong-${i}` })).status).toBe(422)
    expect(await linkRow(link.connectionId)).toEqual({ status: 'pending', failedAttempts: MAX_FAILED_ATTEMPTS - 1 })
    expect((await submitViaLink(link, { apiToken: 'pk_good_token' })).status).toBe(200)
    expect(await linkRow(link.connectionId)).toEqual({ status: 'used', failedAttempts: MAX_FAILED_ATTEMPTS - 1 })
  })

  it('a right key racing wrong ones: one outcome, never more checks than the budget', async () => {
    for (let round = 0; round < 3; round++) {
      // A workspace per round: three links' refusals would pass the workspace's hourly limit on checks.
      const owner = await signUpOwner()
      const link = await requestLink(owner, 'clickup')
      const marker = `race-${crypto.randomUUID()}`
      const cursor = await fakeCursor()
      const tokens = Array.from({ length: 15 }, (_, i) => (i === 7 ? `pk_good_${marker}` : `${marker}-${i}`))
      const answers = await Promise.all(tokens.map((apiToken) => submitUntilAnswered(link, { apiToken })))
      const checked = await requestsSince(cursor, (request) => (request.headers.authorization ?? '').includes(marker))
      expect(checked.length).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS)
      const row = await linkRow(link.connectionId)
      const connection = await getConnection(owner, link.connectionId)
      if (answers[7]!.status === 200) {
        expect(row?.status).toBe('used')
        expect(connection.status).toBe('active')
      } else {
        expect(row?.status === 'locked' || row?.status === 'pending').toBe(true)
        expect(connection.status).toBe('pending')
      }
      expect(row!.failedAttempts).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS)
      expect(await eventCount(link.connectionId, 'credentials_failed')).toBe(row!.failedAttempts)
    }
  }, 30_000)
})
