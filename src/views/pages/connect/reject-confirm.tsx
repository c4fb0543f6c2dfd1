import type { AppDefinition } from '../../../apps/types'
import { REJECT_REASON_MAX } from '../../../domain/limits'
import { AppIcon } from '../../components/app-icon'
import { buttonClass, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'

export interface RejectConfirmProps {
  app: AppDefinition
  token: string
  connectionName: string
}

export function RejectConfirmPage({ app, token, connectionName }: RejectConfirmProps) {
  return (
    <Layout title="Reject this request?" variant="public">
      <section class="card invite" aria-labelledby="reject-title">
        <AppIcon iconUrl={app.iconUrl} name={app.name} size={56} />
        <h1 id="reject-title">Reject this request?</h1>
        <p>
          Nothing will be shared, and this link stops working: the requester will see that you declined “{connectionName}” and needs to send
          a new link if you change your mind.
        </p>
        <form method="post" action={`/connect/${token}/reject`} class="stack">
          <div class="field">
            <label for="reject-reason">Reason (optional, shared with the requester)</label>
            <textarea id="reject-reason" name="reason" rows={3} maxLength={REJECT_REASON_MAX} />
          </div>
          <div class="invite-actions">
            <a href={`/connect/${token}`} class={buttonClass('secondary', true)}>
              Back
            </a>
            <SubmitButton variant="danger" block>
              Reject request
            </SubmitButton>
          </div>
        </form>
      </section>
    </Layout>
  )
}
