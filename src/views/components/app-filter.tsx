import { APP_CATEGORIES, type AppCategory, CATEGORY_LABELS } from '../../apps/categories'
import type { AppDefinition } from '../../apps/types'
import { SEARCH_MAX } from '../../domain/limits'
import { Select } from './form'
import { Search } from './icons'

export interface AppFilterProps {
  /** The page itself: the form GETs it, so search works without JavaScript. */
  action: string
  query: string
  category?: AppCategory
  /** The categories offered: those of the apps the page lists. */
  apps: readonly AppDefinition[]
}

/** Search and category for a catalog picker, as one GET form. */
export function AppFilterForm({ action, query, category, apps }: AppFilterProps) {
  const present = new Set(apps.map((app) => app.category))
  const options = APP_CATEGORIES.filter((value) => present.has(value)).map((value) => ({ value, label: CATEGORY_LABELS[value] }))
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader; the role is
    <form method="get" action={action} role="search" class="row">
      <div class="field">
        <label for="app-search">Search apps</label>
        <input id="app-search" type="search" name="q" value={query} maxLength={SEARCH_MAX} autocomplete="off" />
      </div>
      <Select name="category" id="app-category" label="Category" options={options} value={category} placeholder="All categories" />
      <button type="submit" class="button button-secondary">
        <Search size={16} />
        Search
      </button>
    </form>
  )
}

/** "12 apps." or "2 apps match “crm” in CRM." with the way back to all apps. */
export function AppFilterStatus({
  action,
  count,
  query,
  category,
}: {
  action: string
  count: number
  query: string
  category?: AppCategory
}) {
  const filtered = query !== '' || category !== undefined
  const noun = count === 1 ? 'app' : 'apps'
  const words = [query ? `“${query}”` : '', category ? `in ${CATEGORY_LABELS[category]}` : ''].filter(Boolean).join(' ')
  return (
    <p class="muted small" role="status">
      {filtered ? `${count} ${noun} ${count === 1 ? 'matches' : 'match'} ${words}.` : `${count} ${noun}.`}
      {filtered ? (
        <>
          {' '}
          <a href={action}>Show all apps</a>
        </>
      ) : null}
    </p>
  )
}
