import { describe, expect, it } from 'vitest'
import { LOCALES } from '../domain/locales'
import { CATALOGS, placeholdersOf, plural, t } from '.'
import { en } from './en'

const keys = Object.keys(en).sort()

describe.each(LOCALES.filter((locale) => locale !== 'en'))('the %s catalog', (locale) => {
  const catalog: Record<string, string> = CATALOGS[locale]

  it('has exactly the keys of en', () => {
    expect(Object.keys(catalog).sort()).toEqual(keys)
  })

  it('uses the same placeholders as en in every message', () => {
    for (const key of keys) expect(placeholdersOf(catalog[key] ?? ''), key).toEqual(placeholdersOf(en[key as keyof typeof en]))
  })

  it('is a translation, not a copy of en', () => {
    const copied = keys.filter((key) => catalog[key] === en[key as keyof typeof en] && /[a-z]{3}/i.test(catalog[key] ?? ''))
    // A handful of words are the same in some languages ("Link", "Tether"); whole sentences never are.
    expect(
      copied.filter((key) => (catalog[key] ?? '').includes(' ')),
      'untranslated sentences',
    ).toEqual([])
  })
})

describe('t', () => {
  it('fills placeholders once, leaving unknown ones and placeholder-like values alone', () => {
    expect(t('de', 'form.title', { app: 'Slack' })).toBe('Slack verbinden')
    expect(t('en', 'form.for', { name: '{app}' })).toBe('For “{app}”')
    expect(t('en', 'form.title')).toBe('Connect {app}')
  })

  it('counts as each language does', () => {
    expect(plural('en', 1, 'form.attemptsOne', 'form.attemptsOther')).toBe('1 attempt left')
    expect(plural('en', 0, 'form.attemptsOne', 'form.attemptsOther')).toBe('0 attempts left')
    expect(plural('fr', 0, 'form.attemptsOne', 'form.attemptsOther')).toBe('Il vous reste 0 tentative')
    expect(plural('de', 3, 'form.attemptsOne', 'form.attemptsOther')).toBe('Noch 3 Versuche')
  })
})
