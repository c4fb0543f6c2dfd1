import { Hono } from 'hono'
import { AppError } from '../domain/errors'
import type { AppEnv } from '../http/context'
import { requireWebhookWorkflow, startRun } from '../services/workflows/runs'
import { admitTrigger } from '../services/workflows/webhook-controls'
import { depsFor } from '../http/deps'

/**
 * Any content type is read as JSON (senders label it loosely). An empty body is a trigger
 * without data, as from `curl -X POST <url>`.
 */
function parsePayload(body: Uint8Array): unknown {
  const text = new TextDecoder().decode(body)
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AppError('invalid_request', 'The request body must be JSON.')
  }
}

/** Answers 202 once the run is queued; the runs queue's consumer runs the steps (the app-wide body limit caps the payload). */
export const hookRoutes = new Hono<AppEnv>().post('/:token', async (c) => {
  const deps = depsFor(c)
  const workflow = await requireWebhookWorkflow(deps, c.req.param('token'))
  const body = new Uint8Array(await c.req.arrayBuffer())
  const now = Date.now()
  const headers = {
    id: c.req.header('webhook-id'),
    timestamp: c.req.header('webhook-timestamp'),
    signature: c.req.header('webhook-signature'),
  }
  // Checked on the bytes as received, before they are parsed.
  await admitTrigger(deps, workflow, headers, body, now)
  const run = await startRun(deps, workflow, parsePayload(body), now)
  return c.json({ runId: run.runId }, 202)
})
