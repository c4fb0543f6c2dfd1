import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Sealed } from '../domain/crypto'
import type { Db } from './client'
import { countBelow, insertRowIf } from './conditional-insert'
import type { ConnectionRow } from './connections'
import { connections, workflows, workflowSteps, workspaces } from './schema'

export type WorkflowRow = typeof workflows.$inferSelect
export type WorkflowStepRow = typeof workflowSteps.$inferSelect

export interface WorkflowWithSteps {
  workflow: WorkflowRow
  /** In run order (position 1, 2, …). */
  steps: WorkflowStepRow[]
}

async function withSteps(db: Db, workflow: WorkflowRow): Promise<WorkflowWithSteps> {
  const steps = await db
    .select()
    .from(workflowSteps)
    .where(eq(workflowSteps.workflowId, workflow.id))
    .orderBy(asc(workflowSteps.position))
    .all()
  return { workflow, steps }
}

/** One join rather than an IN list, which D1 caps at 100 bound values. */
export async function listWorkflows(db: Db, workspaceId: string): Promise<WorkflowWithSteps[]> {
  const rows = await db
    .select({ workflow: workflows, step: workflowSteps })
    .from(workflows)
    .leftJoin(workflowSteps, eq(workflowSteps.workflowId, workflows.id))
    .where(eq(workflows.workspaceId, workspaceId))
    .orderBy(desc(workflows.createdAt), desc(workflows.id), asc(workflowSteps.position))
    .all()
  const grouped = new Map<string, WorkflowWithSteps>()
  for (const { workflow, step } of rows) {
    let entry = grouped.get(workflow.id)
    if (!entry) {
      entry = { workflow, steps: [] }
      grouped.set(workflow.id, entry)
    }
    if (step) entry.steps.push(step)
  }
  return [...grouped.values()]
}

/** Scoped by workspace: another owner's id is simply not found. */
export async function findWorkflow(db: Db, workspaceId: string, id: string): Promise<WorkflowWithSteps | undefined> {
  const row = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id)))
    .get()
  return row ? withSteps(db, row) : undefined
}

export async function findWorkflowByWebhookHash(db: Db, tokenHash: string): Promise<WorkflowWithSteps | undefined> {
  const row = await db.select().from(workflows).where(eq(workflows.webhookTokenHash, tokenHash)).get()
  return row ? withSteps(db, row) : undefined
}

/** Lands only while the workspace has fewer than `cap` workflows, counted in the same statement. */
export function insertWorkflowIf(db: Db, row: WorkflowRow, cap: number) {
  const quota = countBelow(workflows, eq(workflows.workspaceId, row.workspaceId), cap)
  return insertRowIf(db, workflows, row, workspaces, and(eq(workspaces.id, row.workspaceId), quota)!).returning({ id: workflows.id })
}

/** A new workflow's step: lands only with its workflow. */
export function insertStepIfWorkflow(db: Db, step: WorkflowStepRow) {
  return insertRowIf(db, workflowSteps, step, workflows, eq(workflows.id, step.workflowId))
}

export function insertSteps(db: Db, steps: WorkflowStepRow[]) {
  return db.insert(workflowSteps).values(steps)
}

export function deleteSteps(db: Db, workflowId: string) {
  return db.delete(workflowSteps).where(eq(workflowSteps.workflowId, workflowId))
}

export function renameWorkflow(db: Db, workspaceId: string, id: string, name: string, now: number) {
  return db
    .update(workflows)
    .set({ name, updatedAt: now })
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id)))
}

/** One statement: the old hash stops matching the moment the new one is stored. */
export function replaceWebhookToken(db: Db, workspaceId: string, id: string, token: { hash: string; sealed: Sealed }, now: number) {
  return db
    .update(workflows)
    .set({
      webhookTokenHash: token.hash,
      webhookTokenBlob: token.sealed.blob,
      webhookTokenKeyVersion: token.sealed.keyVersion,
      updatedAt: now,
    })
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id)))
}

/** `null` turns signing off. */
export function setWebhookSecret(db: Db, workspaceId: string, id: string, sealed: Sealed | null, now: number) {
  return db
    .update(workflows)
    .set({ webhookSecretBlob: sealed?.blob ?? null, webhookSecretKeyVersion: sealed?.keyVersion ?? null, updatedAt: now })
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id)))
}

/** Steps, runs and run steps go with it (ON DELETE CASCADE). */
export function deleteWorkflowRow(db: Db, workspaceId: string, id: string) {
  return db.delete(workflows).where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id)))
}

/** The workflows of a workspace with at least one step on this connection, by name. */
export function workflowsUsingConnection(db: Db, workspaceId: string, connectionId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: workflows.id, name: workflows.name })
    .from(workflows)
    .innerJoin(workflowSteps, eq(workflowSteps.workflowId, workflows.id))
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflowSteps.connectionId, connectionId)))
    .orderBy(asc(workflows.name), asc(workflows.id))
    .all()
}

/** The connections steps point at, within one workspace. */
export async function connectionsByIds(db: Db, workspaceId: string, ids: string[]): Promise<ConnectionRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(connections)
    .where(and(eq(connections.workspaceId, workspaceId), inArray(connections.id, ids)))
    .all()
}
