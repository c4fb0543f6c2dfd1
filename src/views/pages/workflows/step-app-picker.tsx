import type { AppDefinition } from '../../../apps/types'
import type { AppCategory } from '../../../apps/categories'
import { AppFilterForm, AppFilterStatus } from '../../components/app-filter'
import { AppIcon } from '../../components/app-icon'
import { Layout } from '../../layout'
import type { OwnerView } from '../dashboard/types'
import { workflowHref } from './types'

export interface StepAppChoice {
  app: AppDefinition
  /** false for OAuth apps whose provider has no client configured here. */
  available: boolean
}

/** Add step, first part: which app the step acts in. */
export function StepAppPickerPage({
  owner,
  workflowId,
  workflowName,
  apps,
  catalog,
  query,
  category,
}: {
  owner: OwnerView
  workflowId: string
  workflowName: string
  /** The apps matching the filter; `catalog` is every app with actions, for the category menu. */
  apps: StepAppChoice[]
  catalog: readonly AppDefinition[]
  query: string
  category?: AppCategory
}) {
  const action = workflowHref(workflowId, '/steps/new')
  return (
    <Layout title={`Add step · ${workflowName}`} owner={owner} current="workflows">
      <div class="stack">
        <p class="small">
          <a href={workflowHref(workflowId)}>← {workflowName}</a>
        </p>
        <h1>Add step: choose an app</h1>
        <AppFilterForm action={action} query={query} category={category} apps={catalog} />
        <AppFilterStatus action={action} count={apps.length} query={query} category={category} />
        <ul class="app-grid">
          {apps.map(({ app, available }) => (
            <li>
              {available ? (
                <a class="app-tile" href={workflowHref(workflowId, `/steps/new/${encodeURIComponent(app.id)}`)}>
                  <AppIcon iconUrl={app.iconUrl} name={app.name} />
                  <span>
                    {app.name}
                    <br />
                    <span class="small muted">{app.actions.map((action) => action.name).join(', ')}</span>
                  </span>
                </a>
              ) : (
                <span class="app-tile" aria-disabled="true" title={`${app.name} is not configured on this Tether`}>
                  <AppIcon iconUrl={app.iconUrl} name={app.name} />
                  <span>
                    {app.name}
                    <br />
                    <span class="small muted">not configured</span>
                  </span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  )
}
