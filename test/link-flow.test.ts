import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { INVALID_LINK_MESSAGE } from '../src/domain/links'
import { call, DEMO_KEY, followRedirect, form, getConnection, requestLink, signUpOwner, submitViaLink } from './helpers'

describe('connection sharing via link: API-key app', () => {
  it('runs the whole flow: pending → invitation → accept → wrong key → retry → active via link', async () => {
    const owner = await signUpOwner('Olivia Owner')
    const link = await requestLink(owner)
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(47.9 * 3600_000)
    expect(await getConnection(owner, link.connectionId)).toMatchObject({
      status: 'pending',
      badge: 'pending',
      link: { status: 'pending', purpose: 'create' },
    })

    const invitation = await call(link.path)
    expect(invitation.status).toBe(200)
    const page = await invitation.text()
    for (const text of [
      'Demo Tasks',
      'Olivia Owner',
      owner.email,
      'Client Tasks',
      'will be able to use these credentials in their workflows',
      'Accept &amp; Connect',
      'Reject',
    ]) {
      expect(page).toContain(text)
    }
    expect(invitation.headers.get('cache-control')).toBe('no-store')
    expect(invitation.headers.get('referrer-policy')).toBe('no-referrer')
    expect(invitation.headers.get('x-frame-options')).toBe('DENY')
    expect(invitation.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(invitation.headers.get('x-robots-tag')).toContain('noindex')
    // Opening never consumes the link, however often (mail scanners).
    for (let i = 0; i < 3; i++) expect((await call(link.path)).status).toBe(200)

    const accepted = await followRedirect(await call(`${link.path}/accept`, form({})))
    expect(accepted.status).toBe(200)
    expect(await accepted.text()).toContain('Grant Access')

    const wrong = await submitViaLink(link, { apiKey: 'not-a-valid-key-xyz' })
    expect(wrong.status).toBe(422)
    const wrongPage = await wrong.text()
    expect(wrongPage).not.toContain('not-a-valid-key-xyz')
    expect(wrongPage).toContain('Grant Access')
    expect((await getConnection(owner, link.connectionId)).status).toBe('pending')

    const right = await submitViaLink(link, { apiKey: DEMO_KEY })
    expect(right.status).toBe(200)
    expect(await right.text()).toContain('Connection created successfully')
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'active', badge: 'via_link', link: { status: 'used' } })

    for (const path of [link.path, `${link.path}/accept`]) {
      const again = await call(path, path.endsWith('accept') ? form({}) : {})
      expect(again.status).toBe(410)
      expect(await again.text()).toContain(INVALID_LINK_MESSAGE)
    }
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(410)

    const events = await (await call(`/api/v1/connections/${link.connectionId}/events`, { cookie: owner.cookie })).json<{
      events: { type: string }[]
    }>()
    expect(events.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['created', 'link_created', 'opened', 'accepted', 'credentials_failed', 'credentials_submitted']),
    )
  })

  it('records a rejection: the connection shows Rejected and the link is spent', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const rejected = await followRedirect(await call(`${link.path}/reject`, form({ reason: 'Not this account' })))
    expect(rejected.status).toBe(200)
    expect(await rejected.text()).toContain('declined')
    expect(await getConnection(owner, link.connectionId)).toMatchObject({ status: 'rejected', badge: 'rejected' })
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(410)
    const events = await (await call(`/api/v1/connections/${link.connectionId}/events`, { cookie: owner.cookie })).json<{
      events: { type: string; detail: unknown }[]
    }>()
    expect(events.events.find((e) => e.type === 'rejected')?.detail).toEqual({ reason: 'Not this account' })
  })

  it('validates link requests', async () => {
    const owner = await signUpOwner()
    for (const body of [
      { appId: 'demo-tasks', name: 'x', via: 'link', expiresInMinutes: 0 },
      { appId: 'demo-tasks', name: 'x', via: 'link', expiresInMinutes: 10081 },
      { appId: 'demo-tasks', name: '', via: 'link' },
      { appId: 'no-such-app', name: 'x', via: 'link' },
      { appId: 'demo-tasks', name: 'x', via: 'link', extra: 1 },
    ]) {
      const response = await call('/api/v1/connections', { method: 'POST', cookie: owner.cookie, json: body })
      expect(response.status).toBe(400)
      expect((await response.json<{ error: { code: string } }>()).error.code).toBe('invalid_request')
    }
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM connections WHERE workspace_id = ?')
      .bind(owner.workspaceId)
      .first<{ n: number }>()
    expect(rows?.n).toBe(0)
  })
})
