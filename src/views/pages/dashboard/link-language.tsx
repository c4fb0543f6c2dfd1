import { LOCALE_NAMES, LOCALES } from '../../../domain/locales'
import { Select } from '../../components/form'

/** The language of the client's pages for one link; empty lets the client's browser decide. */
export function LinkLanguageSelect({ id, value }: { id?: string; value?: string }) {
  return (
    <Select
      name="locale"
      id={id}
      label="Client’s language"
      value={value ?? ''}
      options={[
        { value: '', label: 'Their browser’s language' },
        ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
      ]}
      help="The pages your client sees use it; they can still switch language there."
    />
  )
}
