import type { AppDefinition } from '../../../apps/types'
import type { RequestItemState, RequestSnapshot } from '../../../domain/shapes'
import type { MessageKey } from '../../../i18n'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { buttonClass } from '../../components/form'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { useT } from '../../locale'
import { RequesterLine } from './requester'

export interface RequestListItem {
  position: number
  app: AppDefinition
  connectionName: string
  state: RequestItemState
  /** The item's own link token (derived from the list's), for its Connect and Reject. */
  token: string
}

export interface RequestListProps {
  snapshot: RequestSnapshot
  token: string
  items: RequestListItem[]
}

const STATE_KEYS: Record<Exclude<RequestItemState, 'pending'>, MessageKey> = {
  connected: 'list.connected',
  skipped: 'list.skipped',
  rejected: 'list.rejected',
  closed: 'list.closed',
}

/** Several apps in one link: every app with its state; each open one can be connected, skipped or rejected on its own. */
export function RequestListPage({ snapshot, token, items }: RequestListProps) {
  const t = useT()
  const connected = items.filter((item) => item.state === 'connected').length
  const finished = items.every((item) => item.state !== 'pending')
  const title = t('list.title', { count: String(items.length) })
  return (
    <Layout title={title} variant="public" languages>
      <section class="card invite" aria-labelledby="list-title">
        <h1 id="list-title">{title}</h1>
        <RequesterLine name={snapshot.requesterName} email={snapshot.requesterEmail}>
          {t('list.asks')}
        </RequesterLine>
        <p class="list-progress" role="status">
          <strong>{t('list.progress', { done: String(connected), total: String(items.length) })}</strong>
        </p>
        {finished ? <Alert kind="success">{t('list.finished')}</Alert> : null}
        <ol class="request-items">
          {items.map((item) => (
            <li class="request-item" key={item.position}>
              <div class="request-item-head">
                <AppIcon iconUrl={item.app.iconUrl} name={item.app.name} size={40} />
                <div>
                  <strong>{item.app.name}</strong>
                  <div class="muted">{t('form.for', { name: item.connectionName })}</div>
                </div>
              </div>
              {item.state === 'pending' ? (
                <div class="invite-actions">
                  <form method="post" action={`/connect/${item.token}/accept`}>
                    <button type="submit" class={buttonClass('primary', true)}>
                      {t('list.connect', { app: item.app.name })}
                    </button>
                  </form>
                  <form method="post" action={`/connect/r/${token}/skip/${item.position}`}>
                    <button type="submit" class={buttonClass('secondary', true)}>
                      {t('list.skip')}
                    </button>
                  </form>
                  <a href={`/connect/${item.token}/reject`} class={buttonClass('secondary', true)}>
                    {t('invite.reject')}
                  </a>
                </div>
              ) : (
                <p class={`request-state request-state-${item.state}`}>{t(STATE_KEYS[item.state])}</p>
              )}
            </li>
          ))}
        </ol>
        {finished ? null : (
          <p class="muted">
            {t('invite.expires')}: <Time at={snapshot.expiresAt} />
          </p>
        )}
      </section>
    </Layout>
  )
}
