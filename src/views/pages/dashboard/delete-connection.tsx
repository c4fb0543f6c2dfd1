import { buttonClass, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import { connectionHref } from './paths'
import type { ConnectionView, OwnerView } from './types'
import { workflowHref } from '../workflows/types'
import type { NamedWorkflow } from '../../../domain/shapes'

/** The row menu's Delete asks once more; a mistaken click must not lose a client's connection. */
export function DeleteConnectionPage({ owner, view, workflows }: { owner: OwnerView; view: ConnectionView; workflows: NamedWorkflow[] }) {
  const { connection } = view
  return (
    <Layout title={`Delete ${connection.name}`} owner={owner} current="connections">
      <section class="card stack" aria-labelledby="delete-title">
        <h1 id="delete-title">Delete “{connection.name}”?</h1>
        <p>The connection and its encrypted credentials are removed for good, and any open link stops working.</p>
        {workflows.length === 0 ? (
          <p class="muted">No workflow uses this connection.</p>
        ) : (
          <div class="stack">
            <p>
              {workflows.length === 1 ? 'This workflow uses it' : `These ${workflows.length} workflows use it`}. Their steps with this
              connection will fail, and each run stop at them, until you choose another connection for those steps:
            </p>
            <ul>
              {workflows.map((workflow) => (
                <li>
                  <a href={workflowHref(workflow.id)}>{workflow.name}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={connectionHref(connection.id, '/delete')} class="form-actions">
          <SubmitButton variant="danger">Delete connection</SubmitButton>
          <a class={buttonClass('secondary')} href="/connections">
            Cancel
          </a>
        </form>
      </section>
    </Layout>
  )
}
