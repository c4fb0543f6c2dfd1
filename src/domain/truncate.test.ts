import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { capJson, capText } from './truncate'

describe('caps', () => {
  it('cuts text with an ellipsis, never inside a surrogate pair', () => {
    expect(capText('short', 10)).toBe('short')
    expect(capText('a'.repeat(300), 200)).toBe(`${'a'.repeat(199)}…`)
    expect(capText(`${'a'.repeat(198)}😀😀`, 200)).toBe(`${'a'.repeat(198)}…`)
  })

  it('keeps JSON that fits and marks the rest as truncated', () => {
    expect(capJson('{"a":1}', 100)).toBe('{"a":1}')
    const json = JSON.stringify({ name: 'x'.repeat(900_000) })
    const capped = capJson(json, 16 * 1024)
    expect(capped.length).toBeLessThanOrEqual(16 * 1024)
    expect(JSON.parse(capped)).toMatchObject({
      truncated: true,
      originalLength: json.length,
      preview: expect.stringMatching(/^\{"name":"x+$/),
    })
  })

  it('property: whatever the JSON, the capped record is valid JSON within the cap', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 80, max: 400 }), (value, max) => {
        const capped = capJson(JSON.stringify(value), max)
        JSON.parse(capped)
        return capped.length <= max
      }),
    )
  })
})
