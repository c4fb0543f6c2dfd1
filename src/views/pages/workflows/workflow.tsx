import { NAME_MAX, TEST_PAYLOAD_MAX } from '../../../domain/limits'
import { Alert } from '../../components/alert'
import { AppIcon } from '../../components/app-icon'
import { EmptyState } from '../../components/empty-state'
import { buttonClass, Field, FormError, SubmitButton } from '../../components/form'
import { Plus, Trash } from '../../components/icons'
import { Menu, MenuItemButton } from '../../components/menu'
import { Layout } from '../../layout'
import { connectionHref } from '../dashboard/paths'
import { StatusBadges } from '../dashboard/status'
import type { OwnerView } from '../dashboard/types'
import { Pager } from '../../components/pager'
import { RunsList } from './runs'
import { Trigger } from './trigger'
import { workflowHref, type StepView, type WorkflowView } from './types'

export interface WorkflowPageProps {
  owner: OwnerView
  workflow: WorkflowView
  now: number
  /** A success note after a change, e.g. "Step added." */
  notice?: string | null
  /** Why the last change was refused (e.g. a move that breaks a {{steps.N}} reference). */
  error?: string | null
  /** The signing secret just created, shown once. */
  newSecret?: string | null
}

export function WorkflowPage({ owner, workflow, now, notice, error, newSecret }: WorkflowPageProps) {
  return (
    <Layout title={workflow.name} owner={owner} current="workflows">
      <div class="stack">
        <p class="small">
          <a href="/workflows">← Workflows</a>
        </p>
        <h1>{workflow.name}</h1>
        {notice ? (
          <Alert kind="success" live>
            {notice}
          </Alert>
        ) : null}
        <FormError message={error} />
        <Trigger workflow={workflow} newSecret={newSecret} />
        <section class="card stack" aria-labelledby="steps-title">
          <div class="card-header">
            <h2 id="steps-title">Steps</h2>
            <a class={buttonClass('secondary')} href={workflowHref(workflow.id, '/steps/new')}>
              <Plus size={16} />
              Add step
            </a>
          </div>
          {workflow.steps.length === 0 ? (
            <EmptyState
              title="No steps yet"
              headingLevel={3}
              action={
                <a class={buttonClass()} href={workflowHref(workflow.id, '/steps/new')}>
                  Add the first step
                </a>
              }
            >
              Each step runs an app action with one of your connections, in order.
            </EmptyState>
          ) : (
            <ol class="stack">
              {workflow.steps.map((step) => (
                <StepItem workflowId={workflow.id} step={step} last={step.position === workflow.steps.length} />
              ))}
            </ol>
          )}
        </section>
        <section class="card stack" aria-labelledby="runs-title">
          <h2 id="runs-title">Runs</h2>
          <RunNow workflowId={workflow.id} />
          <RunsList workflowId={workflow.id} runs={workflow.runs} steps={workflow.steps} now={now} />
          <Pager
            label="Runs pages"
            newestHref={workflow.runsPaged ? `${workflowHref(workflow.id)}#runs-title` : null}
            olderHref={
              workflow.runsNextCursor ? `${workflowHref(workflow.id)}?runs=${encodeURIComponent(workflow.runsNextCursor)}#runs-title` : null
            }
          />
        </section>
        <Settings workflow={workflow} />
      </div>
    </Layout>
  )
}

function StepItem({ workflowId, step, last }: { workflowId: string; step: StepView; last: boolean }) {
  const base = workflowHref(workflowId, `/steps/${step.position}`)
  const title = step.app && step.action ? `${step.app.name} — ${step.action.name}` : 'This action is no longer available'
  return (
    <li class="card stack">
      <div class="card-header">
        <span class="row">
          {step.app ? <AppIcon iconUrl={step.app.iconUrl} name={step.app.name} size={28} /> : null}
          <strong>
            Step {step.position}: {title}
          </strong>
        </span>
        <span class="row">
          <a class={buttonClass('secondary')} href={`${base}/edit`}>
            Edit<span class="visually-hidden"> step {step.position}</span>
          </a>
          <Menu label={`More actions for step ${step.position}`}>
            {step.position > 1 ? (
              <MenuItemButton action={`${base}/move`} fields={{ direction: 'up' }}>
                Move up
              </MenuItemButton>
            ) : null}
            {last ? null : (
              <MenuItemButton action={`${base}/move`} fields={{ direction: 'down' }}>
                Move down
              </MenuItemButton>
            )}
            <MenuItemButton action={`${base}/delete`} danger>
              <Trash size={16} />
              Delete step
            </MenuItemButton>
          </Menu>
        </span>
      </div>
      <StepConnection step={step} />
      {Object.keys(step.input).length > 0 ? (
        <dl class="kv">
          {Object.entries(step.input).map(([key, value]) => (
            <>
              <dt>{step.action?.fields.find((field) => field.key === key)?.label ?? key}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      ) : null}
    </li>
  )
}

function StepConnection({ step }: { step: StepView }) {
  if (!step.connection) {
    return (
      <Alert kind="warning">The connection of this step was deleted. Edit the step and choose another one, or runs will fail here.</Alert>
    )
  }
  return (
    <p class="row small">
      Connection: <a href={connectionHref(step.connection.id)}>{step.connection.name}</a>
      <StatusBadges connection={step.connection} />
    </p>
  )
}

/** A run without a sender: the JSON typed here is the trigger payload, as if POSTed to the webhook. */
function RunNow({ workflowId }: { workflowId: string }) {
  return (
    <details>
      <summary>Run now with a test payload</summary>
      <form method="post" action={workflowHref(workflowId, '/runs')} class="stack">
        <Field
          name="payload"
          id="test-payload"
          type="textarea"
          label="Test payload (JSON)"
          value={'{\n  "title": "Hello"\n}'}
          maxLength={TEST_PAYLOAD_MAX}
          help="Steps read it as {{trigger.field}}. Empty sends {}."
        />
        <SubmitButton>Run now</SubmitButton>
      </form>
    </details>
  )
}

function Settings({ workflow }: { workflow: WorkflowView }) {
  return (
    <section class="card stack" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <form method="post" action={workflowHref(workflow.id, '/rename')} class="row">
        <Field name="name" id="rename-name" label="Workflow name" value={workflow.name} required maxLength={NAME_MAX} />
        <SubmitButton variant="secondary">Rename</SubmitButton>
      </form>
      <p>
        <a class={buttonClass('danger')} href={workflowHref(workflow.id, '/delete')}>
          <Trash size={16} />
          Delete workflow…
        </a>
      </p>
    </section>
  )
}
