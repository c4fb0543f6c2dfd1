import { buttonClass, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import { connectionHref } from './paths'
import type { ConnectionView, OwnerView } from './types'

/** The row menu's Delete asks once more; a mistaken click must not lose a client's connection. */
export function DeleteConnectionPage({ owner, view }: { owner: OwnerView; view: ConnectionView }) {
  const { connection } = view
  return (
    <Layout title={`Delete ${connection.name}`} owner={owner} current="connections">
      <section class="card stack" aria-labelledby="delete-title">
        <h1 id="delete-title">Delete “{connection.name}”?</h1>
        <p>
          The connection and its encrypted credentials are removed for good, and any open link stops working. Workflows that use it will
          fail until you choose another connection.
        </p>
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
