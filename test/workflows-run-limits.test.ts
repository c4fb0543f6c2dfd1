import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { findWorkflow } from '../src/db/workflows'
import { edgeOf } from '../src/http/deps'
import { depsFromEnv } from '../src/services/deps'
import { executeRun, RUN_TIME_BUDGET_MS, startRun } from '../src/services/workflows/runs'
import { DEMO_KEY, ORIGIN, signUpOwner } from './helpers'
import { createWorkflow, directConnection, runsOf } from './workflow-helpers'

async function demoTasksWorkflow(owner: Awaited<ReturnType<typeof signUpOwner>>, steps: number) {
  const connectionId = await directConnection(owner, 'demo-tasks', { apiKey: DEMO_KEY })
  const step = { appId: 'demo-tasks', action: 'create-task', connectionId, input: { name: 'Task for {{trigger.who}}' } }
  return createWorkflow(
    owner,
    Array.from({ length: steps }, () => step),
  )
}

describe('run limits', () => {
  it('starts no step once the run has used its time budget, and says so', async () => {
    const owner = await signUpOwner()
    const workflow = await demoTasksWorkflow(owner, 3)
    const deps = depsFromEnv(env, ORIGIN, edgeOf(env))
    const found = await findWorkflow(deps.db, owner.workspaceId, workflow.id)
    const started = await startRun(deps, found!, { who: 'Ada' }, 0)
    // Each reading of the clock moves it on by a third of the budget.
    let ticks = 0
    await executeRun(deps, started, () => ++ticks * (RUN_TIME_BUDGET_MS / 3))

    const [run] = await runsOf(owner, workflow.id)
    expect(run).toMatchObject({
      id: started.runId,
      status: 'failed',
      error: `Stopped before step 2: the run took longer than ${RUN_TIME_BUDGET_MS / 1000} seconds.`,
    })
    expect(run!.steps.map((step) => [step.status, step.error])).toEqual([
      ['succeeded', null],
      ['skipped', 'Skipped because the run ran out of time.'],
      ['skipped', 'Skipped because the run ran out of time.'],
    ])
  })

  it('shows a run that was cut off long ago as failed rather than running forever', async () => {
    const owner = await signUpOwner()
    const workflow = await demoTasksWorkflow(owner, 1)
    const longAgo = Date.now() - 10 * 60_000
    await env.DB.prepare("INSERT INTO runs (id, workflow_id, workspace_id, status, started_at) VALUES ('stuck-run', ?, ?, 'running', ?)")
      .bind(workflow.id, owner.workspaceId, longAgo)
      .run()
    const [run] = await runsOf(owner, workflow.id)
    expect(run).toMatchObject({ id: 'stuck-run', status: 'failed', error: 'The run was interrupted before it finished.', finishedAt: null })
  })
})
