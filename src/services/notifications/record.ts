import { getApp } from '../../apps'
import type { EventRow } from '../../db/events'
import { connectionNames, insertNotifications, type NewNotification, preferencesOf, recipientsOf } from '../../db/notifications'
import { type NotificationFacts, notificationSettings, notificationTypeFor } from '../../domain/notifications'
import { readConfig } from '../../config'
import type { Deps } from '../deps'
import { enqueueNotificationEmails, type NotificationEmailMessage } from './email'

export type NotifyDeps = Pick<Deps, 'db' | 'env'> & Partial<Pick<Deps, 'publicOrigin'>>

/**
 * Where the email's link points: the origin links are built from (PUBLIC_URL, or a loopback request's own in local
 * development); from the cron, which has no request, PUBLIC_URL alone. Without either the email names the place in words.
 */
function originFor(deps: NotifyDeps): string | null {
  try {
    return deps.publicOrigin ?? readConfig(deps.env).publicUrl
  } catch {
    return readConfig(deps.env).publicUrl
  }
}

const reasonOf = (event: EventRow): string | null => {
  if (event.type !== 'rejected' || !event.detail) return null
  const reason = (JSON.parse(event.detail) as { reason?: unknown }).reason
  return typeof reason === 'string' ? reason : null
}

/**
 * After a D1 batch has committed, beside the webhooks: the notifications its events stand for, in the app and queued
 * as email, each only where the workspace leaves that type on. Never throws: the change stands whatever happens here.
 */
export async function notifyPeople(deps: NotifyDeps, events: readonly EventRow[]): Promise<void> {
  try {
    await notify(deps, events)
  } catch (error) {
    console.error('notifications: recording failed', error instanceof Error ? error.message : error)
  }
}

async function notify(deps: NotifyDeps, events: readonly EventRow[]): Promise<void> {
  const typed = events.flatMap((event) => {
    const type = notificationTypeFor({
      type: event.type,
      detail: event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : null,
    })
    return type ? [{ event, type }] : []
  })
  if (typed.length === 0) return
  const workspaceIds = [...new Set(typed.map(({ event }) => event.workspaceId))]
  const [preferences, named] = await Promise.all([
    preferencesOf(deps.db, workspaceIds),
    connectionNames(deps.db, [...new Set(typed.map(({ event }) => event.connectionId))]),
  ])
  const settingsOf = new Map(workspaceIds.map((id) => [id, notificationSettings(preferences.filter((row) => row.workspaceId === id))]))
  const connectionsById = new Map(named.map((row) => [row.id, row]))

  const shown: NewNotification[] = []
  const mailed: { workspaceId: string; facts: NotificationFacts }[] = []
  for (const { event, type } of typed) {
    const connection = connectionsById.get(event.connectionId)
    const settings = settingsOf.get(event.workspaceId)?.[type]
    if (!connection || !settings) continue
    const reason = reasonOf(event)
    if (settings.inApp) {
      shown.push({
        id: event.id,
        workspaceId: event.workspaceId,
        type,
        connectionId: connection.id,
        connectionName: connection.name,
        appId: connection.appId,
        reason,
        at: event.at,
        readAt: null,
      })
    }
    if (settings.email) {
      const appName = getApp(connection.appId)?.name ?? connection.appId
      mailed.push({
        workspaceId: event.workspaceId,
        facts: { type, connectionId: connection.id, connectionName: connection.name, appName, reason },
      })
    }
  }
  const origin = originFor(deps)
  const recipients = mailed.length > 0 ? await recipientsOf(deps.db, [...new Set(mailed.map((item) => item.workspaceId))]) : []
  const messages: NotificationEmailMessage[] = mailed.flatMap(({ workspaceId, facts }) =>
    recipients
      .filter((person) => person.workspaceId === workspaceId)
      .map(({ email, name }) => ({
        notificationEmail: {
          to: email,
          name,
          facts,
          connectionUrl: origin ? `${origin}/connections/${encodeURIComponent(facts.connectionId)}` : null,
        },
      })),
  )
  // Both land or are tried independently: a full queue must not cost the in-app list its entry, nor the reverse.
  const results = await Promise.allSettled([insertNotifications(deps.db, shown), enqueueNotificationEmails(deps.env, messages)])
  for (const result of results) if (result.status === 'rejected') throw result.reason
}
