import type { AppDefinition } from '../../../apps/types'

/** What the client is asked to grant, in plain words. */
export function accessSummary(app: AppDefinition): string[] {
  if (app.oauth) return app.oauth.scopeDescriptions
  const secrets = app.fields.filter((field) => field.secret).map((field) => field.label.toLowerCase())
  const others = app.fields.filter((field) => !field.secret).map((field) => field.label.toLowerCase())
  return [
    `Your ${app.name} ${secrets.join(' and ') || 'API key'}${others.length ? ` (with your ${others.join(' and ')})` : ''}, used to act on your account`,
  ]
}
