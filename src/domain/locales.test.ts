import { describe, expect, it } from 'vitest'
import { isLocale, localeFromAcceptLanguage, localeOfTag } from './locales'

describe('localeFromAcceptLanguage', () => {
  it('takes the highest q-value, not the first entry', () => {
    expect(localeFromAcceptLanguage('en;q=0.5, de;q=0.9, fr;q=0.7')).toBe('de')
    expect(localeFromAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toBe('fr')
  })

  it('keeps the earlier of two equal q-values', () => {
    expect(localeFromAcceptLanguage('nl;q=0.8, it;q=0.8')).toBe('nl')
  })

  it('skips languages it does not serve and q=0 refusals', () => {
    expect(localeFromAcceptLanguage('zh-CN, ja;q=0.4')).toBe('ja')
    expect(localeFromAcceptLanguage('de;q=0, es;q=0.1')).toBe('es')
  })

  it('maps Portuguese to Brazilian Portuguese and regional tags to their language', () => {
    expect(localeFromAcceptLanguage('pt')).toBe('pt-BR')
    expect(localeFromAcceptLanguage('pt-PT,pt;q=0.9')).toBe('pt-BR')
    expect(localeFromAcceptLanguage('de-AT')).toBe('de')
    expect(localeFromAcceptLanguage('JA-jp')).toBe('ja')
  })

  it('falls back to English for nothing, garbage, malformed q-values or an oversized header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en')
    expect(localeFromAcceptLanguage('')).toBe('en')
    expect(localeFromAcceptLanguage('zh, ko;q=0.9')).toBe('en')
    expect(localeFromAcceptLanguage('de;q=2, fr;q=abc')).toBe('en')
    expect(localeFromAcceptLanguage(`de,${'x'.repeat(300)}`)).toBe('en')
  })
})

describe('localeOfTag', () => {
  it('knows exactly our languages', () => {
    expect(localeOfTag('pt-br')).toBe('pt-BR')
    expect(localeOfTag('es-419')).toBe('es')
    expect(localeOfTag('xx')).toBeNull()
    expect(isLocale('pt-BR')).toBe(true)
    expect(isLocale('pt')).toBe(false)
  })
})
