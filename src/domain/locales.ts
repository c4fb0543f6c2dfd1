/** The languages client pages are written in, and how a visitor's one is chosen. Pure. */

export const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'it', 'nl', 'ja'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Each language named in itself, as the language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  it: 'Italiano',
  nl: 'Nederlands',
  ja: '日本語',
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** A language tag as we serve it: `de-AT` → de, `pt` and `pt-PT` → pt-BR (our only Portuguese), anything else null. */
export function localeOfTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase()
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower)
  if (exact) return exact
  const primary = lower.split('-')[0]
  if (primary === 'pt') return 'pt-BR'
  return LOCALES.find((locale) => locale === primary) ?? null
}

const ACCEPT_LANGUAGE_MAX = 256
const Q_VALUE = /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/

/**
 * RFC 9110 §12.5.4: the served language with the highest q-value, earlier entries winning ties; `q=0` means
 * "not this one". A header we cannot read, or one naming none of ours, gives the default.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header || header.length > ACCEPT_LANGUAGE_MAX) return DEFAULT_LOCALE
  let best: Locale | null = null
  let bestQ = 0
  for (const entry of header.split(',')) {
    const [tag = '', ...params] = entry.split(';').map((part) => part.trim())
    const qParam = params.find((param) => param.toLowerCase().startsWith('q='))
    if (qParam !== undefined && !Q_VALUE.test(qParam.toLowerCase())) continue
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    const locale = tag === '*' ? DEFAULT_LOCALE : localeOfTag(tag)
    if (locale && q > bestQ) {
      best = locale
      bestQ = q
    }
  }
  return best ?? DEFAULT_LOCALE
}
