import { afterEach, describe, expect, it, vi } from 'vitest'
import { toAppError } from './errors'

describe('unexpected errors', () => {
  afterEach(() => vi.restoreAllMocks())

  it('are logged with their name and where they were thrown, never with their message', () => {
    const logged: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
    const thrown = new TypeError('A header value for authorization contains non-ASCII characters: Bearer demo_secret_é')
    expect(toAppError(thrown)).toMatchObject({ code: 'internal_error', status: 500 })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toContain('TypeError')
    expect(logged[0]).toMatch(/\n?\s+at /)
    expect(logged[0]).not.toContain('demo_secret')
    expect(logged[0]).not.toContain('non-ASCII')
  })
})
