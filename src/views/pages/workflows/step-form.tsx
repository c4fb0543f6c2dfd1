import { TEMPLATE_MAX } from '../../../domain/limits'
import type { Action, AppDefinition } from '../../../apps/types'
import { AppIcon } from '../../components/app-icon'
import { buttonClass, Field, FormError, Select, SubmitButton } from '../../components/form'
import { Layout } from '../../layout'
import type { FormState, OwnerView } from '../dashboard/types'
import { ConnectionChoice } from './connection-choice'
import { workflowHref } from './types'
import type { PublicConnection } from '../../../domain/shapes'

export interface StepFormPageProps {
  owner: OwnerView
  workflow: { id: string; name: string }
  app: AppDefinition
  action: Action
  /** The step's number once saved: its templates may read steps before it. */
  position: number
  /** Where the form posts: a new step, or the step being edited. */
  formAction: string
  /** This page's own URL, which the action chooser reloads with `?action=`. */
  pageUrl: string
  editing: boolean
  connections: PublicConnection[]
  /** Values keyed like the form: connectionId, input.<field>. */
  state?: FormState
}

export const inputName = (key: string) => `input.${key}`

function TemplateHint({ position }: { position: number }) {
  return (
    <p class="note small">
      <span>
        Type fixed text, or insert values with {'{{…}}'}: <code>{'{{trigger.title}}'}</code> reads the field <em>title</em> of the webhook's
        JSON
        {position > 1 ? (
          <>
            , and <code>{'{{steps.1.name}}'}</code> the output <em>name</em> of step 1 (a past run shows each step's output)
          </>
        ) : null}
        . A value that is missing when the workflow runs is left empty.
      </span>
    </p>
  )
}

function ActionChooser({ app, action, pageUrl }: { app: AppDefinition; action: Action; pageUrl: string }) {
  if (app.actions.length < 2)
    return (
      <p>
        <strong>Action:</strong> {action.name}
      </p>
    )
  return (
    <form method="get" action={pageUrl} class="row">
      <Select
        name="action"
        id="step-action"
        label="Action"
        value={action.id}
        options={app.actions.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
      />
      <SubmitButton variant="secondary">Choose action</SubmitButton>
    </form>
  )
}

export function StepFormPage(props: StepFormPageProps) {
  const { owner, workflow, app, action, position, formAction, pageUrl, editing, connections, state = {} } = props
  const title = editing ? `Edit step ${position}` : `Add step ${position}`
  return (
    <Layout title={`${title} · ${workflow.name}`} owner={owner} current="workflows">
      <div class="stack">
        <p class="small">
          <a href={workflowHref(workflow.id)}>← {workflow.name}</a>
        </p>
        <div class="row">
          <AppIcon iconUrl={app.iconUrl} name={app.name} size={40} />
          <h1>
            {title}: {app.name}
          </h1>
        </div>
        <FormError message={state.error} />
        <ActionChooser app={app} action={action} pageUrl={pageUrl} />
        <form method="post" action={formAction} class="card stack">
          <input type="hidden" name="appId" value={app.id} />
          <input type="hidden" name="action" value={action.id} />
          <ConnectionChoice
            appId={app.id}
            appName={app.name}
            connections={connections}
            value={state.values?.connectionId}
            error={state.errors?.connectionId}
          />
          <h2>{action.name}</h2>
          <TemplateHint position={position} />
          {action.fields.map((field) => (
            <Field
              name={inputName(field.key)}
              maxLength={TEMPLATE_MAX}
              id={`step-input-${field.key}`}
              label={field.optional ? `${field.label} (optional)` : field.label}
              type={field.type === 'textarea' ? 'textarea' : 'text'}
              required={!field.optional}
              help={field.help}
              placeholder={field.placeholder}
              value={state.values?.[inputName(field.key)]}
              error={state.errors?.[inputName(field.key)]}
            />
          ))}
          <div class="form-actions">
            <SubmitButton>{editing ? 'Save step' : 'Add step'}</SubmitButton>
            <a class={buttonClass('secondary')} href={workflowHref(workflow.id)}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </Layout>
  )
}
