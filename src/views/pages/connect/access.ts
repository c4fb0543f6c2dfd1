import type { AppDefinition } from '../../../apps/types'

/** A label inside a sentence: "Site URL" → "site URL", but "API key" stays "API key". */
const inSentence = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1))

/** The client's three steps, the middle one named for how this app signs in. */
export function flowSteps(app: AppDefinition): readonly [string, string, string] {
  return app.authType === 'oauth2' ? ['Review', 'Sign in', 'Done'] : ['Review', 'Enter key', 'Done']
}

/** What the client is asked to grant, in plain words. */
export function accessSummary(app: AppDefinition): string[] {
  if (app.oauth) return app.oauth.scopeDescriptions
  const secrets = app.fields.filter((field) => field.secret).map((field) => inSentence(field.label))
  const others = app.fields.filter((field) => !field.secret).map((field) => inSentence(field.label))
  return [
    `Your ${app.name} ${secrets.join(' and ') || 'API key'}` +
      `${others.length ? ` (with your ${others.join(' and ')})` : ''}, used to act on your account`,
  ]
}
