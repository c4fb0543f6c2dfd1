import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { connectForManageLink, revoke } from './manage-helpers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { database } from '../src/db/client'
import type { EventRow } from '../src/db/events'
import { connectionNames, preferencesOf, recipientsOf } from '../src/db/notifications'
import { MAX_FAILED_ATTEMPTS } from '../src/domain/links'
import { NOTIFICATION_TYPES, type NotificationType } from '../src/domain/notifications'
import worker from '../src/index'
import { runScheduled } from '../src/jobs/scheduled'
import { isNotificationEmailMessage, type NotificationEmailMessage } from '../src/services/notifications/email'
import { announceEvents } from '../src/services/webhooks/announce'
import {
  backdateLink,
  call,
  DEMO_KEY,
  form,
  ORIGIN,
  type RequestedLink,
  rejectViaLink,
  requestLink,
  signUpOwner,
  submitViaLink,
} from './helpers'
import { type SentMail, watchMail } from './mail'

type Owner = Awaited<ReturnType<typeof signUpOwner>>

interface ListedNotification {
  id: string
  type: string
  title: string
  message: string
  connectionId: string
  connectionName: string
  reason?: string
  readAt: string | null
}

async function notificationsOf(
  owner: Owner,
  query = '',
): Promise<{ notifications: ListedNotification[]; nextCursor: string | null; unread: number }> {
  const response = await call(`/api/v1/notifications${query}`, { cookie: owner.cookie })
  expect(response.status).toBe(200)
  return response.json()
}

async function setSettings(owner: Owner, settings: Record<string, { inApp?: boolean; email?: boolean }>): Promise<void> {
  const response = await call('/api/v1/notification-settings', { method: 'PUT', cookie: owner.cookie, json: { settings } })
  expect(response.status).toBe(200)
}

/** The notification emails the worker handed to its queue from now on (the queue has no consumer in tests). */
function watchQueue(): { queued: () => NotificationEmailMessage[] } {
  const spy = vi.spyOn(env.WEBHOOKS, 'sendBatch')
  return {
    queued: () => spy.mock.calls.flatMap(([messages]) => [...messages].map((message) => message.body).filter(isNotificationEmailMessage)),
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

/** What the queue would do with these messages: the worker's own consumer, one attempt. */
async function consume(messages: NotificationEmailMessage[], attempts = 1) {
  const batch = createMessageBatch(
    'tether-webhooks',
    messages.map((body, i) => ({ id: `n-${i}`, timestamp: new Date(), attempts, body })),
  )
  const ctx = createExecutionContext()
  await worker.queue(batch, env)
  return getQueueResult(batch, ctx)
}

async function mailFrom(messages: NotificationEmailMessage[]): Promise<SentMail[]> {
  const mail = watchMail()
  const result = await consume(messages)
  expect(result.explicitAcks).toHaveLength(messages.length)
  return mail.sent()
}

/** The health checks write this event (issue 13 point 1); here it is written by hand and announced as they will. */
async function markNeedsReconnect(owner: Owner, connectionId: string): Promise<void> {
  const row: EventRow = {
    id: `evt-${crypto.randomUUID()}`,
    workspaceId: owner.workspaceId,
    connectionId,
    linkId: null,
    type: 'needs_reconnect',
    actor: 'system',
    at: Date.now(),
    ipCountry: null,
    userAgent: null,
    detail: null,
  }
  await env.DB.prepare('INSERT INTO events (id, workspace_id, connection_id, type, actor, at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(row.id, row.workspaceId, row.connectionId, row.type, row.actor, row.at)
    .run()
  await announceEvents({ db: database(env.DB), env }, [row], row.at)
}

async function lockLink(link: RequestedLink): Promise<void> {
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await submitViaLink(link, { apiKey: `wrong-key-${i}` })
}

/** Each type, from what the client (or time, or the app) does to what the owner is told. */
const TRIGGERS: Record<NotificationType, (owner: Owner, link: RequestedLink) => Promise<void>> = {
  'link.accepted': async (_owner, link) => {
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
  },
  'link.rejected': async (_owner, link) => {
    await rejectViaLink(link, { reason: 'We moved to another tool' })
  },
  'link.expired': async (_owner, link) => {
    await backdateLink(link.connectionId)
    await runScheduled(env, Date.now())
  },
  'link.locked': async (_owner, link) => lockLink(link),
  'connection.needs_reconnect': async (owner, link) => {
    expect((await submitViaLink(link, { apiKey: DEMO_KEY })).status).toBe(200)
    await markNeedsReconnect(owner, link.connectionId)
  },
  'connection.revoked': async (_owner, link) => {
    const { token } = await connectForManageLink(link)
    expect((await revoke(token)).status).toBe(303)
  },
}

describe('notifications for people', () => {
  it.each(NOTIFICATION_TYPES)(
    '%s: one notification in the list and one email to the owner, with a link to the connection',
    async (type) => {
      const owner = await signUpOwner()
      const link = await requestLink(owner)
      const queue = watchQueue()
      await TRIGGERS[type](owner, link)

      const { notifications, unread } = await notificationsOf(owner)
      const mine = notifications.filter((n) => n.type === type)
      expect(mine).toHaveLength(1)
      expect(mine[0]).toMatchObject({ connectionId: link.connectionId, connectionName: 'Client Tasks', readAt: null })
      expect(unread).toBe(notifications.length)

      const emails = queue.queued().filter((message) => message.notificationEmail.facts.type === type)
      expect(emails.map((message) => message.notificationEmail.to)).toEqual([owner.email])
      const [sent] = await mailFrom(emails)
      expect(sent!.to).toBe(owner.email)
      expect(sent!.subject).toBe(`Tether: ${mine[0]!.title}`)
      const url = `${ORIGIN}/connections/${link.connectionId}`
      expect(sent!.text).toContain(mine[0]!.message)
      expect(sent!.text).toContain(url)
      expect(sent!.html).toContain(`href="${url}"`)
      expect(`${sent!.text}${sent!.html}`).not.toContain(DEMO_KEY)
    },
  )

  it('a rejection carries the client’s reason into the list and the email', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const queue = watchQueue()
    await rejectViaLink(link, { reason: 'Budget cut <b>this</b> year' })
    const [notification] = (await notificationsOf(owner)).notifications
    expect(notification).toMatchObject({ type: 'link.rejected', reason: 'Budget cut <b>this</b> year' })
    expect(notification!.message).toContain('Their reason: “Budget cut <b>this</b> year”')
    const [sent] = await mailFrom(queue.queued())
    expect(sent!.text).toContain('Budget cut <b>this</b> year')
    expect(sent!.html).toContain('Budget cut &#60;b&#62;this&#60;/b&#62; year')
  })

  it('a type switched off creates neither a notification nor an email; each channel switches on its own', async () => {
    const owner = await signUpOwner()
    await setSettings(owner, { 'link.rejected': { inApp: false, email: false }, 'link.accepted': { inApp: false } })
    const queue = watchQueue()
    await rejectViaLink(await requestLink(owner))
    expect((await notificationsOf(owner)).notifications).toEqual([])
    expect(queue.queued()).toEqual([])

    await submitViaLink(await requestLink(owner), { apiKey: DEMO_KEY })
    expect((await notificationsOf(owner)).notifications).toEqual([])
    expect(queue.queued().map((message) => message.notificationEmail.facts.type)).toEqual(['link.accepted'])

    await setSettings(owner, { 'link.rejected': { inApp: true } })
    await rejectViaLink(await requestLink(owner))
    expect((await notificationsOf(owner)).notifications.map((n) => n.type)).toEqual(['link.rejected'])
    expect(queue.queued().map((message) => message.notificationEmail.facts.type)).toEqual(['link.accepted'])
  })

  it('Settings → Notifications: all on by default, the form saves what is ticked and redirects back', async () => {
    const owner = await signUpOwner()
    const page = await (await call('/settings/notifications', { cookie: owner.cookie })).text()
    for (const type of NOTIFICATION_TYPES) {
      expect(page).toContain(`name="${type}.inApp" checked`)
      expect(page).toContain(`name="${type}.email" checked`)
    }
    const fields = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [`${type}.inApp`, 'on']))
    const saved = await call('/settings/notifications', { ...form(fields), cookie: owner.cookie })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe('/settings/notifications?saved=1')
    const settings = await (await call('/api/v1/notification-settings', { cookie: owner.cookie })).json<{ settings: unknown }>()
    expect(settings.settings).toEqual(Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, { inApp: true, email: false }])))
    const after = await (await call('/settings/notifications?saved=1', { cookie: owner.cookie })).text()
    expect(after).toContain('Notification settings saved.')
    expect(after).toContain('name="link.rejected.email"/>')
  })

  it('keeps workspaces apart: the list, the unread count, marking read and the settings', async () => {
    const alice = await signUpOwner('Alice')
    const bob = await signUpOwner('Bob')
    const queue = watchQueue()
    await rejectViaLink(await requestLink(alice), { reason: 'Only for Alice' })
    const [aliceNote] = (await notificationsOf(alice)).notifications
    expect(await notificationsOf(bob)).toEqual({ notifications: [], nextCursor: null, unread: 0 })
    expect(queue.queued().map((message) => message.notificationEmail.to)).toEqual([alice.email])

    const marked = await call('/api/v1/notifications/read', { method: 'POST', cookie: bob.cookie, json: { ids: [aliceNote!.id] } })
    expect(await marked.json()).toEqual({ marked: 0, unread: 0 })
    await call(`/notifications/${aliceNote!.id}/read`, { method: 'POST', cookie: bob.cookie })
    await call('/notifications/read-all', { method: 'POST', cookie: bob.cookie })
    expect((await notificationsOf(alice)).unread).toBe(1)

    await setSettings(bob, { 'link.rejected': { inApp: false, email: false } })
    await rejectViaLink(await requestLink(alice))
    expect((await notificationsOf(alice)).unread).toBe(2)
  })

  it('the header shows the unread count on every dashboard page; mark read and mark all read post, then redirect', async () => {
    const owner = await signUpOwner()
    const before = await (await call('/connections', { cookie: owner.cookie })).text()
    expect(before).toContain('href="/notifications"')
    expect(before).not.toContain('unread</span>')
    for (let i = 0; i < 3; i++) await rejectViaLink(await requestLink(owner), { reason: `Reason ${i}` })

    for (const path of ['/connections', '/settings', '/workflows', '/notifications']) {
      const html = await (await call(path, { cookie: owner.cookie })).text()
      expect(html, path).toContain('<span class="badge badge-rejected">3</span><span class="visually-hidden"> unread</span>')
    }
    const page = await (await call('/notifications', { cookie: owner.cookie })).text()
    expect(page).toContain('Reason 2')
    expect(page.indexOf('Reason 2')).toBeLessThan(page.indexOf('Reason 0'))

    const [newest] = (await notificationsOf(owner)).notifications
    const one = await call(`/notifications/${newest!.id}/read`, { method: 'POST', cookie: owner.cookie })
    expect(one.status).toBe(303)
    expect(one.headers.get('location')).toBe('/notifications')
    const listed = await notificationsOf(owner)
    expect(listed.unread).toBe(2)
    expect(listed.notifications.find((n) => n.id === newest!.id)!.readAt).not.toBeNull()

    const all = await call('/notifications/read-all', { method: 'POST', cookie: owner.cookie })
    expect(all.status).toBe(303)
    expect((await notificationsOf(owner)).unread).toBe(0)
    expect(await (await call('/connections', { cookie: owner.cookie })).text()).not.toContain('unread</span>')
  })

  it('pages newest first with a cursor, and the page needs a signed-in owner', async () => {
    const owner = await signUpOwner()
    for (let i = 0; i < 3; i++) await rejectViaLink(await requestLink(owner), { reason: `Page ${i}` })
    const first = await notificationsOf(owner, '?limit=2')
    expect(first.notifications.map((n) => n.reason)).toEqual(['Page 2', 'Page 1'])
    const second = await notificationsOf(owner, `?limit=2&cursor=${first.nextCursor}`)
    expect(second.notifications.map((n) => n.reason)).toEqual(['Page 0'])
    expect(second.nextCursor).toBeNull()
    expect((await call('/notifications')).status).toBe(303)
    expect((await call('/api/v1/notifications')).status).toBe(401)
  })

  it('never blocks the change: with the queue down the client’s rejection stands and the list still gets it', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    vi.spyOn(env.WEBHOOKS, 'sendBatch').mockRejectedValue(new Error('queue unavailable'))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const done = await rejectViaLink(link, { reason: 'Still recorded' })
    expect(done.status).toBe(200)
    expect((await notificationsOf(owner)).notifications.map((n) => n.reason)).toEqual(['Still recorded'])
  })

  it('reads names, settings and recipients for a cron batch of hundreds of events, past D1’s 100 bound parameters', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const db = database(env.DB)
    const many = (real: string) => [...Array.from({ length: 250 }, (_, i) => `missing-${i}`), real]
    expect(await connectionNames(db, many(link.connectionId))).toEqual([
      { id: link.connectionId, name: 'Client Tasks', appId: 'demo-tasks' },
    ])
    expect((await recipientsOf(db, many(owner.workspaceId))).map((person) => person.email)).toEqual([owner.email])
    await setSettings(owner, { 'link.locked': { email: false } })
    expect(await preferencesOf(db, many(owner.workspaceId))).toHaveLength(1)
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`)
    const marked = await call('/api/v1/notifications/read', { method: 'POST', cookie: owner.cookie, json: { ids } })
    expect(await marked.json()).toEqual({ marked: 0, unread: 0 })
  })

  it('an email the mail service refuses is retried by the queue, then given up', async () => {
    const owner = await signUpOwner()
    const queue = watchQueue()
    await rejectViaLink(await requestLink(owner))
    vi.spyOn(env.EMAIL, 'send').mockRejectedValue(new Error('mail service down'))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect((await consume(queue.queued(), 1)).retryMessages).toEqual([{ msgId: 'n-0' }])
    expect((await consume(queue.queued(), 6)).explicitAcks).toEqual(['n-0'])
  })
})
