import { getApp } from '../../apps'
import { AppError } from '../../domain/errors'
import type { Deps } from '../../services/deps'
import { publicConnection } from '../../services/public-shapes'
import { stepDefinition, type WorkflowWithSteps } from '../../services/workflows/definitions'
import { runsOf } from '../../services/workflows/runs'
import { connectionsOf } from '../../services/access'
import { publicRun } from '../../services/workflows/public'
import { revealWebhookUrl } from '../../services/workflows/webhook'
import type { StepView, WorkflowSummaryView, WorkflowView } from '../../views/pages/workflows/types'
import type { Owner, PublicConnection } from '../../domain/shapes'

/** Builds what the workflow views show from rows, through the public mappers only. */

/** Errors that mean "fix this workflow", shown on the page rather than as an error page. */
export const WORKFLOW_FORM_ERRORS: ReadonlySet<string> = new Set(['invalid_request', 'connection_not_ready', 'app_unavailable'])

export function isWorkflowFormError(error: unknown): error is AppError {
  return error instanceof AppError && WORKFLOW_FORM_ERRORS.has(error.code)
}

export async function workspaceConnections(deps: Deps, owner: Owner, now: number): Promise<PublicConnection[]> {
  return (await connectionsOf(deps, owner)).map((row) => publicConnection(row.connection, row.link, now))
}

export function summaryView({ workflow, steps }: WorkflowWithSteps): WorkflowSummaryView {
  const apps = [...new Set(steps.map((step) => step.appId))].map((id) => getApp(id)).filter((app) => app !== undefined)
  return { id: workflow.id, name: workflow.name, apps, stepCount: steps.length, updatedAt: new Date(workflow.updatedAt).toISOString() }
}

export async function workflowView(
  deps: Deps,
  owner: Owner,
  found: WorkflowWithSteps,
  now: number,
  runsCursor?: string,
): Promise<WorkflowView> {
  const connections = await workspaceConnections(deps, owner, now)
  const steps: StepView[] = found.steps.map((row) => {
    const definition = stepDefinition(row)
    const app = getApp(definition.appId) ?? null
    return {
      position: row.position,
      app,
      action: app?.actions.find((action) => action.id === definition.action) ?? null,
      connection: connections.find((connection) => connection.id === definition.connectionId) ?? null,
      input: definition.input,
    }
  })
  const runs = await runsOf(deps, found, { cursor: runsCursor })
  return {
    id: found.workflow.id,
    name: found.workflow.name,
    webhookUrl: await revealWebhookUrl(deps, found.workflow),
    webhookSigning: found.workflow.webhookSecretBlob !== null,
    steps,
    runs: runs.items.map((run) => publicRun(run, now)),
    runsNextCursor: runs.nextCursor,
    runsPaged: runsCursor !== undefined,
  }
}

/** Field errors of one step from an AppError's details (`steps.<index>.input.title` → `input.title`). */
export function stepFieldErrors(error: AppError, index: number): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!Array.isArray(error.details)) return errors
  const prefix = `steps.${index}.`
  for (const issue of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path === 'string' && issue.path.startsWith(prefix) && typeof issue.message === 'string') {
      errors[issue.path.slice(prefix.length)] ??= issue.message
    }
  }
  return errors
}
