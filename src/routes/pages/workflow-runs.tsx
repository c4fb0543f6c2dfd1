import { Hono } from 'hono'
import * as z from 'zod'
import { id } from '../../api-schemas/common'
import { AppError } from '../../domain/errors'
import { TEST_PAYLOAD_MAX } from '../../domain/limits'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { validate } from '../../http/validate'
import { requireWorkflow } from '../../services/workflows/definitions'
import { retryRun, startRun } from '../../services/workflows/runs'
import { workflowHref } from '../../views/pages/workflows/types'
import { readForm } from './forms'
import { idParam } from './schemas'
import { showWorkflow } from './workflow-page'

const runParam = z.object({ id, runId: id })
const PAYLOAD_MESSAGE = `The test payload must be JSON, up to ${TEST_PAYLOAD_MAX / 1024} KB (an empty box sends {}).`

function parseTestPayload(text: string | undefined): unknown {
  if (!text || text.trim() === '') return {}
  if (text.length > TEST_PAYLOAD_MAX) throw new AppError('invalid_request', PAYLOAD_MESSAGE)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AppError('invalid_request', PAYLOAD_MESSAGE)
  }
}

/** *Run now* with a test payload, and Retry on a finished run: both queue a run, then show the runs. */
export const workflowRunPages = new Hono<AppEnv>()
  .post('/', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const { id: workflowId } = c.req.valid('param')
    const found = await requireWorkflow(deps, c.get('owner'), workflowId)
    let payload: unknown
    try {
      payload = parseTestPayload((await readForm(c)).payload)
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid_request') throw error
      return showWorkflow(c, deps, workflowId, { error: error.message }, 400)
    }
    await startRun(deps, found, payload, Date.now())
    return c.redirect(workflowHref(workflowId, '?done=run-started#runs-title'), 303)
  })
  .post('/:runId/retry', validate('param', runParam), async (c) => {
    const { id: workflowId, runId } = c.req.valid('param')
    await retryRun(depsFor(c), c.get('owner'), runId, Date.now())
    return c.redirect(workflowHref(workflowId, '?done=run-retried#runs-title'), 303)
  })
