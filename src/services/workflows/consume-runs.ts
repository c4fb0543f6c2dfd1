import { finishRun } from '../../db/runs'
import { stepRetryDelaySeconds } from '../../domain/run-retry'
import type { Deps } from '../deps'
import { advanceRun } from './advance-run'
import { enqueueRun, isRunMessage } from './run-queue'

/**
 * The runs queue's consumer: each message is settled on its own, and they run side by side (a
 * slow step holds up no other run). A run that goes on later is sent as a new message before
 * this one is acknowledged, so a lost send is redelivered rather than dropped.
 */
export async function consumeRuns(deps: Deps, batch: MessageBatch<unknown>): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      if (!isRunMessage(message.body)) return message.ack()
      try {
        const next = await advanceRun(deps, message.body.runId)
        if (next.kind === 'busy') return message.retry({ delaySeconds: next.delaySeconds })
        if (next.kind === 'continue') await enqueueRun(deps.env, message.body.runId, next.delaySeconds)
        message.ack()
      } catch (error) {
        console.error('workflow run could not go on', error instanceof Error ? error.message : 'unknown')
        message.retry({ delaySeconds: stepRetryDelaySeconds(message.attempts) })
      }
    }),
  )
}

export const DEAD_LETTERED =
  'Tether gave up on this run: every delivery of its queue message failed, so it was moved to the dead-letter queue. Retry the run.'

/** After max_retries the queue moves a run's message here: the run is failed, with why. */
export async function failDeadLetteredRuns(deps: Deps, batch: MessageBatch<unknown>, now: number): Promise<void> {
  for (const message of batch.messages) {
    if (isRunMessage(message.body)) {
      await finishRun(deps.db, message.body.runId, { status: 'failed', error: DEAD_LETTERED }, now)
    }
    message.ack()
  }
}
