import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { appContext } from './context'
import { allApps } from './index'
import type { AppContext, AppDefinition } from './types'

/** Credentials each API-key app accepts the shape of, every value holding its own marker. */
const SAMPLES: Record<string, Record<string, string>> = {
  wordpress: { siteUrl: 'https://markersite.example', username: 'markeruser', applicationPassword: 'good markerpass' },
  clickup: { apiToken: 'pk_good_markertoken' },
  mailchimp: { apiKey: 'good0markerkey-us21' },
  'demo-tasks': { apiKey: 'demo_markerkey_123' },
  stripe: { secretKey: 'rk_good_markerkey' },
  sendgrid: { apiKey: 'SG.markerkey' },
  brevo: { apiKey: 'xkeysib-markerkey' },
  kit: { apiKey: 'kit_markerkey' },
  klaviyo: { privateKey: 'pk_markerkey' },
  intercom: { accessToken: 'markertoken' },
  linear: { apiKey: 'lin_api_markerkey' },
  figma: { accessToken: 'figd_markertoken' },
  postmark: { serverToken: 'markertoken-1' },
  todoist: { apiToken: 'markertoken-todoist' },
  jira: { site: 'markersite', email: 'marker@mail.example', apiToken: 'good-markertoken' },
  freshdesk: { domain: 'markerdomain', apiKey: 'good-markerkey' },
  'active-campaign': { accountUrl: 'https://markeraccount.example', apiKey: 'good-markerkey' },
  trello: { apiKey: 'good-markerkey', token: 'good-markertoken' },
  'zoom-server-to-server': { accountId: 'markeraccount', clientId: 'markerclient', clientSecret: 'good-markersecret' },
}

/** Every header value of every request the app's "who am I" makes with `credentials`. */
async function headersSent(app: AppDefinition, credentials: Record<string, string>): Promise<string[]> {
  const sent: string[] = []
  const ctx: AppContext = {
    ...appContext(env, app),
    fetch: async (_url, init) => {
      for (const [, value] of new Headers(init?.headers)) sent.push(value)
      return Response.json({}, { status: 401 })
    },
  }
  await app.verify(ctx, credentials).catch(() => undefined)
  return sent
}

describe('inHeader, declared on each credential field', () => {
  const withFields = allApps.filter((app) => app.fields.length > 0)

  it('has a sample for every app with fields', () => {
    expect(withFields.map((app) => app.id).sort()).toEqual(Object.keys(SAMPLES).sort())
  })

  it.each(withFields.map((app) => ({ app })))(
    '$app.name: a field is inHeader exactly when its value is sent as-is in a header',
    async ({ app }) => {
      const sample = SAMPLES[app.id]!
      const sent = await headersSent(app, sample)
      expect(sent.length).toBeGreaterThan(0)
      for (const field of app.fields) {
        const verbatim = sent.some((value) => value.includes(sample[field.key]!))
        expect({ field: field.key, inHeader: field.inHeader === true }).toEqual({ field: field.key, inHeader: verbatim })
      }
    },
  )
})
