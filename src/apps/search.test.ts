import { describe, expect, it } from 'vitest'
import { allApps } from './index'
import { filterApps } from './search'

const ids = (filter: Parameters<typeof filterApps>[1]) => filterApps(allApps, filter).map((app) => app.id)

describe('filterApps', () => {
  it('keeps every app, in catalog order, without a filter', () => {
    expect(ids({})).toEqual(allApps.map((app) => app.id))
    expect(ids({ q: '   ' })).toEqual(allApps.map((app) => app.id))
  })

  it('matches each word of the query in the name, id or category, ignoring case', () => {
    expect(ids({ q: 'SHEETS' })).toEqual(['google-sheets'])
    expect(ids({ q: 'google docs' })).toEqual(['google-docs'])
    expect(ids({ q: 'active-campaign' })).toEqual(['active-campaign'])
    expect(ids({ q: 'customer support' })).toEqual(['intercom', 'freshdesk'])
    expect(ids({ q: 'zzz' })).toEqual([])
  })

  it('keeps only the chosen category, combined with the query', () => {
    expect(ids({ category: 'crm' })).toEqual(['hubspot', 'salesforce', 'zoho-crm'])
    expect(ids({ category: 'project-management' })).toEqual([
      'clickup',
      'asana',
      'monday',
      'linear',
      'todoist',
      'jira',
      'trello',
      'jira-cloud',
    ])
    expect(ids({ category: 'project-management', q: 'tre' })).toEqual(['trello'])
    expect(ids({ category: 'finance' })).toEqual(['stripe', 'xero'])
  })
})
