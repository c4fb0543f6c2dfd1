import { Alert } from '../../components/alert'
import { CopyField } from '../../components/copy-field'
import { SubmitButton } from '../../components/form'
import { workflowHref, type WorkflowView } from './types'

export interface TriggerProps {
  workflow: WorkflowView
  /** The signing secret just created, shown on this one page load only. */
  newSecret?: string | null
}

export function Trigger({ workflow, newSecret }: TriggerProps) {
  return (
    <section class="card stack" aria-labelledby="trigger-title">
      <h2 id="trigger-title">Trigger: webhook</h2>
      <CopyField
        id="webhook-url"
        label="Webhook address"
        value={workflow.webhookUrl}
        help={
          'POST any JSON (up to 64 KB) here to start a run, at most 60 a minute. ' +
          'Keep it private: anyone with the address can start the workflow.'
        }
      />
      <form method="post" action={workflowHref(workflow.id, '/webhook/rotate')} class="row">
        <SubmitButton variant="secondary">Rotate webhook URL</SubmitButton>
        <span class="small muted">The current address stops working at once; update every sender.</span>
      </form>
      <p class="small muted">
        Steps read the JSON's fields as {'{{trigger.field}}'}, e.g. {'{{trigger.title}}'}.
      </p>
      <pre class="code">
        {`curl -X POST '${workflow.webhookUrl}' \\\n  -H 'content-type: application/json' \\\n  -d '{"title":"Hello"}'`}
      </pre>
      <Signing workflow={workflow} newSecret={newSecret} />
    </section>
  )
}

function Signing({ workflow, newSecret }: TriggerProps) {
  return (
    <section class="stack" aria-labelledby="signing-title">
      <h3 id="signing-title">Signed triggers: {workflow.webhookSigning ? 'on' : 'off'}</h3>
      <p class="small">
        {workflow.webhookSigning
          ? 'Every trigger must carry a valid Standard Webhooks signature (webhook-id, webhook-timestamp within 5 minutes, ' +
            'webhook-signature) made with the signing secret; others are refused with 401.'
          : 'Anyone with the address can trigger the workflow. With a signing secret, only senders that sign with it ' +
            '(Standard Webhooks) can.'}
      </p>
      {newSecret ? (
        <Alert kind="warning">
          <CopyField
            id="webhook-secret"
            label="Signing secret"
            value={newSecret}
            help="Copy it into the sender now: it is shown only this once. Reloading this page will not show it again."
          />
        </Alert>
      ) : null}
      <div class="row">
        <form method="post" action={workflowHref(workflow.id, '/webhook/secret')}>
          <SubmitButton variant="secondary">{workflow.webhookSigning ? 'Replace signing secret' : 'Create signing secret'}</SubmitButton>
        </form>
        {workflow.webhookSigning ? (
          <form method="post" action={workflowHref(workflow.id, '/webhook/secret/delete')}>
            <SubmitButton variant="danger">Remove signing secret</SubmitButton>
          </form>
        ) : null}
      </div>
    </section>
  )
}
