import { describe, expect, it } from 'vitest'
import { apiKeyVerifyCases } from '../../test/catalog/verify-api-key-fixtures'
import { oauthVerifyCases } from '../../test/catalog/verify-oauth-fixtures'
import { failureOf } from '../../test/app-calls'
import { programmedContext } from '../../test/programmable-fake'
import { allApps } from './index'

const cases = [...oauthVerifyCases, ...apiKeyVerifyCases]
const ORIGINAL_TEN = [
  'google-docs',
  'google-sheets',
  'gmail',
  'slack',
  'facebook-pages',
  'wordpress',
  'clickup',
  'mailchimp',
  'demo-docs',
  'demo-tasks',
]

const AUTH_MODE_APPS = ['salesforce', 'jira', 'freshdesk', 'active-campaign', 'trello', 'zoho-crm']
/** Their sign-in keeps a shop, cloud or tenant id, or buys a token: full flows in src/apps/connection-metadata.test.ts. */
const METADATA_APPS = ['jira-cloud', 'xero', 'zoom-server-to-server', 'shopify']

describe('the catalog’s "who am I" calls, against the documented answers', () => {
  it('covers every app added to the catalog', () => {
    const covered = cases.map((entry) => entry.app.id).sort()
    expect(covered).toEqual(
      allApps
        .map((app) => app.id)
        // The generic auth modes' apps have their full flows in src/apps/auth-modes.test.ts.
        .filter((id) => !ORIGINAL_TEN.includes(id) && !AUTH_MODE_APPS.includes(id) && !METADATA_APPS.includes(id))
        .sort(),
    )
  })

  it.each(cases.map((entry) => ({ name: entry.app.name, entry })))('$name', async ({ entry }) => {
    const fake = await programmedContext(entry.app, [{ status: 200, body: entry.documented }])
    const account = await entry.app.verify(fake.ctx, entry.credentials)
    const sent = await fake.onlyRequest()
    expect({ method: sent.method, url: fake.upstreamUrl(sent) }).toEqual({ method: entry.request.method, url: entry.request.url })
    if (entry.request.header) {
      const [name, value] = entry.request.header
      expect(sent.headers[name]).toBe(value)
    }
    expect(account).toEqual(entry.account)
  })

  it.each(cases.map((entry) => ({ name: entry.app.name, entry })))('$name takes a 401 as credentials refused', async ({ entry }) => {
    const fake = await programmedContext(entry.app, [{ status: 401, body: { error: 'unauthorized' } }])
    const error = await failureOf(entry.app.verify(fake.ctx, entry.credentials))
    expect(error.code).toBe('invalid_credentials')
  })
})
