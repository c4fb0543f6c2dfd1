import { newId } from '../../domain/tokens'
import { RECORDED_ERROR_MAX } from '../../domain/limits'
import { stepRetryDelaySeconds } from '../../domain/run-retry'
import { capText } from '../../domain/truncate'
import { checkpointStep, claimRun, dropClaim, findRun, finishRun, insertRunStep, releaseRun, type RunRow, stepsOfRun } from '../../db/runs'
import { findWorkflow, type WorkflowStepRow } from '../../db/workflows'
import type { Deps } from '../deps'
import { runStep, type StepOutcome } from './run-step'
import { secretsOfRun } from './step-credentials'
import { triggerOf } from './runs'

/** What the queue should do with the message that carried the run. */
export type RunAdvance =
  /** Finished (or gone): acknowledge. */
  | { kind: 'done' }
  /** Checkpointed and released: send a new message after the delay, then acknowledge. */
  | { kind: 'continue'; delaySeconds: number }
  /** Another delivery holds the run, or its next try is not due: deliver this message again later. */
  | { kind: 'busy'; delaySeconds: number }

/** A consumer invocation may last 15 minutes (wall clock); a claim outlives the invocation that took it, so a dead one frees the run. */
export const RUN_CLAIM_MS = 15 * 60_000
/** No new step starts after this in one delivery: the run goes on in a new message, within the 15 minutes. */
export const RUN_SLICE_MS = 10 * 60_000

const DONE: RunAdvance = { kind: 'done' }
const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000))

/** Outputs of the steps checkpointed by earlier deliveries, as recorded (scrubbed, capped). */
function recordedOutputs(steps: Awaited<ReturnType<typeof stepsOfRun>>): Map<number, unknown> {
  const outputs = new Map<number, unknown>()
  for (const step of steps) if (step.status === 'succeeded' && step.output !== null) outputs.set(step.position, JSON.parse(step.output))
  return outputs
}

function stepRecord(runId: string, position: number, outcome: StepOutcome, attempts: number) {
  return {
    id: newId(),
    runId,
    position,
    status: outcome.status,
    upstreamStatus: outcome.upstreamStatus,
    durationMs: outcome.durationMs,
    output: outcome.recordedOutput,
    error: outcome.error,
    connectionId: outcome.connection?.connectionId ?? null,
    connectionName: outcome.connection?.connectionName ?? null,
    accountLabel: outcome.connection?.accountLabel ?? null,
    attempts,
  }
}

async function skipRest(deps: Deps, runId: string, steps: readonly WorkflowStepRow[]): Promise<void> {
  for (const step of steps) {
    await insertRunStep(deps.db, {
      id: newId(),
      runId,
      position: step.position,
      status: 'skipped',
      upstreamStatus: null,
      durationMs: 0,
      output: null,
      error: 'Skipped because an earlier step failed.',
      connectionId: null,
      connectionName: null,
      accountLabel: null,
      attempts: 0,
    })
  }
}

/** Claims the run for this delivery, or says when to come back. */
async function claim(deps: Deps, runId: string, claimId: string, now: number): Promise<RunRow | RunAdvance> {
  const found = await findRun(deps.db, runId)
  if (!found || found.status === 'succeeded' || found.status === 'failed') return DONE
  // A copy of the message (at-least-once delivery) arriving before the step's next try is due.
  if (found.nextAttemptAt !== null && found.nextAttemptAt > now)
    return { kind: 'busy', delaySeconds: secondsUntil(found.nextAttemptAt, now) }
  const claimed = await claimRun(deps.db, runId, claimId, now, now + RUN_CLAIM_MS)
  if (claimed) return claimed
  const again = await findRun(deps.db, runId)
  if (!again || again.status === 'succeeded' || again.status === 'failed') return DONE
  return { kind: 'busy', delaySeconds: secondsUntil(again.claimedUntil ?? now, now) }
}

/**
 * Runs the run's next steps in order, each with its connection as stored at that moment, and
 * checkpoints each one in D1: a step already recorded is never run again. A failure another try
 * may cure gives the run back with the try counted, to come back after a backoff; any other
 * failure, or the last try, fails the run and skips the rest. Throws only when D1 does.
 */
export async function advanceRun(deps: Deps, runId: string, clock: () => number = deps.clock): Promise<RunAdvance> {
  const claimId = newId()
  const started = clock()
  const claimed = await claim(deps, runId, claimId, started)
  if ('kind' in claimed) return claimed
  try {
    return await advanceClaimed(deps, claimed, claimId, started, clock)
  } catch (error) {
    await dropClaim(deps.db, runId, claimId).catch(() => undefined)
    throw error
  }
}

async function advanceClaimed(deps: Deps, run: RunRow, claimId: string, started: number, clock: () => number): Promise<RunAdvance> {
  const runId = run.id
  const workflow = await findWorkflow(deps.db, run.workspaceId, run.workflowId)
  if (!workflow) return DONE
  const done = await stepsOfRun(deps.db, runId)
  const outputs = recordedOutputs(done)
  const trigger = await triggerOf(deps, run)
  const secrets = await secretsOfRun(deps, run.workspaceId, workflow.steps)
  const pending = workflow.steps.filter((step) => !done.some((recorded) => recorded.position === step.position))
  let failedTries = run.stepAttempts
  let failure = done.find((step) => step.status === 'failed')?.error ?? null
  for (const [index, step] of pending.entries()) {
    if (failure) break
    if (clock() - started > RUN_SLICE_MS) {
      await releaseRun(deps.db, runId, claimId, { stepAttempts: failedTries, nextAttemptAt: null })
      return { kind: 'continue', delaySeconds: 0 }
    }
    const outcome = await runStep(deps, run.workspaceId, step, { trigger, steps: outputs }, secrets, clock)
    const tries = failedTries + 1
    if (outcome.status === 'failed' && outcome.retryable && tries < step.maxAttempts) {
      const delaySeconds = stepRetryDelaySeconds(tries)
      await releaseRun(deps.db, runId, claimId, { stepAttempts: tries, nextAttemptAt: clock() + delaySeconds * 1000 })
      return { kind: 'continue', delaySeconds }
    }
    await checkpointStep(deps.db, claimId, stepRecord(runId, step.position, outcome, tries))
    failedTries = 0
    if (outcome.status === 'failed') {
      failure = capText(`Step ${step.position} failed: ${outcome.error}`, RECORDED_ERROR_MAX)
      await skipRest(deps, runId, pending.slice(index + 1))
    } else outputs.set(step.position, outcome.output)
  }
  await finishRun(deps.db, runId, { status: failure ? 'failed' : 'succeeded', error: failure }, clock())
  return DONE
}
