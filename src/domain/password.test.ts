import { describe, expect, it } from 'vitest'
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from './password'

describe('passwords', () => {
  it('stay within what production Workers accept', () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000)
  })
  it('hash with a per-user salt and verify', async () => {
    const a = await hashPassword('correct horse battery')
    const b = await hashPassword('correct horse battery')
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
    expect(await verifyPassword('correct horse battery', a)).toBe(true)
    expect(await verifyPassword('correct horse batterz', a)).toBe(false)
  })
})
