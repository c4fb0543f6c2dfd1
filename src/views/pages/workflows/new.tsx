import { NAME_MAX } from '../../../domain/limits'
import { buttonClass, Field, FormError, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { FormState, OwnerView } from '../dashboard/types'

export function NewWorkflowPage({ owner, state = {} }: { owner: OwnerView; state?: FormState }) {
  return (
    <Layout title="New workflow" owner={owner} current="workflows">
      <div class="stack">
        <p class="small">
          <a href="/workflows">← Workflows</a>
        </p>
        <section class="card stack" aria-labelledby="new-workflow">
          <h1 id="new-workflow">New workflow</h1>
          <FormError message={state.error} />
          <form method="post" action="/workflows" class="stack">
            <Field
              name="name"
              maxLength={NAME_MAX}
              label="Workflow name"
              required
              value={state.values?.name}
              error={state.errors?.name}
              help="For you only, e.g. “Publish client posts”. You add steps next."
            />
            <div class="form-actions">
              <SubmitButton>Create workflow</SubmitButton>
              <a class={buttonClass('secondary')} href="/workflows">
                Cancel
              </a>
            </div>
          </form>
        </section>
      </div>
    </Layout>
  )
}
