import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import type { Credentials } from '../src/apps/types'
import type { ConnectionRow } from '../src/db/connections'
import { loadKeyring } from '../src/domain/crypto'
import type { PublicConnection } from '../src/domain/shapes'
import { edgeOf } from '../src/http/deps'
import { sealCredentials } from '../src/services/credentials'
import { depsFromEnv } from '../src/services/deps'
import { call, cookiesAfter, form, ORIGIN } from './helpers'

type Owner = { cookie: string }

/** The services' deps as the cron builds them; a roomy upstream timeout unless a test is about timeouts. */
export function sweepDeps(upstreamTimeoutMs = '5000') {
  return depsFromEnv({ ...env, UPSTREAM_TIMEOUT_MS: upstreamTimeoutMs }, ORIGIN, edgeOf(env))
}

export async function connectionOf(owner: Owner, id: string): Promise<PublicConnection> {
  const response = await call(`/api/v1/connections/${id}`, { cookie: owner.cookie })
  expect(response.status).toBe(200)
  return (await response.json<{ connection: PublicConnection }>()).connection
}

export type HealthRow = Pick<ConnectionRow, 'nextCheckAt' | 'checkFailures' | 'checkClaimedUntil' | 'credentialsRevision'>

export async function healthRow(id: string): Promise<HealthRow> {
  const row = await env.DB.prepare(
    'SELECT next_check_at AS nextCheckAt, check_failures AS checkFailures, check_claimed_until AS checkClaimedUntil, ' +
      'credentials_revision AS credentialsRevision FROM connections WHERE id = ?',
  )
    .bind(id)
    .first<HealthRow>()
  return row!
}

/** Due for the cron at `at`. */
export async function makeDue(id: string, at: number): Promise<void> {
  await env.DB.prepare('UPDATE connections SET next_check_at = ? WHERE id = ?').bind(at, id).run()
}

/** What changed at the app behind Tether's back (a key revoked there, an outage): the stored value, as is, no revision bump. */
export async function storeAsIs(id: string, credentials: Credentials): Promise<void> {
  const sealed = await sealCredentials(await loadKeyring(env.ENCRYPTION_KEYS), id, credentials)
  await env.DB.prepare('UPDATE connections SET credentials_blob = ?, credentials_key_version = ? WHERE id = ?')
    .bind(sealed.blob, sealed.keyVersion, id)
    .run()
}

/** The owner sends a refresh link and the client signs in again at the fake provider, which consents at once. */
export async function reconnectViaFakeProvider(owner: Owner, id: string): Promise<void> {
  const issued = await call(`/api/v1/connections/${id}/link`, { method: 'POST', cookie: owner.cookie, json: {} })
  expect(issued.status).toBe(201)
  const { link } = await issued.json<{ link: { url: string; purpose: string } }>()
  expect(link.purpose).toBe('refresh')
  const accepted = await call(`${new URL(link.url).pathname}/accept`, form({}))
  const consent = await fetch(accepted.headers.get('location')!, { redirect: 'manual' })
  const back = new URL(consent.headers.get('location')!)
  const answered = await call(`/connect/oauth/callback${back.search}`, { cookie: cookiesAfter(accepted) })
  expect(answered.headers.get('location')).toBe('/connect/done')
}

export async function revokeAtFakeGoogle(token: string): Promise<void> {
  const response = await fetch(`${env.FAKES_URL}/google/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  })
  expect(response.status).toBe(200)
}

/** A unique rotating generation, so no other test shares (or revokes) it. */
export const uniqueRefreshToken = () => `refresh-${1_000_000 + crypto.getRandomValues(new Uint32Array(1))[0]!}`
