import { describe, expect, it } from 'vitest'
import { AppError } from '../domain/errors'
import { authenticate, injectedValues, requestAuthOf } from './inject'
import type { AppDefinition, RequestAuth } from './types'

const appWith = (requestAuth: RequestAuth | undefined, authType: AppDefinition['authType'] = 'api_key'): AppDefinition => ({
  id: 'sample',
  name: 'Sample',
  iconUrl: '/icons/sample.svg',
  category: 'developer',
  authType,
  fields: [
    { key: 'key', label: 'API key', secret: true },
    { key: 'user', label: 'User', secret: false },
  ],
  defaultEndpoints: { apiBaseUrl: 'https://api.sample.test' },
  verify: async () => ({ label: 'x' }),
  actions: [],
  ...(requestAuth ? { requestAuth } : {}),
})

function sent(requestAuth: RequestAuth | undefined, credentials: Record<string, string>, authType?: AppDefinition['authType']) {
  const request = {
    url: new URL('https://api.sample.test/v1/items?page=2&key=callers'),
    headers: new Headers({ accept: 'application/json' }),
  }
  authenticate(appWith(requestAuth, authType), credentials, request)
  return { url: request.url.href, headers: Object.fromEntries(request.headers) }
}

describe('authenticate: each auth mode as the app declares it', () => {
  it('bearer, raw or prefixed header, basic with a field or a fixed user, query key (replacing the caller’s)', () => {
    const credentials = { key: 'k_secret_123', user: 'ada' }
    expect(sent({ kind: 'bearer', field: 'key' }, credentials).headers.authorization).toBe('Bearer k_secret_123')
    expect(sent({ kind: 'header', header: 'x-api-key', field: 'key' }, credentials).headers['x-api-key']).toBe('k_secret_123')
    expect(sent({ kind: 'header', header: 'authorization', field: 'key', prefix: 'Token ' }, credentials).headers.authorization).toBe(
      'Token k_secret_123',
    )
    expect(sent({ kind: 'basic', username: { field: 'user' }, passwordField: 'key' }, credentials).headers.authorization).toBe(
      `Basic ${btoa('ada:k_secret_123')}`,
    )
    expect(sent({ kind: 'basic', username: { value: 'anystring' }, passwordField: 'key' }, credentials).headers.authorization).toBe(
      `Basic ${btoa('anystring:k_secret_123')}`,
    )
    const query = sent({ kind: 'query', param: 'key', field: 'key' }, credentials)
    expect(query.url).toBe('https://api.sample.test/v1/items?page=2&key=k_secret_123')
    expect(query.headers).toEqual({ accept: 'application/json' })
  })

  it('OAuth apps send the access token as Bearer by default; other apps must declare how', () => {
    expect(sent(undefined, { accessToken: 'at_123456' }, 'oauth2').headers.authorization).toBe('Bearer at_123456')
    expect(() => requestAuthOf(appWith(undefined))).toThrow(AppError)
  })

  it('a missing credential is invalid_credentials, never a request without it', () => {
    expect(() => sent({ kind: 'bearer', field: 'key' }, { user: 'ada' })).toThrow(expect.objectContaining({ code: 'invalid_credentials' }))
  })

  it('lists every injected value, raw and as the header carries it, for scrubbing', () => {
    const values = injectedValues(appWith({ kind: 'basic', username: { field: 'user' }, passwordField: 'key' }), {
      key: 'k_secret_123',
      user: 'ada',
    })
    expect(values).toEqual([`Basic ${btoa('ada:k_secret_123')}`, btoa('ada:k_secret_123')])
  })
})
