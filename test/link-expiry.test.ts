import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import worker from '../src/index'
import { describe, expect, it } from 'vitest'
import { submitLinkCredentials } from '../src/services/client-flow'
import { edgeOf } from '../src/http/deps'
import { depsFromEnv } from '../src/services/deps'
import { runScheduled } from '../src/jobs/scheduled'
import { AppError } from '../src/domain/errors'
import { backdateLink, call, DEMO_KEY, getConnection, ORIGIN, requestLink, signUpOwner } from './helpers'

const meta = { ipCountry: null, userAgent: null }

describe('expiry', () => {
  it('is decided against expires_at with an injected clock: -1 s accepted, +1 s refused', async () => {
    const owner = await signUpOwner()
    const late = await requestLink(owner, 'demo-tasks', { expiresInMinutes: 60 })
    const onTime = await requestLink(owner, 'demo-tasks', { expiresInMinutes: 60 })
    const deps = depsFromEnv(env, ORIGIN, edgeOf(env))
    const refused = submitLinkCredentials(deps, late.token, { apiKey: DEMO_KEY }, meta, Date.parse(late.expiresAt) + 1000)
    await expect(refused).rejects.toMatchObject({ code: 'link_invalid' })
    await expect(refused).rejects.toBeInstanceOf(AppError)
    await submitLinkCredentials(deps, onTime.token, { apiKey: DEMO_KEY }, meta, Date.parse(onTime.expiresAt) - 1000)
    expect((await getConnection(owner, onTime.connectionId)).status).toBe('active')
    expect((await getConnection(owner, late.connectionId)).status).toBe('pending')
  })

  it('the cron marks exactly the overdue links, once', async () => {
    const owner = await signUpOwner()
    const overdue = [await requestLink(owner), await requestLink(owner)]
    const live = await requestLink(owner)
    const now = Date.now()
    for (const link of overdue) await backdateLink(link.connectionId, now - 1000)
    const statusOf = async (id: string) =>
      (await env.DB.prepare('SELECT status FROM links WHERE connection_id = ?').bind(id).first<{ status: string }>())?.status
    const first = await runScheduled(env, now)
    expect(first.expiredLinks).toBeGreaterThanOrEqual(2)
    for (const link of overdue) expect(await statusOf(link.connectionId)).toBe('expired')
    expect(await statusOf(live.connectionId)).toBe('pending')
    const second = await runScheduled(env, now)
    expect(second.expiredLinks).toBe(0)
    const events = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE type = 'expired' AND connection_id IN (?, ?)")
      .bind(overdue[0]!.connectionId, overdue[1]!.connectionId)
      .first<{ n: number }>()
    expect(events?.n).toBe(2)

    const response = await call(`/api/v1/connections/${overdue[0]!.connectionId}/link`, { cookie: owner.cookie })
    const body = await response.json<{ link: { status: string; url?: string; message: string } }>()
    expect(body.link.status).toBe('expired')
    expect(body.link.url).toBeUndefined()
    expect(body.link.message).toMatch(
      /^This connection link expired on \d{1,2} \w{3} \d{4}, \d\d:\d\d \(UTC\)\. Click Refresh credentials to generate a new link\.$/,
    )
    expect((await call(overdue[0]!.path)).status).toBe(410)
  })

  it('runs from the Workers scheduled handler', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    await env.DB.prepare('UPDATE links SET expires_at = ? WHERE connection_id = ?')
      .bind(Date.now() - 1, link.connectionId)
      .run()
    const ctx = createExecutionContext()
    worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)
    expect((await getConnection(owner, link.connectionId)).link?.status).toBe('expired')
  })
})
