import { describe, expect, it } from 'vitest'
import { hashToken, isWellFormedToken, newToken } from './tokens'
import { timingSafeEqual } from './encoding'

describe('tokens', () => {
  it('are 24 random bytes in base64url', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(isWellFormedToken(token)).toBe(true)
    expect(new Set(Array.from({ length: 1000 }, () => newToken())).size).toBe(1000)
  })
  it('uses the random source it is given', () => {
    expect(newToken((bytes) => bytes.fill(0))).toBe('A'.repeat(32))
  })
  it('hashes to SHA-256 hex, never the token itself', async () => {
    const token = newToken()
    const hash = await hashToken(token)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toContain(token)
    expect(await hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
  it('rejects malformed tokens before any lookup', () => {
    expect(isWellFormedToken('')).toBe(false)
    expect(isWellFormedToken('a'.repeat(33))).toBe(false)
    expect(isWellFormedToken(`${'a'.repeat(31)}=`)).toBe(false)
  })
  it('compares in constant time', () => {
    expect(timingSafeEqual('abc', 'abc')).toBe(true)
    expect(timingSafeEqual('abc', 'abd')).toBe(false)
    expect(timingSafeEqual('abc', 'abcd')).toBe(false)
  })
})
