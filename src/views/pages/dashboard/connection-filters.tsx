import { BADGES, type Badge } from '../../../domain/badges'
import { SEARCH_MAX } from '../../../domain/limits'
import { badgeText } from '../../components/badge'
import { Select } from '../../components/form'
import { Search } from '../../components/icons'

export interface ConnectionFiltersView {
  q: string
  appId: string
  badge: Badge | ''
}

export const NO_FILTERS: ConnectionFiltersView = { q: '', appId: '', badge: '' }

export const hasFilters = (filters: ConnectionFiltersView) => Boolean(filters.q || filters.appId || filters.badge)

const BADGE_CHOICES = BADGES.map((badge) => ({ value: badge, label: badge === 'refresh_pending' ? 'Pending (refresh)' : badgeText(badge) }))

/** The table's URL: filters and cursor as query parameters, so every view can be bookmarked. */
export function connectionsHref(filters: ConnectionFiltersView, cursor?: string | null): string {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.appId) params.set('appId', filters.appId)
  if (filters.badge) params.set('badge', filters.badge)
  if (cursor) params.set('cursor', cursor)
  const query = params.toString()
  return query ? `/connections?${query}` : '/connections'
}

/** A GET form: applying filters is a plain navigation, no script needed. */
export function ConnectionFilters({ filters, apps }: { filters: ConnectionFiltersView; apps: { id: string; name: string }[] }) {
  return (
    <form method="get" action="/connections" class="row filters" aria-label="Filter connections">
      <div class="field">
        <label for="connections-q">Search</label>
        <input
          id="connections-q"
          type="search"
          name="q"
          value={filters.q}
          maxLength={SEARCH_MAX}
          placeholder="Connection name or account"
          autocomplete="off"
        />
      </div>
      <Select
        name="appId"
        id="connections-app"
        label="App"
        value={filters.appId}
        placeholder="All apps"
        options={apps.map((app) => ({ value: app.id, label: app.name }))}
      />
      <Select name="badge" id="connections-badge" label="Status" value={filters.badge} placeholder="Any status" options={BADGE_CHOICES} />
      <div class="form-actions">
        <button type="submit" class="button button-secondary">
          <Search size={16} />
          Apply
        </button>
        {hasFilters(filters) ? (
          <a class="button button-link" href="/connections">
            Clear
          </a>
        ) : null}
      </div>
    </form>
  )
}
