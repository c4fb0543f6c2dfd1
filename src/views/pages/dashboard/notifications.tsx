import type { PublicNotification } from '../../../domain/shapes'
import { Alert } from '../../components/alert'
import { EmptyState } from '../../components/empty-state'
import { Pager } from '../../components/pager'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { connectionHref, NOTIFICATIONS_PATH } from './paths'
import type { OwnerView } from './types'

export interface NotificationsPageProps {
  owner: OwnerView
  notifications: PublicNotification[]
  unread: number
  /** The older page; null on the last. */
  olderHref: string | null
  /** Shown on pages after the first. */
  newestHref: string | null
  now: string
}

function NotificationItem({ notification, now }: { notification: PublicNotification; now: string }) {
  const unread = notification.readAt === null
  return (
    <li class="card stack">
      <div class="row spread">
        <h2 class="small">
          {unread ? <span class="badge badge-rejected">New</span> : null} {notification.title}
        </h2>
        <Time at={notification.at} now={now} />
      </div>
      <p>{notification.message}</p>
      <div class="row">
        <a href={connectionHref(notification.connectionId)}>Open {notification.connectionName}</a>
        {unread ? (
          <form method="post" action={`${NOTIFICATIONS_PATH}/${encodeURIComponent(notification.id)}/read`}>
            <button type="submit" class="button button-secondary">
              Mark read<span class="visually-hidden">: {notification.title}</span>
            </button>
          </form>
        ) : null}
      </div>
    </li>
  )
}

export function NotificationsPage({ owner, notifications, unread, olderHref, newestHref, now }: NotificationsPageProps) {
  return (
    <Layout title="Notifications" owner={owner} current="notifications">
      <div class="stack">
        <div class="row spread">
          <h1>Notifications</h1>
          {unread > 0 ? (
            <form method="post" action={`${NOTIFICATIONS_PATH}/read-all`}>
              <button type="submit" class="button button-secondary">
                Mark all read
              </button>
            </form>
          ) : null}
        </div>
        <p class="muted">
          What happened to your links and connections. Choose what you are told of, here and by email, in{' '}
          <a href="/settings/notifications">Settings → Notifications</a>.
        </p>
        {unread > 0 ? (
          <Alert kind="info" live={false}>
            {unread === 1 ? '1 unread notification.' : `${unread} unread notifications.`}
          </Alert>
        ) : null}
        {notifications.length === 0 ? (
          <EmptyState title="No notifications yet">
            When a client accepts or rejects a link, a link expires or locks, or a connection needs reconnecting, it shows here.
          </EmptyState>
        ) : (
          <ol class="stack" aria-label="Notifications, newest first">
            {notifications.map((notification) => (
              <NotificationItem notification={notification} now={now} />
            ))}
          </ol>
        )}
        <Pager label="Notification pages" newestHref={newestHref} olderHref={olderHref} />
      </div>
    </Layout>
  )
}
