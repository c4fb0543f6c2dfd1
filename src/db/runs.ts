import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Cursor } from '../domain/paging'
import type { Db } from './client'
import { keysetAfter } from './keyset'
import { runs, runSteps } from './schema'

export type RunRow = typeof runs.$inferSelect
export type RunStepRow = typeof runSteps.$inferSelect

export interface RunWithSteps {
  run: RunRow
  steps: RunStepRow[]
}

export function insertRun(db: Db, row: RunRow) {
  return db.insert(runs).values(row)
}

export function insertRunStep(db: Db, row: RunStepRow) {
  return db.insert(runSteps).values(row)
}

/** Only a running run can finish, once. */
export function finishRun(db: Db, runId: string, outcome: { status: 'succeeded' | 'failed'; error: string | null }, now: number) {
  return db
    .update(runs)
    .set({ status: outcome.status, error: outcome.error, finishedAt: now })
    .where(and(eq(runs.id, runId), eq(runs.status, 'running')))
}

/** Newest first, a page at a time down `runs_workflow_started`. */
export async function listRuns(
  db: Db,
  workspaceId: string,
  workflowId: string,
  page: { fetch: number; after: Cursor | null },
): Promise<RunWithSteps[]> {
  const rows = await runsPageQuery(db, workspaceId, workflowId, page).all()
  if (rows.length === 0) return []
  const steps = await db
    .select()
    .from(runSteps)
    .where(
      inArray(
        runSteps.runId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(runSteps.position))
    .all()
  return rows.map((run) => ({ run, steps: steps.filter((step) => step.runId === run.id) }))
}

export function runsPageQuery(db: Db, workspaceId: string, workflowId: string, page: { fetch: number; after: Cursor | null }) {
  return db
    .select()
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, workspaceId),
        eq(runs.workflowId, workflowId),
        page.after ? keysetAfter(runs.startedAt, runs.id, page.after) : undefined,
      ),
    )
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(page.fetch)
}
