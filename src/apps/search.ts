import { type AppCategory, CATEGORY_LABELS } from './categories'
import type { AppDefinition } from './types'

export interface AppFilter {
  q?: string
  category?: AppCategory
}

/** The picker's and GET /api/v1/apps' one filter: words of `q` each in the name, id or category; the category exact. */
export function filterApps<T extends AppDefinition>(apps: readonly T[], filter: AppFilter): T[] {
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return apps.filter((app) => {
    if (filter.category && app.category !== filter.category) return false
    const haystack = `${app.name} ${app.id} ${CATEGORY_LABELS[app.category]}`.toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}
