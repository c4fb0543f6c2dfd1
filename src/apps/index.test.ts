import { APP_CATEGORIES } from './categories'
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
  'x',
  'linkedin',
  'hubspot',
  'notion',
  'airtable',
  'asana',
  'monday',
  'calendly',
  'zoom',
  'microsoft-outlook',
  'microsoft-teams',
  'google-drive',
  'google-calendar',
  'youtube',
  'instagram',
  'discord',
  'github',
  'gitlab',
  'webflow',
  'dropbox',
  'box',
  'stripe',
  'sendgrid',
  'brevo',
  'kit',
  'klaviyo',
  'intercom',
  'linear',
  'figma',
  'postmark',
  'todoist',
  'salesforce',
  'jira',
  'freshdesk',
  'active-campaign',
  'trello',
  'zoho-crm',
  'jira-cloud',
  'xero',
  'zoom-server-to-server',
  'shopify',
  'demo-docs',
  'demo-tasks',
]

const CATEGORIES: readonly string[] = APP_CATEGORIES
const API_KEY_APPS = ['stripe', 'sendgrid', 'brevo', 'kit', 'klaviyo', 'intercom', 'linear', 'figma', 'postmark', 'todoist']
/** The test bindings configure the Google and Slack OAuth clients only. */
const CONFIGURED_HERE = ['google-docs', 'google-sheets', 'gmail', 'slack', 'google-drive', 'google-calendar', 'youtube']

describe('the app catalog', () => {
  it('lists at least 39 real apps, X and LinkedIn among them', () => {
    expect(allApps.filter((app) => !app.demo).length).toBeGreaterThanOrEqual(39)
    expect(getApp('x')?.authType).toBe('oauth2')
    expect(getApp('linkedin')?.authType).toBe('oauth2')
  })

  it('files every app it adds under a category, and gives at least 15 real apps an action', () => {
    expect(allApps.filter((app) => !app.demo && app.actions.length > 0).length).toBeGreaterThanOrEqual(15)
    for (const app of allApps.slice(8).filter((entry) => !entry.demo)) expect(CATEGORIES).toContain(app.category)
  })

  it('lists every app once, by kebab-case id', () => {
    expect(allApps.map((app) => app.id)).toEqual(EXPECTED_IDS)
    for (const id of EXPECTED_IDS) expect(getApp(id)?.id).toBe(id)
    expect(getApp('nope')).toBeUndefined()
    expect(getApp('__proto__')).toBeUndefined()
  })

  it.each(allApps.map((app) => ({ app })))('$app.name is complete', ({ app }) => {
    expect(app.iconUrl).toBe(`/icons/${app.id}.svg`)
    for (const action of app.actions) {
      expect(action.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(action.fields.length).toBeGreaterThan(0)
    }
    if (app.category !== undefined) expect(CATEGORIES).toContain(app.category)
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
    expect(available(env)).toEqual(
      EXPECTED_IDS.filter((id) => getApp(id)?.authType !== 'oauth2' || CONFIGURED_HERE.includes(id) || id.startsWith('demo-')),
    )
    // wrangler.jsonc's vars as deployed, and no secrets.
    const bare: Env = {
      DB: env.DB,
      LINKS: env.LINKS,
      EMAIL: env.EMAIL,
      ASSETS: env.ASSETS,
      WEBHOOKS: env.WEBHOOKS,
      RUNS: env.RUNS,
      AUDIT: env.AUDIT,
      DEMO_APPS: '0',
      ALLOW_LOOPBACK_APPS: '0',
    }
    expect(available(bare)).toEqual([
      'wordpress',
      'clickup',
      'mailchimp',
      ...API_KEY_APPS,
      'jira',
      'freshdesk',
      'active-campaign',
      'trello',
      'zoom-server-to-server',
    ])
    expect(available({ ...bare, OAUTH_FACEBOOK_CLIENT_ID: 'id', OAUTH_FACEBOOK_CLIENT_SECRET: 'secret' })).toContain('facebook-pages')
    expect(available({ ...bare, OAUTH_FACEBOOK_CLIENT_ID: 'id' })).not.toContain('facebook-pages')
  })
})
