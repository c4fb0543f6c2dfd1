import { buttonClass, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { OwnerView } from '../dashboard/types'
import { workflowHref } from './types'

export function DeleteWorkflowPage({ owner, workflow }: { owner: OwnerView; workflow: { id: string; name: string } }) {
  return (
    <Layout title={`Delete ${workflow.name}`} owner={owner} current="workflows">
      <section class="card stack" aria-labelledby="delete-title">
        <h1 id="delete-title">Delete “{workflow.name}”?</h1>
        <p>
          The workflow, its steps and its run history are removed for good, and its webhook address stops working. The connections it used
          stay.
        </p>
        <form method="post" action={workflowHref(workflow.id, '/delete')} class="form-actions">
          <SubmitButton variant="danger">Delete workflow</SubmitButton>
          <a class={buttonClass('secondary')} href={workflowHref(workflow.id)}>
            Cancel
          </a>
        </form>
      </section>
    </Layout>
  )
}
