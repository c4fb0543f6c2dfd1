import { getApp } from '../../apps'
import type { AppContext } from '../../apps/types'
import { AppError } from '../../domain/errors'
import { redactedJson, redactText } from '../../domain/redact'
import { renderInput, type TemplateScope } from '../../domain/templates'
import type { WorkflowStepRow } from '../../db/workflows'
import type { Deps } from '../deps'
import { credentialsForStep, loadStepConnection } from './step-credentials'

export interface StepOutcome {
  status: 'succeeded' | 'failed'
  /** HTTP status of the last upstream answer, null when none came (timeout, no call made). */
  upstreamStatus: number | null
  /** What later steps' templates read; only kept in memory. */
  output: Record<string, unknown> | null
  /** The output as recorded: JSON with the connection's secrets replaced. */
  recordedOutput: string | null
  error: string | null
  durationMs: number
}

const MAX_RECORDED_OUTPUT = 16 * 1024

/** The app's context, noting the status of every answer so failures can report it too. */
function observed(ctx: AppContext, seen: { status: number | null }): AppContext {
  return {
    ...ctx,
    fetch: async (url, init) => {
      const response = await ctx.fetch(url, init)
      seen.status = response.status
      return response
    },
  }
}

function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message
  console.error('workflow step failed unexpectedly', error instanceof Error ? error.name : 'unknown')
  return 'Tether could not run this step because of an internal error.'
}

export async function runStep(
  deps: Deps,
  workspaceId: string,
  step: WorkflowStepRow,
  scope: TemplateScope,
  now: () => number,
): Promise<StepOutcome> {
  const started = now()
  const seen = { status: null as number | null }
  let secrets: string[] = []
  try {
    const app = getApp(step.appId)
    const action = app?.actions.find((candidate) => candidate.id === step.action)
    if (!app || !action) throw new AppError('invalid_request', `The action ${step.appId} / ${step.action} is no longer available.`)
    const connection = await loadStepConnection(deps, workspaceId, app, step.connectionId)
    const ctx = observed(deps.appContext(app), seen)
    const loaded = await credentialsForStep(deps, app, ctx, connection, started)
    secrets = loaded.secrets
    const input = renderInput(JSON.parse(step.input) as Record<string, string>, scope)
    const result = await action.run(ctx, loaded.credentials, input)
    const recorded = redactedJson(result.output, secrets)
    return {
      status: 'succeeded',
      upstreamStatus: result.upstreamStatus,
      output: result.output,
      error: null,
      durationMs: now() - started,
      recordedOutput: recorded.length <= MAX_RECORDED_OUTPUT ? recorded : JSON.stringify({ note: 'The output was too large to record.' }),
    }
  } catch (error) {
    return {
      status: 'failed',
      upstreamStatus: seen.status,
      output: null,
      recordedOutput: null,
      error: redactText(failureMessage(error), secrets),
      durationMs: now() - started,
    }
  }
}
