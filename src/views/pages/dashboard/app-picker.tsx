import type { AppDefinition } from '../../../apps/types'
import { AppIcon } from '../../components/app-icon'
import { Search } from '../../components/icons'
import { Layout } from '../../layout'
import { authTypeLabel } from './app-fields'
import type { OwnerView } from './types'
import { SEARCH_MAX } from '../../../domain/limits'

export interface PickableApp {
  app: AppDefinition
  /** false for OAuth apps whose provider has no client configured here. */
  available: boolean
}

export interface AppPickerProps {
  owner: OwnerView
  apps: PickableApp[]
  query: string
}

export function AppPickerPage({ owner, apps, query }: AppPickerProps) {
  return (
    <Layout title="Add Connection" owner={owner} current="connections">
      <div class="stack">
        <p class="small">
          <a href="/connections">← Connections</a>
        </p>
        <h1>Add Connection</h1>
        <p class="muted">Pick the app to connect. Next, enter the credentials yourself or request them from your client with a link.</p>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader; the role is */}
        <form method="get" action="/connections/new" role="search" class="row">
          <div class="field">
            <label for="app-search">Search apps</label>
            <input id="app-search" type="search" name="q" value={query} maxLength={SEARCH_MAX} autocomplete="off" />
          </div>
          <button type="submit" class="button button-secondary">
            <Search size={16} />
            Search
          </button>
        </form>
        <p class="muted small" role="status">
          {query ? `${apps.length} ${apps.length === 1 ? 'app matches' : 'apps match'} “${query}”.` : `${apps.length} apps.`}
          {query ? (
            <>
              {' '}
              <a href="/connections/new">Show all apps</a>
            </>
          ) : null}
        </p>
        {apps.length ? (
          <ul class="app-grid">
            {apps.map((entry) => (
              <li>
                <AppTile {...entry} />
              </li>
            ))}
          </ul>
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
        {app.demo ? ' · Demo' : ''}
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
