import { describe, expect, it } from 'vitest'
import { redactedJson, redactText } from './redact'

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
