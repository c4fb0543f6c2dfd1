import { describe, expect, it } from 'vitest'
import { page } from './dashboard-helpers'
import { call, signUpOwner } from './helpers'
import { createWorkflow } from './workflow-helpers'

const names = (html: string) => [...html.matchAll(/<li><(?:a|span) class="app-tile"[^>]*>.*?<\/(?:a|span)><\/li>/gs)].map((m) => m[0])

describe('the app picker', () => {
  it('filters by category and search with a plain GET form, keeping both in the form', async () => {
    const { cookie } = await signUpOwner()
    const crm = await page('/connections/new?category=crm', cookie)
    expect(crm).toMatch(/<form method="get" action="\/connections\/new" role="search"/)
    expect(crm).toMatch(/<option value="crm" selected[^>]*>CRM<\/option>/)
    expect(names(crm)).toHaveLength(3)
    expect(names(crm).join()).toMatch(/HubSpot.*Salesforce.*Zoho CRM/s)
    expect(crm).toContain('3 apps match in CRM.')

    const both = await page('/connections/new?category=project-management&q=tre', cookie)
    expect(names(both)).toHaveLength(1)
    expect(names(both)[0]).toContain('Trello')
    expect(both).toContain('value="tre"')

    const all = await page('/connections/new?category=', cookie)
    expect(names(all).length).toBeGreaterThan(10)
    expect((await call('/connections/new?category=nope', { cookie })).status).toBe(400)
  })

  it('says what to do about an unconfigured OAuth app, and offers it once the workspace adds its own', async () => {
    const owner = await signUpOwner()
    const before = await page('/connections/new?q=salesforce', owner.cookie)
    expect(before).toMatch(/<span class="app-tile" aria-disabled="true"[^>]*>.*?Salesforce.*?not configured/s)
    expect(before).toContain('href="/settings/oauth-apps"')
    await call('/api/v1/oauth-apps/salesforce', {
      method: 'PUT',
      cookie: owner.cookie,
      json: { clientId: 'salesforce-client', clientSecret: 'salesforce-secret' },
    })
    const after = await page('/connections/new?q=salesforce', owner.cookie)
    expect(after).toContain('href="/connections/new/salesforce"')
    expect(after).not.toContain('not configured')
  })

  it('filters the workflow step picker the same way', async () => {
    const owner = await signUpOwner()
    const workflow = await createWorkflow(owner, [])
    const html = await page(`/workflows/${workflow.id}/steps/new?category=support`, owner.cookie)
    expect(names(html)).toHaveLength(2)
    expect(names(html).join()).toMatch(/Intercom.*Freshdesk/s)
    expect(html).toMatch(new RegExp(`<form method="get" action="/workflows/${workflow.id}/steps/new" role="search"`))
  })
})
