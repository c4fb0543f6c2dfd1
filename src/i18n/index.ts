import { DEFAULT_LOCALE, type Locale } from '../domain/locales'
import { de } from './de'
import { en, type MessageKey, type Messages } from './en'
import { es } from './es'
import { fr } from './fr'
import { it } from './it'
import { ja } from './ja'
import { nl } from './nl'
import { ptBR } from './pt-BR'

export type { MessageKey, Messages }

/** Imported statically: the bundle holds every language, and no request builds or loads a catalog. */
export const CATALOGS: Record<Locale, Messages> = { en, es, fr, de, 'pt-BR': ptBR, it, nl, ja }

export type MessageParams = Record<string, string | number>

const PLACEHOLDER = /\{(\w+)\}/g

/** The message in that language with its `{placeholders}` filled; a value is inserted as is, never read for more placeholders. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = CATALOGS[locale][key]
  if (!params) return text
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
}

/** The placeholders a message uses, for the catalogs' test. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort()
}

/** One PluralRules per language and isolate: building one costs far more than asking it. */
const pluralRules = new Map<Locale, Intl.PluralRules>()

/** Picks the singular or plural form of a count ("1 attempt" / "2 attempts") as the language counts. */
export function plural(locale: Locale, count: number, one: MessageKey, other: MessageKey): string {
  let rules = pluralRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  return t(locale, rules.select(count) === 'one' ? one : other, { count })
}

export { DEFAULT_LOCALE }
