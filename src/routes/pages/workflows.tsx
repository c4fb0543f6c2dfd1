import { Hono } from 'hono'
import * as z from 'zod'
import { name } from '../../api-schemas/common'
import { NAME_MAX } from '../../domain/limits'
import type { AppEnv } from '../../http/context'
import { isQuotaError } from '../../http/errors'
import { flashed, redirectWithFlash, takeFlash } from '../../http/form-flash'
import type { FormState } from '../../views/pages/dashboard/types'
import { requireOwnerPage } from '../../http/owner-auth'
import { privatePage } from '../../http/security-headers'
import { validate } from '../../http/validate'
import {
  createWorkflow,
  deleteWorkflow,
  listWorkflows,
  requireWorkflow,
  stepDefinition,
  updateWorkflow,
} from '../../services/workflows/definitions'
import { renderPage } from '../../views/render'
import { DeleteWorkflowPage } from '../../views/pages/workflows/delete'
import { WorkflowsPage } from '../../views/pages/workflows/list'
import { NewWorkflowPage } from '../../views/pages/workflows/new'
import { workflowHref } from '../../views/pages/workflows/types'
import { parseForm, readForm } from './forms'
import { idParam } from './schemas'
import { ownerView } from './view-models'
import { workflowStepPages } from './workflow-steps'
import { takeRevealedSecret, workflowWebhookPages } from './workflow-webhook'
import { workflowRunPages } from './workflow-runs'
import { NOTICES, showWorkflow } from './workflow-page'
import { isWorkflowFormError, summaryView } from './workflow-views'
import { depsFor } from '../../http/deps'
import { viewerTimeZone } from '../../http/viewer'

const nameForm = z.object({ name })
const NAME_MESSAGE = { name: `Enter a name for the workflow (up to ${NAME_MAX} characters).` }

const pages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const rows = await listWorkflows(depsFor(c), c.get('owner'))
    return c.html(
      renderPage(
        <WorkflowsPage
          owner={ownerView(c.get('owner'))}
          workflows={rows.map(summaryView)}
          now={Date.now()}
          deleted={c.req.query('deleted') === '1'}
        />,
        viewerTimeZone(c),
      ),
    )
  })
  .get('/new', async (c) => {
    const flash = await takeFlash<FormState>(c)
    const page = <NewWorkflowPage owner={ownerView(c.get('owner'))} state={flash?.state} />
    return flashed(c.html(renderPage(page), (flash?.status ?? 200) as 200), flash)
  })
  .post('/', async (c) => {
    const form = await readForm(c)
    const parsed = parseForm(nameForm, form, NAME_MESSAGE)
    if (!parsed.ok) return redirectWithFlash(c, '/workflows/new', 'workflow', { values: form, errors: parsed.errors }, 400)
    try {
      const created = await createWorkflow(depsFor(c), c.get('owner'), { name: parsed.data.name, steps: [] }, Date.now())
      return c.redirect(workflowHref(created.workflow.id, '?done=created'), 303)
    } catch (error) {
      if (!isQuotaError(error)) throw error
      const state = { values: { name: form.name ?? '' }, error: error.message }
      return redirectWithFlash(c, '/workflows/new', 'workflow', state, error.status, error)
    }
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const { id } = c.req.valid('param')
    const newSecret = await takeRevealedSecret(c, deps, id)
    const flash = await takeFlash<{ error: string }>(c)
    if (flash) return flashed(await showWorkflow(c, deps, id, { error: flash.state.error, newSecret }, flash.status), flash)
    return showWorkflow(c, deps, id, { notice: NOTICES[c.req.query('done') ?? ''] ?? null, newSecret })
  })
  .post('/:id/rename', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const { id } = c.req.valid('param')
    const parsed = parseForm(nameForm, await readForm(c), NAME_MESSAGE)
    if (!parsed.ok) return redirectWithFlash(c, workflowHref(id), 'workflow', { error: NAME_MESSAGE.name }, 400)
    const { steps } = await requireWorkflow(deps, c.get('owner'), id)
    try {
      await updateWorkflow(deps, c.get('owner'), id, { name: parsed.data.name, steps: steps.map(stepDefinition) }, Date.now())
    } catch (error) {
      if (!isWorkflowFormError(error)) throw error
      return redirectWithFlash(c, workflowHref(id), 'workflow', { error: error.message }, error.status, error)
    }
    return c.redirect(workflowHref(id, '?done=renamed'), 303)
  })
  .get('/:id/delete', validate('param', idParam), async (c) => {
    const { workflow } = await requireWorkflow(depsFor(c), c.get('owner'), c.req.valid('param').id)
    return c.html(renderPage(<DeleteWorkflowPage owner={ownerView(c.get('owner'))} workflow={workflow} />))
  })
  .post('/:id/delete', validate('param', idParam), async (c) => {
    await deleteWorkflow(depsFor(c), c.get('owner'), c.req.valid('param').id)
    return c.redirect('/workflows?deleted=1', 303)
  })
  .route('/:id/steps', workflowStepPages)
  .route('/:id/webhook', workflowWebhookPages)
  .route('/:id/runs', workflowRunPages)

/** The workflow builder, mounted at `/` next to the dashboard. */
export const workflowPages = new Hono<AppEnv>()
  // '/x/*' also matches '/x' itself.
  .use('/workflows/*', requireOwnerPage, privatePage)
  .route('/workflows', pages)
