import { describe, expect, it } from 'vitest'
import { AppError } from '../domain/errors'
import { basicAuth } from './http'
import { apiBaseUrlFor, injectCredentials } from './placement'
import type { AppContext, AppDefinition, CredentialPlacement } from './types'

function appWith(credentialPlacement?: CredentialPlacement, apiBaseUrl = 'https://api.example.com'): AppDefinition {
  return {
    id: 'sample',
    name: 'Sample',
    iconUrl: '/icons/sample.svg',
    category: 'developer',
    authType: 'api_key',
    fields: [
      { key: 'key', label: 'API key', secret: true },
      { key: 'user', label: 'User', secret: false },
      { key: 'site', label: 'Site', secret: false, type: 'subdomain' },
      { key: 'account', label: 'Account URL', secret: false, type: 'url' },
    ],
    ...(credentialPlacement ? { credentialPlacement } : {}),
    defaultEndpoints: { apiBaseUrl },
    verify: async () => ({ label: 'unused' }),
    actions: [],
  }
}
const ctxOf = (app: AppDefinition): AppContext => ({
  appName: app.name,
  endpoints: app.defaultEndpoints,
  fetch: () => Promise.reject(new Error('no calls here')),
  assertPublicUrl: (url) => {
    if (!url.startsWith('https://')) throw new AppError('invalid_request', 'not public')
    return new URL(url)
  },
})
const credentials = { key: 'k-1', user: 'ulla', site: 'acme', account: 'https://acme.example.com/', accessToken: 'tok' }

describe('injectCredentials', () => {
  it.each([
    [undefined, 'https://api.example.com/me', { authorization: 'Bearer tok' }],
    [{ in: 'bearer', field: 'key' }, 'https://api.example.com/me', { authorization: 'Bearer k-1' }],
    [{ in: 'header', name: 'x-api-key', field: 'key' }, 'https://api.example.com/me', { 'x-api-key': 'k-1' }],
    [{ in: 'header', name: 'authorization', field: 'key', prefix: 'Token ' }, 'https://api.example.com/me', { authorization: 'Token k-1' }],
    [{ in: 'query', params: { api_key: 'key', u: 'user' } }, 'https://api.example.com/me?api_key=k-1&u=ulla', {}],
    [{ in: 'basic', username: 'user', password: 'key' }, 'https://api.example.com/me', { authorization: basicAuth('ulla', 'k-1') }],
    [{ in: 'basic', username: 'key', fixedPassword: 'X' }, 'https://api.example.com/me', { authorization: basicAuth('k-1', 'X') }],
  ] as const)('%j puts the secret where declared', (placement, url, headers) => {
    const injected = injectCredentials(appWith(placement), credentials, 'https://api.example.com/me', { accept: 'application/json' })
    expect(injected.url).toBe(url)
    expect(Object.fromEntries(injected.headers)).toEqual({ accept: 'application/json', ...headers })
  })

  it('refuses a connection missing the declared field, naming it but not any value', () => {
    const error = (() => {
      try {
        injectCredentials(appWith({ in: 'header', name: 'x-api-key', field: 'key' }), { user: 'ulla' }, 'https://api.example.com')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'The Sample connection has no API key. Reconnect it.' })
  })
})

describe('apiBaseUrlFor', () => {
  it('fills a subdomain, a URL (its trailing slash dropped) and plain text', () => {
    const app = appWith(undefined, 'https://{site}.example.net/{user}|{account}/v1')
    expect(apiBaseUrlFor(app, ctxOf(app), credentials)).toBe('https://acme.example.net/ulla|https://acme.example.com/v1')
  })

  it.each([{ site: 'acme.evil.com' }, { site: 'ac/me' }, { account: 'http://10.0.0.1' }])('refuses %j', (bad) => {
    const app = appWith(undefined, 'https://{site}.example.net{account}')
    expect(() => apiBaseUrlFor(app, ctxOf(app), { ...credentials, ...bad })).toThrow(AppError)
  })

  it('never fills a placeholder from a secret field', () => {
    const app = appWith(undefined, 'https://api.example.com/{key}')
    expect(() => apiBaseUrlFor(app, ctxOf(app), credentials)).toThrow(/missing its key/)
  })
})
