import { describe, expect, it } from 'vitest'
import { credentialValueMessage, credentialValueProblem } from './credential-values'

describe('credential values', () => {
  it.each([
    ['CR', 'demo_key\r123456', 'control_character'],
    ['LF', 'demo_key\n123456', 'control_character'],
    ['NUL', 'demo_key\u0000123456', 'control_character'],
    ['tab', 'demo_key\t123456', 'control_character'],
    ['DEL', 'demo_key\u007f123456', 'control_character'],
    ['C1', 'demo_key\u0085123456', 'control_character'],
  ])('refuses %s anywhere', (_name, value, problem) => {
    expect(credentialValueProblem(value, false)).toBe(problem)
    expect(credentialValueProblem(value, true)).toBe(problem)
  })

  it.each([
    ['é', 'demo_clé_123456'],
    ['emoji', 'demo_key_🔑_123456'],
    ['a non-breaking space', 'demo_key\u00a0123456'],
  ])('refuses %s only in a value sent in a header', (_name, value) => {
    expect(credentialValueProblem(value, true)).toBe('not_ascii')
    expect(credentialValueProblem(value, false)).toBeNull()
  })

  it('accepts printable ASCII, spaces included (WordPress application passwords have them)', () => {
    expect(credentialValueProblem('abcd EFGH ijkl 1234 !~', true)).toBeNull()
  })

  it('never repeats the value in its message', () => {
    for (const problem of ['control_character', 'not_ascii'] as const) {
      expect(credentialValueMessage(problem, 'API key', 'ClickUp')).toMatch(/^API key contains .* Copy it again from ClickUp\.$/)
    }
  })
})
