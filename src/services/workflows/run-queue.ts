import type { Env } from '../../env'

/** What travels through the runs queue: only the run's id, the sealed payload and the checkpoints wait in D1. */
export interface RunMessage {
  runId: string
}

/** The queues' names as in wrangler.jsonc: a batch says which one it came from. */
export const RUNS_QUEUE = 'tether-runs'
export const RUNS_DEAD_LETTER_QUEUE = 'tether-runs-dlq'

export async function enqueueRun(env: Pick<Env, 'RUNS'>, runId: string, delaySeconds = 0): Promise<void> {
  await env.RUNS.send({ runId } satisfies RunMessage, delaySeconds > 0 ? { delaySeconds } : undefined)
}

export function isRunMessage(body: unknown): body is RunMessage {
  return typeof body === 'object' && body !== null && typeof (body as { runId?: unknown }).runId === 'string'
}
