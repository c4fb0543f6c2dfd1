import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Env } from '../env'
import { allApps, getApp, isAppAvailable, listedApps } from './index'

const EXPECTED_IDS = [
  'google-docs',
  'google-sheets',
  'gmail',
  'slack',
  'facebook-pages',
  'wordpress',
  'clickup',
  'mailchimp',
  'salesforce',
  'jira',
  'freshdesk',
  'active-campaign',
  'trello',
  'zoho-crm',
  'demo-docs',
  'demo-tasks',
]

describe('the app catalog', () => {
  it('lists every app once, by kebab-case id', () => {
    expect(allApps.map((app) => app.id)).toEqual(EXPECTED_IDS)
    for (const id of EXPECTED_IDS) expect(getApp(id)?.id).toBe(id)
    expect(getApp('nope')).toBeUndefined()
    expect(getApp('__proto__')).toBeUndefined()
  })

  it.each(allApps.map((app) => ({ app })))('$app.name is complete', ({ app }) => {
    expect(app.iconUrl).toBe(`/icons/${app.id}.svg`)
    expect(app.actions.length).toBeGreaterThan(0)
    for (const action of app.actions) {
      expect(action.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(action.fields.length).toBeGreaterThan(0)
    }
    if (app.authType === 'oauth2') {
      expect(app.fields).toEqual([])
      expect(app.oauth?.scopeDescriptions.length).toBeGreaterThan(0)
      expect(app.defaultEndpoints.authorizeUrl && app.defaultEndpoints.tokenUrl).toBeTruthy()
    } else {
      expect(app.oauth).toBeUndefined()
      expect(app.fields.some((field) => field.secret)).toBe(true)
    }
  })

  it('shows demo apps only where the worker serves them', () => {
    expect(listedApps({ demoApps: true }).map((app) => app.id)).toEqual(EXPECTED_IDS)
    expect(listedApps({ demoApps: false }).map((app) => app.id)).toEqual(EXPECTED_IDS.filter((id) => !id.startsWith('demo-')))
  })

  it('marks OAuth apps unavailable until their provider is configured', () => {
    const available = (environment: Env) => allApps.filter((app) => isAppAvailable(environment, app)).map((app) => app.id)
    // The test bindings configure Google and Slack, not Facebook, Salesforce nor Zoho.
    const unconfigured = ['facebook-pages', 'salesforce', 'zoho-crm']
    expect(available(env)).toEqual(EXPECTED_IDS.filter((id) => !unconfigured.includes(id)))
    // wrangler.jsonc's vars as deployed, and no secrets.
    const bare: Env = {
      DB: env.DB,
      LINKS: env.LINKS,
      EMAIL: env.EMAIL,
      ASSETS: env.ASSETS,
      WEBHOOKS: env.WEBHOOKS,
      DEMO_APPS: '0',
      ALLOW_LOOPBACK_APPS: '0',
    }
    expect(available(bare)).toEqual(['wordpress', 'clickup', 'mailchimp', 'jira', 'freshdesk', 'active-campaign', 'trello'])
    expect(available({ ...bare, OAUTH_FACEBOOK_CLIENT_ID: 'id', OAUTH_FACEBOOK_CLIENT_SECRET: 'secret' })).toContain('facebook-pages')
    expect(available({ ...bare, OAUTH_FACEBOOK_CLIENT_ID: 'id' })).not.toContain('facebook-pages')
  })
})
