import type { AppDefinition } from '../../../apps/types'
import { REJECT_REASON_MAX } from '../../../domain/limits'
import { AppIcon } from '../../components/app-icon'
import { buttonClass, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import { useT } from '../../locale'

export interface RejectConfirmProps {
  app: AppDefinition
  token: string
  connectionName: string
}

export function RejectConfirmPage({ app, token, connectionName }: RejectConfirmProps) {
  const t = useT()
  return (
    <Layout title={t('reject.title')} variant="public" languages>
      <section class="card invite" aria-labelledby="reject-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="reject-title">{t('reject.title')}</h1>
        <p>{t('reject.body', { name: connectionName })}</p>
        <form method="post" action={`/connect/${token}/reject`} class="stack">
          <div class="field">
            <label for="reject-reason">{t('reject.reason')}</label>
            <textarea id="reject-reason" name="reason" rows={3} maxLength={REJECT_REASON_MAX} />
          </div>
          <div class="invite-actions">
            <a href={`/connect/${token}`} class={buttonClass('secondary', true)}>
              {t('reject.back')}
            </a>
            <SubmitButton variant="danger" block>
              {t('reject.submit')}
            </SubmitButton>
          </div>
        </form>
      </section>
    </Layout>
  )
}
