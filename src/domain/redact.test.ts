import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toBase64, toBase64Url, toHex, utf8 } from './encoding'
import { MIN_SECRET_LENGTH, REDACTED, Redactor, redactedJson, redactText, secretForms } from './redact'

describe('redaction', () => {
  it('replaces every occurrence of each secret in text', () => {
    expect(redactText('key abc123XYZ and again abc123XYZ', ['abc123XYZ'])).toBe('key [redacted] and again [redacted]')
  })

  it('replaces the longer secret first when one contains another', () => {
    expect(redactText('token-123456-extended', ['token-123456', 'token-123456-extended'])).toBe('[redacted]')
  })

  it('ignores values too short to be secrets', () => {
    expect(redactText('a draft post', ['draft', ''])).toBe('a draft post')
  })

  it('redacts inside JSON, including characters JSON escapes', () => {
    const secret = 'pa"ss\\word/1'
    const json = redactedJson({ echo: { header: `Bearer ${secret}` }, list: [secret] }, [secret])
    expect(json).not.toContain(JSON.stringify(secret).slice(1, -1))
    expect(JSON.parse(json)).toEqual({ echo: { header: 'Bearer [redacted]' }, list: ['[redacted]'] })
  })
})

/** Independent of `secretForms`: how an upstream could echo `text` back. */
const echoes: Record<string, (text: string) => string> = {
  raw: (text) => text,
  'JSON-escaped': (text) => JSON.stringify(text).slice(1, -1),
  'URL-encoded': encodeURIComponent,
  'form-encoded': (text) => new URLSearchParams({ q: text }).toString().slice(2),
  hex: (text) => toHex(utf8.encode(text)),
  base64: (text) => toBase64(utf8.encode(text)),
  base64url: (text) => toBase64Url(utf8.encode(text)),
}

/** The characters of `encoded(prefix + secret + suffix)` that the secret alone decides, which must not survive. */
function decidedBySecret(name: string, prefix: string, secret: string): string {
  if (name === 'base64' || name === 'base64url') {
    const before = utf8.encode(prefix).length
    const length = utf8.encode(secret).length
    const whole = echoes[name]!(prefix + secret)
    return whole.slice(Math.ceil((before * 4) / 3), Math.floor(((before + length) * 4) / 3))
  }
  return echoes[name]!(secret)
}

describe('redaction of encoded secrets', () => {
  const secret = 'pa ss+wörd/1é!'

  it.each(Object.keys(echoes))('finds a %s secret, alone or inside a longer value', (name) => {
    for (const prefix of ['', 'u:', 'us:', 'use:', 'wendy:']) {
      const echoed = `before ${echoes[name]!(`${prefix}${secret}-tail`)} after`
      const scrubbed = redactText(echoed, [secret])
      expect({ name, prefix, scrubbed: scrubbed.includes(decidedBySecret(name, prefix, secret)) }).toEqual({
        name,
        prefix,
        scrubbed: false,
      })
      expect(scrubbed).toContain(REDACTED)
      expect(scrubbed.startsWith('before ') && scrubbed.endsWith(' after')).toBe(true)
    }
  })

  it('scrubs nested values: strings, keys, numbers, a JSON document inside a string', () => {
    const numeric = '98765432'
    const value = {
      [secret]: 1,
      list: [{ deep: `Basic ${toBase64(utf8.encode(`wendy:${secret}`))}` }],
      count: 98765432,
      body: JSON.stringify({ echoed: 'x"y\\z-secret' }),
      kept: 'draft',
    }
    const scrubbed = new Redactor([secret, numeric, 'x"y\\z-secret']).value(value)
    expect(scrubbed).toEqual({
      [REDACTED]: 1,
      list: [{ deep: expect.stringMatching(/^Basic [A-Za-z0-9+/]{0,8}\[redacted\][A-Za-z0-9+/=]{0,4}$/) }],
      count: REDACTED,
      body: `{"echoed":"${REDACTED}"}`,
      kept: 'draft',
    })
  })

  it('property: no encoding of a secret survives, wherever it sits in a longer value', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 40, unit: 'grapheme' }),
        fc.string({ maxLength: 5, unit: 'grapheme' }),
        fc.string({ maxLength: 5, unit: 'grapheme' }),
        fc.constantFrom(...Object.keys(echoes)),
        (secret, prefix, suffix, name) => {
          const text = `«${echoes[name]!(`${prefix}${secret}${suffix}`)}»`
          const scrubbed = redactText(text, [secret])
          return !scrubbed.includes(decidedBySecret(name, prefix, secret)) && scrubbed.startsWith('«')
        },
      ),
    )
  })

  it('leaves values shorter than the minimum alone, in every form', () => {
    expect(secretForms('abcde')).toEqual([])
    expect(redactText(toBase64(utf8.encode('abcde')), ['abcde'])).toBe(toBase64(utf8.encode('abcde')))
  })
})
