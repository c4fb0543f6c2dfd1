import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { auditedPath, checkProxyPath, proxyTargetUrl } from './proxy-path'

const BASE = 'https://api.example.com/v2'
const refused = (path: string) => {
  try {
    checkProxyPath(path)
    return false
  } catch (error) {
    return error instanceof AppError && error.code === 'invalid_request'
  }
}

const TRICKS = [
  '/../admin',
  '/a/../../b',
  '/a/./b',
  '/..',
  '//evil.example/x',
  '/a//b',
  '/@evil.example',
  '/a@b',
  '/a\\..\\b',
  '/%2e%2e/admin',
  '/%2E./x',
  '/a%2fb',
  '/a%2Fb',
  '/a%5cb',
  '/a%40b',
  '/a%252fb',
  '/a%00b',
  '/a%0ab',
  '/a%7f',
  '/a%zz',
  '/a%2',
  '/a\u0000b',
  '/a\nb',
  '/a b',
  '/a\u00e9',
  'relative',
  '',
  `/${'a'.repeat(2100)}`,
]

describe('checkProxyPath', () => {
  it.each(TRICKS)('refuses %j', (path) => {
    expect(refused(path)).toBe(true)
  })

  it('accepts ordinary API paths, with a trailing slash, colons and safe escapes', () => {
    for (const path of ['/users/me', '/wp/v2/posts/', '/spreadsheets/abc:batchUpdate', '/search/caf%C3%A9', '/a-b_c~d.json']) {
      expect(checkProxyPath(path)).toBe(path)
    }
  })

  it('refuses any path that holds one of the tricks, wherever it sits', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_~-]{1,8}$/)
    const trick = fc.constantFrom('..', '.', '', '@x', 'a\\b', '%2e', '%2F', '%5C', '%25', '%40', '%0d', '\t', '%')
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), trick, fc.array(segment, { minLength: 1, maxLength: 4 }), (before, bad, after) =>
        refused(`/${[...before, bad, ...after].join('/')}`),
      ),
    )
  })

  it('keeps every accepted path on the base: same origin, under the base path, no dot segment once decoded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (tail) => {
        const path = `/${tail}`
        if (refused(path)) return true
        const target = proxyTargetUrl(BASE, path, '')
        const decoded = decodeURIComponent(target.pathname).split('/')
        return target.origin === 'https://api.example.com' && target.pathname.startsWith('/v2/') && !decoded.includes('..')
      }),
    )
  })
})

describe('proxyTargetUrl', () => {
  it('joins base, path and query, whatever slashes the base ends with', () => {
    expect(proxyTargetUrl(BASE, '/users', '?a=1&b=2').href).toBe('https://api.example.com/v2/users?a=1&b=2')
    expect(proxyTargetUrl('https://api.example.com/', '/users', '').href).toBe('https://api.example.com/users')
  })
})

describe('auditedPath', () => {
  it('keeps the parameter names, never their values', () => {
    expect(auditedPath('/users', '?email=ada%40example.com&page=2&page=3')).toBe('/users?email&page')
    expect(auditedPath('/users', '')).toBe('/users')
  })
})
