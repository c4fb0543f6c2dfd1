import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, form, getConnection, requestLink, signUpOwner, submitViaLink } from '../helpers'

/**
 * The client's link flow when the third-party app misbehaves: a refusal is the client's to fix
 * (422, counted); an outage, a web page, broken JSON, a redirect or silence is not (422 with a
 * clear message, not counted). Never a 5xx, always within the timeout, the link still pending
 * and nothing stored.
 */

const TIMEOUT_MS = Number(env.UPSTREAM_TIMEOUT_MS)
/** The timeout plus the worker's own work, on a busy CI machine. */
const ANSWER_WITHIN_MS = TIMEOUT_MS + 2500

const FAULTS = [
  { kind: 'refusal (401)', secret: 'wrong-password', message: /did not accept/, counted: 1 },
  { kind: 'outage (500)', secret: 'boom-password', message: /had a problem \(HTTP 500\)/, counted: 0 },
  { kind: 'a web page', secret: 'html-password', message: /web page instead of data/, counted: 0 },
  { kind: 'broken JSON', secret: 'garbage-password', message: /could not read/, counted: 0 },
  {
    kind: 'a redirect to the metadata address',
    secret: 'redirect-password',
    message: /redirect, which Tether does not follow/,
    counted: 0,
  },
  { kind: 'no answer', secret: 'hang-password', message: /did not answer in time/, counted: 0 },
] as const

async function stored(connectionId: string) {
  const row =
    await env.DB.prepare(`SELECT c.status, c.credentials_blob AS blob, l.status AS linkStatus, l.failed_attempts AS failedAttempts,
      (SELECT count(*) FROM events e WHERE e.connection_id = c.id AND e.type = 'credentials_submitted') AS submitted
    FROM connections c JOIN links l ON l.connection_id = c.id WHERE c.id = ?`)
      .bind(connectionId)
      .first()
  return row
}

async function kvHasSnapshot(connectionId: string): Promise<boolean> {
  const keys = await env.LINKS.list({ prefix: 'link:' })
  for (const key of keys.keys) {
    if ((await env.LINKS.get<{ connectionId: string }>(key.name, 'json'))?.connectionId === connectionId) return true
  }
  return false
}

describe('third-party faults during the client link flow (API-key form)', () => {
  it.each(FAULTS)('$kind → 422 with a clear message, in time, link pending, nothing stored', async ({ secret, message, counted }) => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'wordpress', { name: 'Client blog' })
    const site = `${env.FAKES_URL}/wp/${crypto.randomUUID().slice(0, 8)}`
    const started = Date.now()
    const response = await submitViaLink(link, { siteUrl: site, username: 'wendy', applicationPassword: secret })
    const elapsed = Date.now() - started
    const page = await response.text()

    expect(response.status).toBe(422)
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS)
    if (secret.startsWith('hang'))
      console.log(`[figure] upstream faults: a silent app answered in ${elapsed} ms (timeout ${TIMEOUT_MS} ms)`)
    expect(page).toMatch(message)
    expect(page).not.toContain(secret)
    expect(page).toContain(`value="${site}"`) // the form comes back filled in, except the secret
    expect(await stored(link.connectionId)).toEqual({
      status: 'pending',
      blob: null,
      linkStatus: 'pending',
      failedAttempts: counted,
      submitted: 0,
    })
    expect(await kvHasSnapshot(link.connectionId)).toBe(true)
    expect((await call(link.path)).status).toBe(200)

    // The check is over: the client can try again at once, and the right password works.
    const retried = await submitViaLink(link, { siteUrl: site, username: 'wendy', applicationPassword: 'good-password-1' })
    expect(retried.status).toBe(200)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active', badge: 'via_link' })
  })
})

describe('third-party faults during the client link flow (OAuth token exchange)', () => {
  const OAUTH_FAULTS = [
    { kind: 'a refused code (invalid_grant)', code: 'code-wrong', status: 422 },
    { kind: 'outage (500)', code: 'code-boom', status: 422 },
    { kind: 'a web page', code: 'code-html', status: 422 },
    { kind: 'broken JSON', code: 'code-garbage', status: 422 },
    { kind: 'a redirect', code: 'code-redirect', status: 422 },
    { kind: 'no answer', code: 'code-hang', status: 422 },
  ] as const

  it.each(OAUTH_FAULTS)('$kind → a clear error page, in time, link pending, nothing stored', async ({ code, status }) => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const accepted = await call(`${link.path}/accept`, form({}))
    const state = new URL(accepted.headers.get('location')!).searchParams.get('state')!
    const cookie = accepted.headers
      .getSetCookie()
      .find((c) => c.startsWith('tether_oauth_state='))!
      .split(';')[0]!
    const started = Date.now()
    const callback = await call(`/connect/oauth/callback?code=${code}-${crypto.randomUUID()}&state=${state}`, { cookie })
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS)
    expect(callback.status).toBe(status)
    expect(await callback.text()).toMatch(/Google Docs/)
    expect(await stored(link.connectionId)).toEqual({
      status: 'pending',
      blob: null,
      linkStatus: 'pending',
      failedAttempts: 0,
      submitted: 0,
    })
    expect((await call(link.path)).status).toBe(200)
  })
})
