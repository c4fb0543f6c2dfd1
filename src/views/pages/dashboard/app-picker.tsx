import { type AppCategory, CATEGORY_LABELS } from '../../../apps/categories'
import type { AppDefinition } from '../../../apps/types'
import { AppIcon } from '../../components/app-icon'
import { AppFilterForm, AppFilterStatus } from '../../components/app-filter'
import { Layout } from '../../layout'
import { authTypeLabel } from './app-fields'
import type { OwnerView } from './types'

export interface PickableApp {
  app: AppDefinition
  /** false for OAuth apps whose provider has no client configured here. */
  available: boolean
}

export interface AppPickerProps {
  owner: OwnerView
  /** The apps matching the filter. */
  apps: PickableApp[]
  /** The whole listed catalog, for the category menu. */
  catalog: readonly AppDefinition[]
  query: string
  category?: AppCategory
}

export function AppPickerPage({ owner, apps, catalog, query, category }: AppPickerProps) {
  return (
    <Layout title="Add Connection" owner={owner} current="connections">
      <div class="stack">
        <p class="small">
          <a href="/connections">← Connections</a>
        </p>
        <h1>Add Connection</h1>
        <p class="muted">Pick the app to connect. Next, enter the credentials yourself or request them from your client with a link.</p>
        <p>
          Need several apps from one client? <a href="/connections/several">Request several apps in one link</a>
        </p>
        <AppFilterForm action="/connections/new" query={query} category={category} apps={catalog} />
        <AppFilterStatus action="/connections/new" count={apps.length} query={query} category={category} />
        {apps.length ? (
          <ul class="app-grid">
            {apps.map((entry) => (
              <li>
                <AppTile {...entry} />
              </li>
            ))}
          </ul>
        ) : null}
        {apps.some((entry) => !entry.available) ? (
          <p class="muted small">
            Apps marked “not configured” sign in through an OAuth app nobody has set up here yet. Add your own in{' '}
            <a href="/settings/oauth-apps">Settings → OAuth apps</a>, or ask the operator to configure one.
          </p>
        ) : null}
      </div>
    </Layout>
  )
}

function TileText({ app, available }: PickableApp) {
  return (
    <span>
      {app.name}
      <br />
      <span class="small muted">
        {authTypeLabel(app)}
        {` · ${CATEGORY_LABELS[app.category]}`}
        {available ? '' : ' · not configured'}
      </span>
    </span>
  )
}

function AppTile({ app, available }: PickableApp) {
  const content = (
    <>
      <AppIcon iconUrl={app.iconUrl} name={app.name} size={32} />
      <TileText app={app} available={available} />
    </>
  )
  if (!available) {
    return (
      <span class="app-tile" aria-disabled="true" title={`${app.name} is not configured on this Tether`}>
        {content}
      </span>
    )
  }
  return (
    <a class="app-tile" href={`/connections/new/${encodeURIComponent(app.id)}`}>
      {content}
    </a>
  )
}
