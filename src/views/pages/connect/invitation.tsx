import type { AppDefinition } from '../../../apps/types'
import { AppIcon } from '../../components/app-icon'
import { Shield } from '../../components/icons'
import { buttonClass } from '../../components/form'
import { Steps } from '../../components/steps'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import { useLocale, useT } from '../../locale'
import { accessSummary, flowSteps } from './access'
import type { InvitationSnapshot } from '../../../domain/shapes'
import { RequesterLine } from './requester'

export interface InvitationProps {
  snapshot: InvitationSnapshot
  app: AppDefinition
  token: string
}

export function InvitationPage({ snapshot, app, token }: InvitationProps) {
  const t = useT()
  const locale = useLocale()
  const refresh = snapshot.purpose === 'refresh'
  const title = t(refresh ? 'invite.titleRefresh' : 'invite.titleConnect', { app: app.name })
  return (
    <Layout title={title} variant="public" languages>
      <Steps current={1} labels={flowSteps(app, locale)} />
      <section class="card invite" aria-labelledby="invite-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="invite-title">{title}</h1>
        <RequesterLine name={snapshot.requesterName} email={snapshot.requesterEmail}>
          {t(refresh ? 'invite.asksRefresh' : 'invite.asksConnect', { app: app.name })}
        </RequesterLine>
        <dl class="kv">
          <dt>{t('invite.connectionName')}</dt>
          <dd>{snapshot.connectionName}</dd>
          <dt>{t('invite.access')}</dt>
          <dd>
            <ul class="access-list">
              {accessSummary(app, locale).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('invite.expires')}</dt>
          <dd>
            <Time at={snapshot.expiresAt} />
          </dd>
        </dl>
        <p class="note">
          <Shield size={18} />
          <span>
            {t('invite.noteBefore')}
            <strong>{snapshot.requesterName}</strong>
            {t('invite.noteAfter')}
          </span>
        </p>
        <div class="invite-actions">
          <form method="post" action={`/connect/${token}/accept`}>
            <button type="submit" class={buttonClass('primary', true)}>
              {t('invite.accept')}
            </button>
          </form>
          {/* A page of its own asks for confirmation (and the optional reason) before the link is spent. */}
          <a href={`/connect/${token}/reject`} class={buttonClass('secondary', true)}>
            {t('invite.reject')}
          </a>
        </div>
      </section>
    </Layout>
  )
}
