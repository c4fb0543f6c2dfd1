import { LOCALE_NAMES, LOCALES } from '../../domain/locales'
import { useLocale, useT } from '../locale'

/**
 * A disclosure of plain links, so it works without JavaScript. The links are relative (`?lang=de`) and carry nothing
 * of the page, which keeps every unusable link's page byte-identical within a language.
 */
export function LanguageMenu() {
  const locale = useLocale()
  const t = useT()
  return (
    <details class="language-menu">
      <summary>
        <span class="visually-hidden">{t('layout.languages')}: </span>
        {LOCALE_NAMES[locale]}
      </summary>
      <ul>
        {LOCALES.map((option) => (
          <li>
            <a href={`?lang=${option}`} hreflang={option} lang={option} aria-current={option === locale ? 'true' : undefined}>
              {LOCALE_NAMES[option]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  )
}
