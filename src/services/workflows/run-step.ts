import { getApp } from '../../apps'
import type { AppContext } from '../../apps/types'
import { AppError } from '../../domain/errors'
import { RECORDED_ERROR_MAX } from '../../domain/limits'
import { Redactor } from '../../domain/redact'
import { isRetryableStatus } from '../../domain/run-retry'
import { capJson, capText } from '../../domain/truncate'
import { renderInput, type TemplateScope } from '../../domain/templates'
import type { WorkflowStepRow } from '../../db/workflows'
import type { Deps } from '../deps'
import { credentialsForStep, loadStepConnection } from './step-credentials'

export interface StepOutcome {
  status: 'succeeded' | 'failed'
  /** HTTP status of the last upstream answer, null when none came (timeout, no call made). */
  upstreamStatus: number | null
  /** What later steps' templates read, already scrubbed so no step can pass a secret on; only kept in memory. */
  output: unknown
  /** The output as recorded: scrubbed JSON, capped at RECORDED_OUTPUT_MAX. */
  recordedOutput: string | null
  error: string | null
  durationMs: number
  /** The connection the step used, null when it never got one (missing, not ready). */
  connection: StepConnection | null
  /** A failure another try may cure: the last call got 429 or 5xx, or no answer at all (timeout, connection failure). */
  retryable: boolean
}

export interface StepConnection {
  connectionId: string
  connectionName: string
  accountLabel: string | null
}

interface Seen {
  status: number | null
  /** Whether the last call ended without an answer. */
  unanswered: boolean
}

/** The app's context, noting the status of every answer so failures can report it too. */
function observed(ctx: AppContext, seen: Seen): AppContext {
  return {
    ...ctx,
    fetch: async (url, init) => {
      try {
        const response = await ctx.fetch(url, init)
        seen.status = response.status
        seen.unanswered = false
        return response
      } catch (error) {
        // A deliberate refusal (an AppError: the URL is not allowed) is not a missing answer.
        seen.unanswered = !(error instanceof AppError)
        throw error
      }
    },
  }
}

function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message
  console.error('workflow step failed unexpectedly', error instanceof Error ? error.name : 'unknown')
  return 'Tether could not run this step because of an internal error.'
}

/**
 * `runSecrets` holds the secrets of every connection of the run; the step adds the ones it
 * loads (a refreshed token), and its output and error are scrubbed of all of them.
 */
export async function runStep(
  deps: Deps,
  workspaceId: string,
  step: WorkflowStepRow,
  scope: TemplateScope,
  runSecrets: Set<string>,
  now: () => number,
): Promise<StepOutcome> {
  const started = now()
  const seen: Seen = { status: null, unanswered: false }
  let used: StepConnection | null = null
  try {
    const app = getApp(step.appId)
    const action = app?.actions.find((candidate) => candidate.id === step.action)
    if (!app || !action) throw new AppError('invalid_request', `The action ${step.appId} / ${step.action} is no longer available.`)
    const connection = await loadStepConnection(deps, workspaceId, app, step.connectionId)
    used = { connectionId: connection.id, connectionName: connection.name, accountLabel: connection.accountLabel }
    const own = step.timeoutSeconds === null ? undefined : { timeoutMs: step.timeoutSeconds * 1000 }
    const ctx = observed(deps.appContext(app, own), seen)
    const loaded = await credentialsForStep(deps, app, ctx, connection, started)
    for (const secret of loaded.secrets) runSecrets.add(secret)
    const input = renderInput(JSON.parse(step.input) as Record<string, string>, scope)
    const result = await action.run(ctx, loaded.credentials, input)
    const output = new Redactor(runSecrets).value(result.output)
    return {
      status: 'succeeded',
      upstreamStatus: result.upstreamStatus,
      output,
      error: null,
      durationMs: now() - started,
      recordedOutput: capJson(JSON.stringify(output) ?? 'null'),
      connection: used,
      retryable: false,
    }
  } catch (error) {
    return {
      status: 'failed',
      upstreamStatus: seen.status,
      output: null,
      recordedOutput: null,
      error: capText(new Redactor(runSecrets).text(failureMessage(error)), RECORDED_ERROR_MAX),
      durationMs: now() - started,
      connection: used,
      retryable: seen.unanswered || (seen.status !== null && isRetryableStatus(seen.status)),
    }
  }
}
