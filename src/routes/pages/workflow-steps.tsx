import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { appSearchQuery } from '../../api-schemas/apps'
import { listedApps } from '../../apps'
import { filterApps } from '../../apps/search'
import type { Action, AppDefinition } from '../../apps/types'
import type { AppEnv } from '../../http/context'
import { validate } from '../../http/validate'
import { flashed, redirectWithFlash, takeFlash } from '../../http/form-flash'
import type { AppError } from '../../domain/errors'
import type { Deps } from '../../services/deps'
import { requireWorkflow, type WorkflowWithSteps } from '../../services/workflows/definitions'
import { deleteStep, moveStep, requireAction, saveStep, stepAt } from '../../services/workflows/steps'
import { ID_MAX, MAX_STEPS } from '../../domain/limits'
import { renderPage } from '../../views/render'
import type { FormState } from '../../views/pages/dashboard/types'
import { StepAppPickerPage } from '../../views/pages/workflows/step-app-picker'
import { inputName, StepFormPage } from '../../views/pages/workflows/step-form'
import { workflowHref } from '../../views/pages/workflows/types'
import { readForm, type FormValues } from './forms'
import { ownerView } from './view-models'
import { isWorkflowFormError, stepFieldErrors, workspaceConnections } from './workflow-views'
import type { StepDefinition } from '../../domain/shapes'
import { availabilityIn } from '../../services/oauth-apps'
import { depsFor } from '../../http/deps'
import { requireApp } from '../../services/access'

const id = z.string().min(1).max(ID_MAX)
const workflowParam = z.object({ id })
const appParam = z.object({ id, appId: z.string().min(1).max(ID_MAX) })
const stepParam = z.object({ id, position: z.coerce.number().int().min(1).max(MAX_STEPS) })
const actionQuery = z.object({ action: z.string().max(ID_MAX).optional() })
const moveForm = z.object({ direction: z.enum(['up', 'down']) })

interface StepForm {
  app: AppDefinition
  action: Action
  /** 0-based place of the step in the workflow. */
  index: number
  editing: boolean
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
  const pageUrl = stepPageUrl(workflow.id, form)
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

const stepPageUrl = (workflowId: string, form: StepForm) =>
  workflowHref(workflowId, form.editing ? `/steps/${form.index + 1}/edit` : `/steps/new/${encodeURIComponent(form.app.id)}`)

/** The step form again, filled in as posted, with the reason; the action chosen rides the query. */
function refuseStep(c: Context<AppEnv>, found: WorkflowWithSteps, form: StepForm, state: FormState, status: number, error?: AppError) {
  const to = `${stepPageUrl(found.workflow.id, form)}?action=${encodeURIComponent(form.action.id)}`
  return redirectWithFlash(c, to, 'step', state, status, error)
}

/** Saves the step; a refusal re-shows the step form with the reason. */
async function submitStep(c: Context<AppEnv>, deps: Deps, found: WorkflowWithSteps, form: StepForm, values: FormValues, done: string) {
  const step = stepFromForm(form, values)
  if (!step.connectionId) return refuseStep(c, found, form, { values, errors: { connectionId: 'Choose a connection.' } }, 400)
  try {
    await saveStep(deps, c.get('owner'), found, form.index, step, form.editing ? 'replace' : 'insert', Date.now())
  } catch (error) {
    if (!isWorkflowFormError(error)) throw error
    return refuseStep(c, found, form, { values, errors: stepFieldErrors(error, form.index), error: error.message }, error.status, error)
  }
  return c.redirect(workflowHref(found.workflow.id, `?done=${done}`), 303)
}

/** Reorder or delete: a refusal (e.g. a {{steps.N}} reference that no longer points back) shows on the workflow page. */
async function changeOrder(c: Context<AppEnv>, found: WorkflowWithSteps, change: () => Promise<unknown>, done: string) {
  try {
    await change()
  } catch (error) {
    if (!isWorkflowFormError(error)) throw error
    return redirectWithFlash(c, workflowHref(found.workflow.id), 'workflow', { error: error.message }, error.status, error)
  }
  return c.redirect(workflowHref(found.workflow.id, `?done=${done}`), 303)
}

/** Add step (pick an app, then the step form), edit, move and delete steps; mounted at /workflows/:id/steps. */
export const workflowStepPages = new Hono<AppEnv>()
  .get('/new', validate('param', workflowParam), validate('query', appSearchQuery), async (c) => {
    const deps = depsFor(c)
    const { workflow } = await requireWorkflow(deps, c.get('owner'), c.req.valid('param').id)
    const filter = c.req.valid('query')
    const available = await availabilityIn(deps, c.get('owner').workspaceId)
    const catalog = listedApps(deps.config).filter((app) => app.actions.length > 0)
    const apps = filterApps(catalog, filter).map((app) => ({ app, available: available(app) }))
    return c.html(
      renderPage(
        <StepAppPickerPage
          owner={ownerView(c.get('owner'))}
          workflowId={workflow.id}
          workflowName={workflow.name}
          apps={apps}
          catalog={catalog}
          query={filter.q ?? ''}
          category={filter.category}
        />,
      ),
    )
  })
  .get('/new/:appId', validate('param', appParam), validate('query', actionQuery), async (c) => {
    const deps = depsFor(c)
    const found = await requireWorkflow(deps, c.get('owner'), c.req.valid('param').id)
    const app = requireApp(deps, c.req.valid('param').appId)
    const flash = await takeFlash<FormState>(c)
    const form = { app, action: requireAction(app, c.req.valid('query').action), index: found.steps.length, editing: false }
    return flashed(await showStepForm(c, deps, found, form, flash?.state, flash?.status), flash)
  })
  .post('/', validate('param', workflowParam), async (c) => {
    const deps = depsFor(c)
    const found = await requireWorkflow(deps, c.get('owner'), c.req.valid('param').id)
    const values = await readForm(c)
    const app = requireApp(deps, values.appId ?? '')
    return submitStep(
      c,
      deps,
      found,
      { app, action: requireAction(app, values.action), index: found.steps.length, editing: false },
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
    const action = requireAction(app, c.req.valid('query').action ?? step.action)
    const values = action.id === step.action ? formValues(step) : { connectionId: step.connectionId }
    const flash = await takeFlash<FormState>(c)
    return flashed(
      await showStepForm(c, deps, found, { app, action, index: position - 1, editing: true }, flash?.state ?? { values }, flash?.status),
      flash,
    )
  })
  .post('/:position', validate('param', stepParam), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId, position } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    const app = requireApp(deps, stepAt(found, position).appId)
    const values = await readForm(c)
    return submitStep(
      c,
      deps,
      found,
      { app, action: requireAction(app, values.action), index: position - 1, editing: true },
      values,
      'step-saved',
    )
  })
  .post('/:position/move', validate('param', stepParam), validate('form', moveForm), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId, position } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    const direction = c.req.valid('form').direction
    return changeOrder(c, found, () => moveStep(deps, c.get('owner'), found, position, direction, Date.now()), 'moved')
  })
  .post('/:position/delete', validate('param', stepParam), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId, position } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    return changeOrder(c, found, () => deleteStep(deps, c.get('owner'), found, position, Date.now()), 'step-deleted')
  })
