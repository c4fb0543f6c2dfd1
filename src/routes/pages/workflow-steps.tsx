import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { isAppAvailable, listedApps } from '../../apps'
import type { Action, AppDefinition } from '../../apps/types'
import type { WorkflowWithSteps } from '../../db/workflows'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { validate } from '../../http/validate'
import { requireApp } from '../../services/connections'
import { depsFor, type Deps } from '../../services/deps'
import { requireWorkflow, stepDefinition, updateWorkflow } from '../../services/workflows/definitions'
import { MAX_STEPS, type StepDefinition } from '../../services/workflows/types'
import { renderPage } from '../../views/render'
import type { FormState } from '../../views/pages/dashboard/types'
import { StepAppPickerPage } from '../../views/pages/workflows/step-app-picker'
import { inputName, StepFormPage } from '../../views/pages/workflows/step-form'
import { workflowHref } from '../../views/pages/workflows/types'
import { readForm, type FormValues } from './forms'
import { ownerView } from './view-models'
import { showWorkflow } from './workflow-page'
import { isWorkflowFormError, stepFieldErrors, workspaceConnections } from './workflow-views'

const id = z.string().min(1).max(64)
const workflowParam = z.object({ id })
const appParam = z.object({ id, appId: z.string().min(1).max(64) })
const stepParam = z.object({ id, position: z.coerce.number().int().min(1).max(MAX_STEPS) })
const actionQuery = z.object({ action: z.string().max(64).optional() })
const moveForm = z.object({ direction: z.enum(['up', 'down']) })

interface StepForm {
  app: AppDefinition
  action: Action
  /** 0-based place of the step in the workflow. */
  index: number
  editing: boolean
}

function stepAt(found: WorkflowWithSteps, position: number): StepDefinition {
  const row = found.steps[position - 1]
  if (!row) throw new AppError('not_found', 'This workflow has no such step.')
  return stepDefinition(row)
}

function actionOf(app: AppDefinition, actionId: string | undefined): Action {
  const action = actionId ? app.actions.find((candidate) => candidate.id === actionId) : app.actions[0]
  if (!action) throw new AppError('invalid_request', `${app.name} has no such action.`)
  return action
}

function formValues(step: StepDefinition): Record<string, string> {
  return {
    connectionId: step.connectionId,
    ...Object.fromEntries(Object.entries(step.input).map(([key, value]) => [inputName(key), value])),
  }
}

function stepFromForm(form: StepForm, values: FormValues): StepDefinition {
  const input = Object.fromEntries(form.action.fields.map((field) => [field.key, values[inputName(field.key)] ?? '']))
  return { appId: form.app.id, action: form.action.id, connectionId: values.connectionId ?? '', input }
}

async function showStepForm(c: Context<AppEnv>, deps: Deps, found: WorkflowWithSteps, form: StepForm, state: FormState = {}, status = 200) {
  const { workflow } = found
  const connections = (await workspaceConnections(deps, c.get('owner'), Date.now())).filter(
    (connection) => connection.appId === form.app.id,
  )
  const position = form.index + 1
  const formAction = workflowHref(workflow.id, form.editing ? `/steps/${position}` : '/steps')
  const pageUrl = workflowHref(workflow.id, form.editing ? `/steps/${position}/edit` : `/steps/new/${encodeURIComponent(form.app.id)}`)
  return c.html(
    renderPage(
      <StepFormPage
        owner={ownerView(c.get('owner'))}
        workflow={workflow}
        app={form.app}
        action={form.action}
        position={position}
        formAction={formAction}
        pageUrl={pageUrl}
        editing={form.editing}
        connections={connections}
        state={state}
      />,
    ),
    status as 200,
  )
}

/** Saves the workflow with `steps`; a refusal re-shows the step form with the reason. */
async function saveStep(c: Context<AppEnv>, deps: Deps, found: WorkflowWithSteps, form: StepForm, values: FormValues, done: string) {
  const step = stepFromForm(form, values)
  if (!step.connectionId) return showStepForm(c, deps, found, form, { values, errors: { connectionId: 'Choose a connection.' } }, 400)
  const steps = found.steps.map(stepDefinition)
  steps.splice(form.index, form.editing ? 1 : 0, step)
  try {
    await updateWorkflow(deps, c.get('owner'), found.workflow.id, { name: found.workflow.name, steps }, Date.now())
  } catch (error) {
    if (!isWorkflowFormError(error)) throw error
    return showStepForm(c, deps, found, form, { values, errors: stepFieldErrors(error, form.index), error: error.message }, error.status)
  }
  return c.redirect(workflowHref(found.workflow.id, `?done=${done}`), 303)
}

/** Reorder or delete: a refusal (e.g. a {{steps.N}} reference that no longer points back) shows on the workflow page. */
async function saveOrder(c: Context<AppEnv>, deps: Deps, found: WorkflowWithSteps, steps: StepDefinition[], done: string) {
  try {
    await updateWorkflow(deps, c.get('owner'), found.workflow.id, { name: found.workflow.name, steps }, Date.now())
  } catch (error) {
    if (!isWorkflowFormError(error)) throw error
    return showWorkflow(c, deps, found.workflow.id, { error: error.message }, error.status)
  }
  return c.redirect(workflowHref(found.workflow.id, `?done=${done}`), 303)
}

/** Add step (pick an app, then the step form), edit, move and delete steps; mounted at /workflows/:id/steps. */
export const workflowStepPages = new Hono<AppEnv>()
  .get('/new', validate('param', workflowParam), async (c) => {
    const deps = depsFor(c)
    const { workflow } = await requireWorkflow(deps, c.get('owner'), c.req.valid('param').id)
    const apps = listedApps(deps.config)
      .filter((app) => app.actions.length > 0)
      .map((app) => ({ app, available: isAppAvailable(deps.env, app) }))
    return c.html(
      renderPage(<StepAppPickerPage owner={ownerView(c.get('owner'))} workflowId={workflow.id} workflowName={workflow.name} apps={apps} />),
    )
  })
  .get('/new/:appId', validate('param', appParam), validate('query', actionQuery), async (c) => {
    const deps = depsFor(c)
    const found = await requireWorkflow(deps, c.get('owner'), c.req.valid('param').id)
    const app = requireApp(deps, c.req.valid('param').appId)
    return showStepForm(c, deps, found, {
      app,
      action: actionOf(app, c.req.valid('query').action),
      index: found.steps.length,
      editing: false,
    })
  })
  .post('/', validate('param', workflowParam), async (c) => {
    const deps = depsFor(c)
    const found = await requireWorkflow(deps, c.get('owner'), c.req.valid('param').id)
    const values = await readForm(c)
    const app = requireApp(deps, values.appId ?? '')
    if (found.steps.length >= MAX_STEPS)
      return showWorkflow(c, deps, found.workflow.id, { error: `A workflow has at most ${MAX_STEPS} steps.` }, 400)
    return saveStep(
      c,
      deps,
      found,
      { app, action: actionOf(app, values.action), index: found.steps.length, editing: false },
      values,
      'step-added',
    )
  })
  .get('/:position/edit', validate('param', stepParam), validate('query', actionQuery), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId, position } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    const step = stepAt(found, position)
    const app = requireApp(deps, step.appId)
    const action = actionOf(app, c.req.valid('query').action ?? step.action)
    const values = action.id === step.action ? formValues(step) : { connectionId: step.connectionId }
    return showStepForm(c, deps, found, { app, action, index: position - 1, editing: true }, { values })
  })
  .post('/:position', validate('param', stepParam), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId, position } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    const app = requireApp(deps, stepAt(found, position).appId)
    const values = await readForm(c)
    return saveStep(c, deps, found, { app, action: actionOf(app, values.action), index: position - 1, editing: true }, values, 'step-saved')
  })
  .post('/:position/move', validate('param', stepParam), validate('form', moveForm), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId, position } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    stepAt(found, position)
    const steps = found.steps.map(stepDefinition)
    const other = c.req.valid('form').direction === 'up' ? position - 2 : position
    if (other < 0 || other >= steps.length) return c.redirect(workflowHref(workflowId), 303)
    ;[steps[position - 1], steps[other]] = [steps[other]!, steps[position - 1]!]
    return saveOrder(c, deps, found, steps, 'moved')
  })
  .post('/:position/delete', validate('param', stepParam), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId, position } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    stepAt(found, position)
    const steps = found.steps.map(stepDefinition).filter((_step, index) => index !== position - 1)
    return saveOrder(c, deps, found, steps, 'step-deleted')
  })
