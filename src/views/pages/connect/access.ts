import type { AppDefinition, Field } from '../../../apps/types'
import { DEFAULT_LOCALE, type Locale } from '../../../domain/locales'
import type { AppWording } from '../../../i18n/client-errors'
import { t } from '../../../i18n'

/** A label inside a sentence: "Site URL" → "site URL", but "API key" stays "API key". */
const inSentence = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1))

/** The client's three steps, the middle one named for how this app signs in. */
export function flowSteps(app: AppDefinition, locale: Locale = DEFAULT_LOCALE): readonly [string, string, string] {
  return [t(locale, 'steps.review'), t(locale, app.authType === 'oauth2' ? 'steps.signIn' : 'steps.enterKey'), t(locale, 'steps.done')]
}

/** A field as the client reads it: the app's own wording in their language where it has one, else its English. */
export function localizedField(app: AppDefinition, field: Field, locale: Locale): Field {
  const override = app.translations?.[locale]?.fields?.[field.key]
  return override ? { ...field, ...override } : field
}

export function appWording(app: AppDefinition, locale: Locale): AppWording {
  return {
    name: app.name,
    label: (key) => {
      const field = app.fields.find((candidate) => candidate.key === key)
      return field ? localizedField(app, field, locale).label : key
    },
  }
}

/** What the client is asked to grant, in plain words. */
export function accessSummary(app: AppDefinition, locale: Locale = DEFAULT_LOCALE): string[] {
  if (app.oauth) {
    const translated = app.translations?.[locale]?.scopeDescriptions
    return translated?.length === app.oauth.scopeDescriptions.length ? translated : app.oauth.scopeDescriptions
  }
  const fields = app.fields.map((field) => localizedField(app, field, locale))
  const secrets = fields.filter((field) => field.secret).map((field) => inSentence(field.label))
  const others = fields.filter((field) => !field.secret).map((field) => inSentence(field.label))
  if (locale !== DEFAULT_LOCALE) {
    const labels = fields.map((field) => field.label)
    return [
      labels.length
        ? t(locale, 'access.credentials', { app: app.name, fields: labels.join(', ') })
        : t(locale, 'access.apiKey', { app: app.name }),
    ]
  }
  return [
    `Your ${app.name} ${secrets.join(' and ') || 'API key'}` +
      `${others.length ? ` (with your ${others.join(' and ')})` : ''}, used to act on your account`,
  ]
}
