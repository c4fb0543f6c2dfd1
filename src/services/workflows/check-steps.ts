import type { Action, AppDefinition } from '../../apps/types'
import { AppError } from '../../domain/errors'
import { templateProblems } from '../../domain/templates'
import type { ConnectionRow } from '../../db/connections'
import { connectionsByIds } from '../../db/workflows'
import { requireApp } from '../access'
import type { Deps } from '../deps'
import type { StepDefinition } from '../../domain/shapes'

/** Why a connection cannot be chosen for a step right now, or null when it can. */
export function connectionProblem(connection: ConnectionRow | undefined): string | null {
  if (!connection) return 'The connection does not exist or was deleted.'
  if (connection.status === 'pending') return `The connection "${connection.name}" is still pending: the client has not connected it yet.`
  if (connection.status === 'rejected') return `The connection "${connection.name}" was rejected by the client.`
  if (connection.status === 'revoked')
    return `The connection "${connection.name}" was revoked by the client: its credentials are deleted until they connect again.`
  return null
}

/** Why a step cannot run with a connection the app refused; saving a workflow with it stays allowed, a reconnect fixes it. */
export function reconnectProblem(connection: ConnectionRow, appName: string): string | null {
  if (!connection.needsReconnect) return null
  const why = connection.lastError ?? `${appName} refused its credentials.`
  return `The connection "${connection.name}" needs reconnecting: ${why} Send the client a reconnect link from the Connections page.`
}

const invalid = (index: number, field: string, message: string) =>
  new AppError('invalid_request', `Step ${index + 1}: ${message}`, [{ path: `steps.${index}.${field}`, message }])

function checkApp(deps: Deps, step: StepDefinition, index: number): AppDefinition {
  try {
    return requireApp(deps, step.appId)
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(error.code, `Step ${index + 1}: ${error.message}`, [{ path: `steps.${index}.appId`, message: error.message }])
    throw error
  }
}

/** Keeps only non-empty values; every declared required field must be there. */
function checkInput(action: Action, step: StepDefinition, index: number): Record<string, string> {
  const input: Record<string, string> = {}
  for (const [key, value] of Object.entries(step.input)) {
    const field = action.fields.find((candidate) => candidate.key === key)
    if (!field) throw invalid(index, `input.${key}`, `${action.name} has no field "${key}".`)
    const problems = templateProblems(value, index + 1)
    if (problems.length > 0) throw invalid(index, `input.${key}`, `${field.label}: ${problems[0]}`)
    if (value.trim() !== '') input[key] = value
  }
  for (const field of action.fields) {
    if (!field.optional && input[field.key] === undefined) throw invalid(index, `input.${field.key}`, `${field.label} is required.`)
  }
  return input
}

/**
 * Refuses steps that could never run: unknown app or action, bad input (400), or a connection
 * that is missing, pending or rejected (422 connection_not_ready). Returns the steps as stored.
 */
export async function checkSteps(deps: Deps, workspaceId: string, steps: StepDefinition[]): Promise<StepDefinition[]> {
  const found = await connectionsByIds(deps.db, workspaceId, [...new Set(steps.map((step) => step.connectionId))])
  return steps.map((step, index) => {
    const app = checkApp(deps, step, index)
    const action = app.actions.find((candidate) => candidate.id === step.action)
    if (!action) throw invalid(index, 'action', `${app.name} has no action "${step.action}".`)
    const input = checkInput(action, step, index)
    const connection = found.find((row) => row.id === step.connectionId)
    if (connection && connection.appId !== app.id)
      throw invalid(index, 'connectionId', `The connection "${connection.name}" is not a ${app.name} connection.`)
    const problem = connectionProblem(connection)
    if (problem)
      throw new AppError('connection_not_ready', `Step ${index + 1}: ${problem}`, [
        { path: `steps.${index}.connectionId`, message: problem },
      ])
    return {
      appId: app.id,
      action: action.id,
      connectionId: step.connectionId,
      input,
      attempts: step.attempts,
      timeoutSeconds: step.timeoutSeconds,
    }
  })
}
