import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { findWorkflow } from '../src/db/workflows'
import { edgeOf } from '../src/http/deps'
import { depsFromEnv } from '../src/services/deps'
import { advanceRun, RUN_SLICE_MS } from '../src/services/workflows/advance-run'
import { startRun } from '../src/services/workflows/runs'
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
  it('starts no step once a delivery has used its slice: the run goes on in a new message, from the checkpoint', async () => {
    const owner = await signUpOwner()
    const workflow = await demoTasksWorkflow(owner, 3)
    const deps = depsFromEnv(env, ORIGIN, edgeOf(env))
    const found = await findWorkflow(deps.db, owner.workspaceId, workflow.id)
    const { runId } = await startRun(deps, found!, { who: 'Ada' }, Date.now())
    // Each reading of the clock moves it on by a third of the slice.
    let ticks = 0
    expect(await advanceRun(deps, runId, () => ++ticks * (RUN_SLICE_MS / 3))).toEqual({ kind: 'continue', delaySeconds: 0 })
    let [run] = await runsOf(owner, workflow.id)
    expect(run).toMatchObject({ id: runId, status: 'running', finishedAt: null })
    expect(run!.steps.map((step) => step.status)).toEqual(['succeeded'])

    expect(await advanceRun(deps, runId)).toEqual({ kind: 'done' })
    ;[run] = await runsOf(owner, workflow.id)
    expect(run).toMatchObject({ id: runId, status: 'succeeded', error: null })
    expect(run!.steps.map((step) => [step.position, step.status, step.attempts])).toEqual([
      [1, 'succeeded', 1],
      [2, 'succeeded', 1],
      [3, 'succeeded', 1],
    ])
  })

  it('shows a run from before the queue that was cut off long ago as failed rather than running forever', async () => {
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
