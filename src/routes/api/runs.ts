import { Hono } from 'hono'
import { runParams } from '../../api-schemas/workflows'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { retryRun } from '../../services/workflows/runs'

export const runsApi = new Hono<AppEnv>().use(requireOwner).post('/:id/retry', validate('param', runParams), async (c) => {
  const run = await retryRun(depsFor(c), c.get('owner'), c.req.valid('param').id, Date.now())
  return c.json(run, 202)
})
