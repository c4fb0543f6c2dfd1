import { AppError } from '../../domain/errors'
import { newId } from '../../domain/tokens'
import { finishRun, insertRun, insertRunStep, listRuns, type RunWithSteps } from '../../db/runs'
import type { WorkflowWithSteps } from '../../db/workflows'
import type { Deps } from '../deps'
import { requireWorkflow } from './definitions'
import { runStep } from './run-step'
import { secretsOfRun } from './step-credentials'
import { PAGE_SIZE_DEFAULT, RECORDED_ERROR_MAX } from '../../domain/limits'
import { decodeCursor, type Page, pageOf } from '../../domain/paging'
import type { PageRequest } from '../access'
import { capText } from '../../domain/truncate'
import { findWorkflowForWebhook } from './webhook'
import type { Owner } from '../../domain/shapes'

/** A run that is recorded as running and waits to be executed (after the 202 went out). */
export interface StartedRun {
  runId: string
  startedAt: number
  workflow: WorkflowWithSteps
  trigger: unknown
}

/** Work after the response gets about 30 s; no new step starts after this, so the run can still record why. */
export const RUN_TIME_BUDGET_MS = 20_000

/** Every unknown or malformed token gets the same answer. */
export async function requireWebhookWorkflow(deps: Deps, token: string): Promise<WorkflowWithSteps> {
  const workflow = await findWorkflowForWebhook(deps, token)
  if (!workflow) throw new AppError('not_found', 'There is no workflow at this address.')
  return workflow
}

/** The steps are taken as they are now; each connection is read later, when its step starts. */
export async function startRun(deps: Deps, workflow: WorkflowWithSteps, trigger: unknown, now: number): Promise<StartedRun> {
  const runId = newId()
  await insertRun(deps.db, {
    id: runId,
    workflowId: workflow.workflow.id,
    workspaceId: workflow.workflow.workspaceId,
    status: 'running',
    startedAt: now,
    finishedAt: null,
    error: null,
  })
  return { runId, startedAt: now, workflow, trigger }
}

/**
 * Runs the steps in order, each with its connection as stored at that moment. The first
 * failure fails the run and skips the rest. Never throws: whatever happens ends in the record.
 */
export async function executeRun(deps: Deps, run: StartedRun, now: () => number = deps.clock): Promise<void> {
  const { workflow } = run.workflow
  const outputs = new Map<number, unknown>()
  let failure: string | null = null
  let skipReason = 'Skipped because an earlier step failed.'
  try {
    const secrets = await secretsOfRun(deps, workflow.workspaceId, run.workflow.steps)
    for (const step of run.workflow.steps) {
      if (!failure && now() - run.startedAt > RUN_TIME_BUDGET_MS) {
        failure = `Stopped before step ${step.position}: the run took longer than ${RUN_TIME_BUDGET_MS / 1000} seconds.`
        skipReason = 'Skipped because the run ran out of time.'
      }
      if (failure) {
        await insertRunStep(deps.db, {
          id: newId(),
          runId: run.runId,
          position: step.position,
          status: 'skipped',
          upstreamStatus: null,
          durationMs: 0,
          output: null,
          error: skipReason,
          connectionId: null,
          connectionName: null,
          accountLabel: null,
        })
        continue
      }
      const outcome = await runStep(deps, workflow.workspaceId, step, { trigger: run.trigger, steps: outputs }, secrets, now)
      await insertRunStep(deps.db, {
        id: newId(),
        runId: run.runId,
        position: step.position,
        status: outcome.status,
        upstreamStatus: outcome.upstreamStatus,
        durationMs: outcome.durationMs,
        output: outcome.recordedOutput,
        error: outcome.error,
        connectionId: outcome.connection?.connectionId ?? null,
        connectionName: outcome.connection?.connectionName ?? null,
        accountLabel: outcome.connection?.accountLabel ?? null,
      })
      if (outcome.status === 'failed') failure = capText(`Step ${step.position} failed: ${outcome.error}`, RECORDED_ERROR_MAX)
      else outputs.set(step.position, outcome.output)
    }
    await finishRun(deps.db, run.runId, { status: failure ? 'failed' : 'succeeded', error: failure }, now())
  } catch (error) {
    console.error('workflow run could not be recorded', error instanceof Error ? error.name : 'unknown')
    await finishRun(
      deps.db,
      run.runId,
      { status: 'failed', error: 'Tether could not finish this run because of an internal error.' },
      now(),
    ).catch(() => undefined)
  }
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
