import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { openCredentials } from '../src/services/credentials'
import { loadKeyring } from '../src/domain/crypto'
import type { ConnectionRow } from '../src/db/connections'
import { call, DEMO_KEY, form, getConnection, requestLink, signUpOwner, submitViaLink, rejectViaLink } from './helpers'

async function storedRow(id: string): Promise<ConnectionRow> {
  const row = await env.DB.prepare(
    'SELECT id, credentials_blob AS credentialsBlob, credentials_key_version AS credentialsKeyVersion FROM connections WHERE id = ?',
  )
    .bind(id)
    .first<ConnectionRow>()
  return row!
}

async function decrypted(id: string) {
  return openCredentials(await loadKeyring(env.ENCRYPTION_KEYS), await storedRow(id))
}

async function refresh(owner: { cookie: string }, id: string, json: unknown = {}) {
  const response = await call(`/api/v1/connections/${id}/link`, { method: 'POST', cookie: owner.cookie, json })
  expect(response.status).toBe(201)
  const { link } = await response.json<{ link: { url: string; purpose: string; status: string } }>()
  return { ...link, path: new URL(link.url).pathname }
}

describe('refreshing credentials via link', () => {
  it('keeps the old credentials until the client submits, then swaps them; the old link dies at once', async () => {
    const owner = await signUpOwner()
    const first = await requestLink(owner)
    expect((await submitViaLink(first, { apiKey: DEMO_KEY })).status).toBe(200)

    const refreshLink = await refresh(owner, first.connectionId)
    expect(refreshLink).toMatchObject({ purpose: 'refresh', status: 'pending' })
    expect(await getConnection(owner, first.connectionId)).toMatchObject({ status: 'active', badge: 'refresh_pending' })
    expect(await decrypted(first.connectionId)).toEqual({ apiKey: DEMO_KEY })

    // In Demo Tasks another key is another workspace, so the owner allows the change.
    const replacement = await refresh(owner, first.connectionId, { allowAccountChange: true })
    expect((await call(refreshLink.path)).status).toBe(410)
    expect((await submitViaLink(refreshLink, { apiKey: 'demo_other_key_000' })).status).toBe(410)

    const before = await storedRow(first.connectionId)
    expect((await submitViaLink(replacement, { apiKey: 'wrong-key' })).status).toBe(422)
    expect((await storedRow(first.connectionId)).credentialsBlob).toBe(before.credentialsBlob)
    expect(await decrypted(first.connectionId)).toEqual({ apiKey: DEMO_KEY })

    expect((await submitViaLink(replacement, { apiKey: 'demo_rotated_key_42' })).status).toBe(200)
    expect(await decrypted(first.connectionId)).toEqual({ apiKey: 'demo_rotated_key_42' })
    expect(await getConnection(owner, first.connectionId)).toMatchObject({ status: 'active', badge: 'via_link' })
  })

  it('a rejected refresh leaves the connection active with its credentials', async () => {
    const owner = await signUpOwner()
    const first = await requestLink(owner)
    await submitViaLink(first, { apiKey: DEMO_KEY })
    const refreshLink = await refresh(owner, first.connectionId)
    expect((await rejectViaLink(refreshLink)).status).toBe(200)
    const connection = await getConnection(owner, first.connectionId)
    expect(connection).toMatchObject({ status: 'active', badge: 'via_link', link: { status: 'rejected', purpose: 'refresh' } })
    expect(await decrypted(first.connectionId)).toEqual({ apiKey: DEMO_KEY })
    const link = await (await call(`/api/v1/connections/${first.connectionId}/link`, { cookie: owner.cookie })).json<{
      link: { message: string }
    }>()
    expect(link.link.message).toContain('current credentials still work')
  })

  it('shows the open link again, revokes it, and deletes connections in any state', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const shown = await (await call(`/api/v1/connections/${link.connectionId}/link`, { cookie: owner.cookie })).json<{
      link: { url: string }
    }>()
    expect(shown.link.url).toBe(link.url)
    expect((await call(`/api/v1/connections/${link.connectionId}/link`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
    expect((await call(link.path)).status).toBe(410)
    expect((await getConnection(owner, link.connectionId)).link?.status).toBe('revoked')

    const rejected = await requestLink(owner)
    await call(`${rejected.path}/reject`, form({}))
    const active = await requestLink(owner)
    await submitViaLink(active, { apiKey: DEMO_KEY })
    const pending = await requestLink(owner)
    for (const id of [link.connectionId, rejected.connectionId, active.connectionId, pending.connectionId]) {
      expect((await call(`/api/v1/connections/${id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204)
      expect((await call(`/api/v1/connections/${id}`, { cookie: owner.cookie })).status).toBe(404)
    }
    expect((await call(pending.path)).status).toBe(410)
  })
})
