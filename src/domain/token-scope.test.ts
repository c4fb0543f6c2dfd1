import { describe, expect, it } from 'vitest'
import { lastUseIsStale, scopeAllows } from './token-scope'

describe('token scopes', () => {
  it('a read token may only GET and HEAD; a write token may do anything', () => {
    for (const method of ['GET', 'HEAD', 'get']) expect(scopeAllows('read', method), method).toBe(true)
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect(scopeAllows('read', method), method).toBe(false)
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) expect(scopeAllows('write', method), method).toBe(true)
  })

  it('a last use is worth writing when none is known or it is over a minute old', () => {
    expect(lastUseIsStale(null, 1_000_000)).toBe(true)
    expect(lastUseIsStale(1_000_000 - 60_000, 1_000_000)).toBe(false)
    expect(lastUseIsStale(1_000_000 - 60_001, 1_000_000)).toBe(true)
  })
})
