import { and, asc, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm'
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

export function insertRun(db: Db, row: typeof runs.$inferInsert) {
  return db.insert(runs).values(row)
}

/** A position is recorded once (unique index): a second delivery's write is dropped, never doubled. */
export function insertRunStep(db: Db, row: typeof runSteps.$inferInsert) {
  return db.insert(runSteps).values(row).onConflictDoNothing()
}

/** Only an unfinished run can finish, once; its claim goes with it. */
export function finishRun(db: Db, runId: string, outcome: { status: 'succeeded' | 'failed'; error: string | null }, now: number) {
  return db
    .update(runs)
    .set({ status: outcome.status, error: outcome.error, finishedAt: now, claimId: null, claimedUntil: null, nextAttemptAt: null })
    .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running'])))
    .returning({ id: runs.id })
}

export function findRun(db: Db, runId: string): Promise<RunRow | undefined> {
  return db.select().from(runs).where(eq(runs.id, runId)).get()
}

export function findRunInWorkspace(db: Db, workspaceId: string, runId: string): Promise<RunRow | undefined> {
  return db
    .select()
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)))
    .get()
}

export function stepsOfRun(db: Db, runId: string): Promise<RunStepRow[]> {
  return db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.position)).all()
}

/**
 * One delivery at a time: the claim is taken only if no other holds it or its lease ran out
 * (the holder's invocation is over by then), and only while the run is unfinished.
 */
export function claimRun(db: Db, runId: string, claimId: string, now: number, until: number): Promise<RunRow | undefined> {
  return db
    .update(runs)
    .set({ status: 'running', claimId, claimedUntil: until })
    .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running']), or(isNull(runs.claimedUntil), lte(runs.claimedUntil, now))))
    .returning()
    .get()
}

/** Gives the run back to the queue, noting the failed tries of its next step; only the claim's holder can. */
export function releaseRun(db: Db, runId: string, claimId: string, next: { stepAttempts: number; nextAttemptAt: number | null }) {
  return db
    .update(runs)
    .set({ claimId: null, claimedUntil: null, stepAttempts: next.stepAttempts, nextAttemptAt: next.nextAttemptAt })
    .where(and(eq(runs.id, runId), eq(runs.claimId, claimId)))
}

/** Lets go of the claim after a failure, so the message's redelivery need not wait out the lease. */
export function dropClaim(db: Db, runId: string, claimId: string) {
  return db
    .update(runs)
    .set({ claimId: null, claimedUntil: null })
    .where(and(eq(runs.id, runId), eq(runs.claimId, claimId)))
}

/** The checkpoint: the step's record and the reset of its tries land together. */
export async function checkpointStep(db: Db, claimId: string, row: typeof runSteps.$inferInsert): Promise<void> {
  await db.batch([
    insertRunStep(db, row),
    db
      .update(runs)
      .set({ stepAttempts: 0, nextAttemptAt: null })
      .where(and(eq(runs.id, row.runId), eq(runs.claimId, claimId))),
  ])
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
