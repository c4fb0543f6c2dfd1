import type { Action, AppDefinition } from '../../apps/types'
import { AppError } from '../../domain/errors'
import type { Owner, StepDefinition } from '../../domain/shapes'
import type { Deps } from '../deps'
import { stepDefinition, updateWorkflow, type WorkflowWithSteps } from './definitions'
import { MAX_STEPS } from '../../domain/limits'

/** The builder's step edits: each saves the whole workflow through updateWorkflow, so every check applies. */

/** The named action of the app, or its first when none is named. */
export function requireAction(app: AppDefinition, actionId: string | undefined): Action {
  const action = actionId ? app.actions.find((candidate) => candidate.id === actionId) : app.actions[0]
  if (!action) throw new AppError('invalid_request', `${app.name} has no such action.`)
  return action
}

export function stepAt(found: WorkflowWithSteps, position: number): StepDefinition {
  const row = found.steps[position - 1]
  if (!row) throw new AppError('not_found', 'This workflow has no such step.')
  return stepDefinition(row)
}

function requireRoomForStep(found: WorkflowWithSteps): void {
  if (found.steps.length >= MAX_STEPS) throw new AppError('invalid_request', `A workflow has at most ${MAX_STEPS} steps.`)
}

/** Inserts `step` at the 0-based `index`, or replaces the step there. */
export async function saveStep(
  deps: Deps,
  owner: Owner,
  found: WorkflowWithSteps,
  index: number,
  step: StepDefinition,
  mode: 'insert' | 'replace',
  now: number,
): Promise<void> {
  if (mode === 'insert') requireRoomForStep(found)
  const steps: StepDefinition[] = found.steps.map(stepDefinition)
  // The builder's form sets neither tries nor a timeout: an edited step keeps the ones it had.
  const before = steps[index]
  const kept =
    mode === 'replace'
      ? { ...step, attempts: step.attempts ?? before?.attempts, timeoutSeconds: step.timeoutSeconds ?? before?.timeoutSeconds }
      : step
  steps.splice(index, mode === 'replace' ? 1 : 0, kept)
  await updateWorkflow(deps, owner, found.workflow.id, { name: found.workflow.name, steps }, now)
}

/** Swaps the step with its neighbour; false when it is already first (up) or last (down). */
export async function moveStep(
  deps: Deps,
  owner: Owner,
  found: WorkflowWithSteps,
  position: number,
  direction: 'up' | 'down',
  now: number,
): Promise<boolean> {
  stepAt(found, position)
  const steps = found.steps.map(stepDefinition)
  const other = direction === 'up' ? position - 2 : position
  if (other < 0 || other >= steps.length) return false
  ;[steps[position - 1], steps[other]] = [steps[other]!, steps[position - 1]!]
  await updateWorkflow(deps, owner, found.workflow.id, { name: found.workflow.name, steps }, now)
  return true
}

export async function deleteStep(deps: Deps, owner: Owner, found: WorkflowWithSteps, position: number, now: number): Promise<void> {
  stepAt(found, position)
  const steps = found.steps.map(stepDefinition).filter((_step, index) => index !== position - 1)
  await updateWorkflow(deps, owner, found.workflow.id, { name: found.workflow.name, steps }, now)
}
