import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanName } from './names'

const INVISIBLE = [
  '\u202E',
  '\u202D',
  '\u202A',
  '\u200B',
  '\u200E',
  '\u200F',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\uFEFF',
  '\u061C',
  '\u00AD',
]

describe('cleanName', () => {
  it('drops bidi controls, zero-width characters and the BOM', () => {
    expect(cleanName('BigBank \u202EytiruceS TI\u202C')).toBe('BigBank ytiruceS TI')
    for (const ch of INVISIBLE) expect(cleanName(`Ann${ch}Lee`)).toBe('AnnLee')
  })

  it('turns control characters into spaces', () => {
    expect(cleanName('Ann\r\nLee\u0000\tX')).toBe('Ann Lee X')
  })

  it('keeps letters, accents, emoji and right-to-left scripts', () => {
    for (const name of ['Zoë Ågren', 'محمد', 'שרה כהן', '株式会社', 'Ops 🚀']) expect(cleanName(name)).toBe(name)
  })

  it('never leaves a format or control character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        expect(cleanName(raw)).not.toMatch(/[\p{Cf}\p{Cc}]/u)
      }),
    )
  })
})
