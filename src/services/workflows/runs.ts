import { AppError } from '../../domain/errors'
import { open, seal, sealContext } from '../../domain/crypto'
import { newId } from '../../domain/tokens'
import { findRunInWorkspace, finishRun, insertRun, listRuns, type RunRow, type RunWithSteps } from '../../db/runs'
import type { WorkflowWithSteps } from '../../db/workflows'
import type { Deps } from '../deps'
import { requireWorkflow } from './definitions'
import { PAGE_SIZE_DEFAULT } from '../../domain/limits'
import { decodeCursor, type Page, pageOf } from '../../domain/paging'
import type { PageRequest } from '../access'
import { findWorkflowForWebhook } from './webhook'
import type { Owner } from '../../domain/shapes'
import { enqueueRun } from './run-queue'

/** Every unknown or malformed token gets the same answer. */
export async function requireWebhookWorkflow(deps: Deps, token: string): Promise<WorkflowWithSteps> {
  const workflow = await findWorkflowForWebhook(deps, token)
  if (!workflow) throw new AppError('not_found', 'There is no workflow at this address.')
  return workflow
}

const ENQUEUE_FAILED = 'Tether could not queue this run, so none of its steps ran. Send the trigger again.'

/**
 * Records the run as queued with its payload sealed, then hands it to the runs queue. The caller
 * hears of the run only once the queue took it; if the queue refused, the run is already failed
 * with the reason, and nothing else was written.
 */
export async function startRun(
  deps: Deps,
  { workflow }: WorkflowWithSteps,
  trigger: unknown,
  now: number,
  retryOf: string | null = null,
): Promise<{ runId: string }> {
  const runId = newId()
  const sealed = await seal(await deps.keyring(), JSON.stringify(trigger ?? null), sealContext.runTrigger(runId))
  await insertRun(deps.db, {
    id: runId,
    workflowId: workflow.id,
    workspaceId: workflow.workspaceId,
    status: 'queued',
    startedAt: now,
    triggerBlob: sealed.blob,
    triggerKeyVersion: sealed.keyVersion,
    retryOf,
  })
  try {
    await enqueueRun(deps.env, runId)
  } catch (error) {
    console.error('workflow run could not be queued', error instanceof Error ? error.message : 'unknown')
    await finishRun(deps.db, runId, { status: 'failed', error: ENQUEUE_FAILED }, now).catch(() => undefined)
    throw new AppError('queue_unavailable', 'Tether could not queue the run right now. Send the trigger again in a moment.')
  }
  return { runId }
}

/** The payload a run was triggered with; null for runs from before payloads were kept. */
export async function triggerOf(deps: Deps, run: RunRow): Promise<unknown> {
  if (run.triggerBlob === null || run.triggerKeyVersion === null) return null
  const json = await open(
    await deps.keyring(),
    { blob: run.triggerBlob, keyVersion: run.triggerKeyVersion },
    sealContext.runTrigger(run.id),
  )
  return JSON.parse(json) as unknown
}

/**
 * A retry is a new run of the workflow as it is now, with the stored payload of the one retried:
 * the original keeps its record, and the new one points back at it (`retryOf`).
 */
export async function retryRun(deps: Deps, owner: Owner, runId: string, now: number): Promise<{ runId: string }> {
  const run = await findRunInWorkspace(deps.db, owner.workspaceId, runId)
  if (!run) throw new AppError('not_found', 'Run not found.')
  if (run.status === 'queued' || run.status === 'running') throw new AppError('conflict', 'This run has not finished yet.')
  if (run.triggerBlob === null) throw new AppError('conflict', 'This run is older than stored payloads, so it cannot be retried.')
  const workflow = await requireWorkflow(deps, owner, run.workflowId)
  return startRun(deps, workflow, await triggerOf(deps, run), now, run.id)
}

export async function recentRuns(deps: Deps, owner: Owner, workflowId: string, page: PageRequest = {}): Promise<Page<RunWithSteps>> {
  return runsOf(deps, await requireWorkflow(deps, owner, workflowId), page)
}

/** A page of a workflow's runs, newest first, for a workflow already looked up for its owner. */
export async function runsOf(deps: Deps, { workflow }: WorkflowWithSteps, page: PageRequest = {}): Promise<Page<RunWithSteps>> {
  const limit = page.limit ?? PAGE_SIZE_DEFAULT
  const after = page.cursor ? decodeCursor(page.cursor) : null
  const rows = await listRuns(deps.db, workflow.workspaceId, workflow.id, { fetch: limit + 1, after })
  return pageOf(rows, limit, ({ run }) => ({ at: run.startedAt, id: run.id }))
}
