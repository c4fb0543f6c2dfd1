import { pageQuery } from '../../api-schemas/connections'
import { Hono } from 'hono'
import type { AppEnv } from '../../http/context'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { createWorkflow, deleteWorkflow, listWorkflows, requireWorkflow, updateWorkflow } from '../../services/workflows/definitions'
import { publicRun, publicWorkflow } from '../../services/workflows/public'
import { recentRuns } from '../../services/workflows/runs'
import { createWebhookSecret, removeWebhookSecret, rotateWebhook } from '../../services/workflows/webhook-controls'
import { depsFor } from '../../http/deps'
import { idParam } from '../../api-schemas/common'
import { workflowSchema } from '../../api-schemas/workflows'

export const workflowsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', async (c) => {
    const deps = depsFor(c)
    const rows = await listWorkflows(deps, c.get('owner'))
    return c.json({ workflows: await Promise.all(rows.map((row) => publicWorkflow(deps, row))) })
  })
  .post('/', validate('json', workflowSchema), async (c) => {
    const deps = depsFor(c)
    const created = await createWorkflow(deps, c.get('owner'), c.req.valid('json'), Date.now())
    return c.json({ workflow: await publicWorkflow(deps, created) }, 201)
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    return c.json({ workflow: await publicWorkflow(deps, await requireWorkflow(deps, c.get('owner'), c.req.valid('param').id)) })
  })
  .put('/:id', validate('param', idParam), validate('json', workflowSchema), async (c) => {
    const deps = depsFor(c)
    const updated = await updateWorkflow(deps, c.get('owner'), c.req.valid('param').id, c.req.valid('json'), Date.now())
    return c.json({ workflow: await publicWorkflow(deps, updated) })
  })
  .delete('/:id', validate('param', idParam), async (c) => {
    await deleteWorkflow(depsFor(c), c.get('owner'), c.req.valid('param').id)
    return c.body(null, 204)
  })
  .post('/:id/webhook/rotate', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const rotated = await rotateWebhook(deps, c.get('owner'), c.req.valid('param').id, Date.now())
    return c.json({ workflow: await publicWorkflow(deps, rotated) })
  })
  .post('/:id/webhook/secret', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const { workflow, secret } = await createWebhookSecret(deps, c.get('owner'), c.req.valid('param').id, Date.now())
    c.header('Cache-Control', 'no-store')
    return c.json({ workflow: await publicWorkflow(deps, workflow), secret })
  })
  .delete('/:id/webhook/secret', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const updated = await removeWebhookSecret(deps, c.get('owner'), c.req.valid('param').id, Date.now())
    return c.json({ workflow: await publicWorkflow(deps, updated) })
  })
  .get('/:id/runs', validate('param', idParam), validate('query', pageQuery), async (c) => {
    const page = await recentRuns(depsFor(c), c.get('owner'), c.req.valid('param').id, c.req.valid('query'))
    const now = Date.now()
    return c.json({ runs: page.items.map((run) => publicRun(run, now)), nextCursor: page.nextCursor })
  })
