import { AppIcon } from '../../components/app-icon'
import { Alert } from '../../components/alert'
import { EmptyState } from '../../components/empty-state'
import { buttonClass } from '../../components/form'
import { Play, Plus } from '../../components/icons'
import { Time } from '../../components/time'
import { Layout } from '../../layout'
import type { OwnerView } from '../dashboard/types'
import { workflowHref, type WorkflowSummaryView } from './types'

export interface WorkflowsPageProps {
  owner: OwnerView
  workflows: WorkflowSummaryView[]
  now: number
  deleted?: boolean
}

export function WorkflowsPage({ owner, workflows, now, deleted }: WorkflowsPageProps) {
  return (
    <Layout title="Workflows" owner={owner} current="workflows">
      <div class="stack">
        <div class="card-header">
          <div>
            <h1>Workflows</h1>
            <p class="muted">A webhook starts each workflow; its steps act in your clients' apps with the connections you choose.</p>
          </div>
          <a class={buttonClass()} href="/workflows/new">
            <Plus size={18} />
            New workflow
          </a>
        </div>
        {deleted ? (
          <Alert kind="success" live>
            The workflow was deleted. Its webhook address no longer works.
          </Alert>
        ) : null}
        {workflows.length === 0 ? (
          <EmptyState
            title="No workflows yet"
            icon={<Play size={24} />}
            action={
              <a class={buttonClass()} href="/workflows/new">
                Create a workflow
              </a>
            }
          >
            Create a workflow, add steps that use your connections, then send JSON to its webhook address to run it.
          </EmptyState>
        ) : (
          <WorkflowsTable workflows={workflows} now={now} />
        )}
      </div>
    </Layout>
  )
}

function WorkflowsTable({ workflows, now }: { workflows: WorkflowSummaryView[]; now: number }) {
  return (
    <table class="table">
      <caption class="visually-hidden">Your workflows</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Steps</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {workflows.map((workflow) => (
          <tr>
            <td data-label="Name">
              <a href={workflowHref(workflow.id)}>{workflow.name}</a>
            </td>
            <td data-label="Steps">
              <span class="row">
                {workflow.apps.map((app) => (
                  <AppIcon iconUrl={app.iconUrl} name={app.name} size={20} standalone />
                ))}
                {workflow.stepCount === 1 ? '1 step' : `${workflow.stepCount} steps`}
              </span>
            </td>
            <td data-label="Updated">
              <Time at={workflow.updatedAt} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
