import type { RunWithSteps } from '../../db/runs'
import type { WorkflowWithSteps } from '../../db/workflows'
import type { Deps } from '../deps'
import { iso } from '../public-shapes'
import { stepDefinition } from './definitions'
import type { PublicRun, PublicWorkflow } from '../../domain/shapes'
import { revealWebhookUrl } from './webhook'

/** The only mappers from workflow and run rows to what leaves the worker. */

/** A run still "running" after this was cut off (the isolate went away): it will never finish. */
export const INTERRUPTED_AFTER_MS = 5 * 60_000

export async function publicWorkflow(deps: Deps, { workflow, steps }: WorkflowWithSteps): Promise<PublicWorkflow> {
  return {
    id: workflow.id,
    name: workflow.name,
    webhookUrl: await revealWebhookUrl(deps, workflow),
    webhookSigning: workflow.webhookSecretBlob !== null,
    steps: steps.map((step) => ({ position: step.position, ...stepDefinition(step) })),
    createdAt: iso(workflow.createdAt),
    updatedAt: iso(workflow.updatedAt),
  }
}

export function publicRun({ run, steps }: RunWithSteps, now: number): PublicRun {
  // Only runs from before the queue (no stored payload) lived in one isolate; queued runs end through the queue or its dead-letter queue.
  const interrupted = run.status === 'running' && run.triggerBlob === null && now - run.startedAt > INTERRUPTED_AFTER_MS
  return {
    id: run.id,
    status: interrupted ? 'failed' : run.status,
    startedAt: iso(run.startedAt),
    finishedAt: run.finishedAt === null ? null : iso(run.finishedAt),
    error: interrupted ? 'The run was interrupted before it finished.' : run.error,
    retryOf: run.retryOf,
    retryable: run.triggerBlob !== null,
    steps: steps.map((step) => ({
      position: step.position,
      status: step.status,
      upstreamStatus: step.upstreamStatus,
      durationMs: step.durationMs,
      output: step.output === null ? null : (JSON.parse(step.output) as unknown),
      error: step.error,
      connectionId: step.connectionId,
      connectionName: step.connectionName,
      accountLabel: step.accountLabel,
      attempts: step.attempts,
    })),
  }
}
