import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { DEFAULT_LOCALE, type Locale } from '../domain/locales'
import { type MessageKey, type MessageParams, t } from '../i18n'

/** The page's language, provided once by renderPage like the time zone; the dashboard stays English. */
export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE)

export type Translate = (key: MessageKey, params?: MessageParams) => string

/** `t` bound to the page's language. */
export function useT(): Translate {
  const locale = useContext(LocaleContext)
  return (key, params) => t(locale, key, params)
}

export const useLocale = () => useContext(LocaleContext)
