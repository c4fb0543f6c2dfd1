import { AppError } from '../../domain/errors'
import { newId } from '../../domain/tokens'
import {
  deleteSteps,
  deleteWorkflowRow,
  findWorkflow,
  insertStepIfWorkflow,
  insertSteps,
  insertWorkflowIf,
  listWorkflows as listWorkflowRows,
  renameWorkflow,
  type WorkflowStepRow,
  type WorkflowWithSteps,
  workflowsUsingConnection,
} from '../../db/workflows'
import { MAX_WORKFLOWS, STEP_ATTEMPTS_DEFAULT } from '../../domain/limits'
import type { Deps } from '../deps'
import { quotaExceeded } from '../quotas'
import { checkSteps } from './check-steps'
import { newWebhook } from './webhook'
import type { NamedWorkflow, Owner, StepDefinition, WorkflowDefinition } from '../../domain/shapes'

export type { WorkflowWithSteps }

export async function requireWorkflow(deps: Deps, owner: Owner, id: string): Promise<WorkflowWithSteps> {
  const found = await findWorkflow(deps.db, owner.workspaceId, id)
  if (!found) throw new AppError('not_found', 'Workflow not found.')
  return found
}

export function listWorkflows(deps: Deps, owner: Owner): Promise<WorkflowWithSteps[]> {
  return listWorkflowRows(deps.db, owner.workspaceId)
}

/** What deleting a connection would break: the owner's workflows with a step on it. */
export function workflowsUsing(deps: Deps, owner: Owner, connectionId: string): Promise<NamedWorkflow[]> {
  return workflowsUsingConnection(deps.db, owner.workspaceId, connectionId)
}

function stepRows(workflowId: string, steps: StepDefinition[]): WorkflowStepRow[] {
  return steps.map((step, index) => ({
    id: newId(),
    workflowId,
    position: index + 1,
    appId: step.appId,
    action: step.action,
    connectionId: step.connectionId,
    input: JSON.stringify(step.input),
    maxAttempts: step.attempts ?? STEP_ATTEMPTS_DEFAULT,
    timeoutSeconds: step.timeoutSeconds ?? null,
  }))
}

/** Under the workspace's quota of workflows; its steps land only with it. */
export async function createWorkflow(deps: Deps, owner: Owner, definition: WorkflowDefinition, now: number): Promise<WorkflowWithSteps> {
  // Its webhook URL is handed out with it: refuse before writing anything if that URL cannot be built.
  void deps.publicOrigin
  const steps = await checkSteps(deps, owner.workspaceId, definition.steps)
  const id = newId()
  const webhook = await newWebhook(deps, id)
  const workflow = {
    id,
    workspaceId: owner.workspaceId,
    name: definition.name,
    webhookTokenHash: webhook.tokenHash,
    webhookTokenBlob: webhook.sealed.blob,
    webhookTokenKeyVersion: webhook.sealed.keyVersion,
    webhookSecretBlob: null,
    webhookSecretKeyVersion: null,
    createdAt: now,
    updatedAt: now,
  }
  const rows = stepRows(id, steps)
  const [inserted] = await deps.db.batch([
    insertWorkflowIf(deps.db, workflow, MAX_WORKFLOWS),
    ...rows.map((row) => insertStepIfWorkflow(deps.db, row)),
  ])
  if (inserted.length === 0) throw quotaExceeded('workflows')
  return { workflow, steps: rows }
}

/** Replaces the name and all steps in one batch; the webhook URL stays the same. */
export async function updateWorkflow(
  deps: Deps,
  owner: Owner,
  id: string,
  definition: WorkflowDefinition,
  now: number,
): Promise<WorkflowWithSteps> {
  const { workflow } = await requireWorkflow(deps, owner, id)
  const steps = await checkSteps(deps, owner.workspaceId, definition.steps)
  const rows = stepRows(id, steps)
  await deps.db.batch([
    renameWorkflow(deps.db, owner.workspaceId, id, definition.name, now),
    deleteSteps(deps.db, id),
    ...(rows.length > 0 ? [insertSteps(deps.db, rows)] : []),
  ])
  return { workflow: { ...workflow, name: definition.name, updatedAt: now }, steps: rows }
}

export async function deleteWorkflow(deps: Deps, owner: Owner, id: string): Promise<void> {
  await requireWorkflow(deps, owner, id)
  await deleteWorkflowRow(deps.db, owner.workspaceId, id)
}

/** A stored step back in the shape the owner edits. */
export function stepDefinition(row: WorkflowStepRow): StepDefinition & { attempts: number; timeoutSeconds: number | null } {
  return {
    appId: row.appId,
    action: row.action,
    connectionId: row.connectionId ?? '',
    input: JSON.parse(row.input) as Record<string, string>,
    attempts: row.maxAttempts,
    timeoutSeconds: row.timeoutSeconds,
  }
}
