import type { ComponentChildren } from 'preact'
import { EmptyState } from '../../components/empty-state'
import { Check, Clock, Close, Warning } from '../../components/icons'
import { Time } from '../../components/time'
import { SubmitButton } from '../../components/form'
import { type StepView, workflowHref } from './types'
import { connectionHref } from '../dashboard/paths'
import type { PublicRun, PublicRunStep } from '../../../domain/shapes'

const STATUS: Record<PublicRun['status'] | PublicRunStep['status'], { text: string; icon: ComponentChildren }> = {
  queued: { text: 'Queued', icon: <Clock size={16} /> },
  running: { text: 'Running', icon: <Clock size={16} /> },
  succeeded: { text: 'Succeeded', icon: <Check size={16} /> },
  failed: { text: 'Failed', icon: <Warning size={16} /> },
  skipped: { text: 'Skipped', icon: <Close size={16} /> },
}

export function RunStatus({ status }: { status: keyof typeof STATUS }) {
  return (
    <span class="row">
      {STATUS[status].icon}
      {STATUS[status].text}
    </span>
  )
}

function duration(run: PublicRun): string {
  if (!run.finishedAt) return '—'
  return formatMs(Date.parse(run.finishedAt) - Date.parse(run.startedAt))
}

const formatMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`)

function stepName(steps: StepView[], position: number): string {
  const step = steps.find((candidate) => candidate.position === position)
  return step?.app && step.action ? `${step.app.name} — ${step.action.name}` : `Step ${position}`
}

function RunStepLine({ step, name }: { step: PublicRunStep; name: string }) {
  const facts = [
    step.status === 'skipped' ? null : formatMs(step.durationMs),
    step.upstreamStatus === null ? null : `HTTP ${step.upstreamStatus}`,
    step.attempts > 1 ? `${step.attempts} tries` : null,
  ]
  return (
    <li>
      <span class="row">
        <strong>{name}</strong>
        <RunStatus status={step.status} />
        <span class="small muted">{facts.filter(Boolean).join(' · ')}</span>
      </span>
      {step.connectionId && step.connectionName ? (
        <p class="small muted">
          With <a href={connectionHref(step.connectionId)}>{step.connectionName}</a>
          {step.accountLabel ? ` · account ${step.accountLabel}` : null}
        </p>
      ) : null}
      {step.error && step.status !== 'skipped' ? <p class="small">{step.error}</p> : null}
      {step.output !== null ? (
        <details>
          <summary class="small">Output</summary>
          <pre class="code">{JSON.stringify(step.output, null, 2)}</pre>
        </details>
      ) : null}
    </li>
  )
}

/** Newest first; each run with what every step did, how long it took and what upstream answered. */
export function RunsList({ workflowId, runs, steps, now }: { workflowId: string; runs: PublicRun[]; steps: StepView[]; now: number }) {
  if (runs.length === 0) {
    return (
      <EmptyState title="No runs yet" headingLevel={3} icon={<Clock size={24} />}>
        Send JSON to the webhook address above, or use Run now, and each run shows up here, with the result of every step.
      </EmptyState>
    )
  }
  return (
    <table class="table">
      <caption class="visually-hidden">Recent runs, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">Steps</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr>
            <td data-label="Started">
              <Time at={run.startedAt} now={now} />
            </td>
            <td data-label="Status">
              <RunStatus status={run.status} />
              {run.error && !run.steps.some((step) => step.status === 'failed') ? <p class="small">{run.error}</p> : null}
              {run.retryOf ? <p class="small muted">Retry of an earlier run</p> : null}
              {run.retryable && (run.status === 'failed' || run.status === 'succeeded') ? (
                <form method="post" action={workflowHref(workflowId, `/runs/${run.id}/retry`)}>
                  <SubmitButton variant="secondary">
                    Retry<span class="visually-hidden"> this run with the same payload</span>
                  </SubmitButton>
                </form>
              ) : null}
            </td>
            <td data-label="Duration">{duration(run)}</td>
            <td data-label="Steps">
              {run.steps.length === 0 ? (
                <span class="muted small">{run.status === 'queued' || run.status === 'running' ? 'Starting…' : 'No steps'}</span>
              ) : (
                <ol class="stack">
                  {run.steps.map((step) => (
                    <RunStepLine step={step} name={stepName(steps, step.position)} />
                  ))}
                </ol>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
