import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { securitySchemes } from '../src/openapi/components'
import { buildOpenApiDocument } from '../src/openapi/document'
import committed from '../public/api/v1/openapi.json'
import { operations } from '../src/openapi/operations'
import { call, OWNER_PASSWORD, signUpOwner } from './helpers'

/** Everything the JSON API routes, as `METHOD /path`; prefix middleware (`ALL …/*`) is not an operation. */
function routedOperations(): string[] {
  const routes = buildApp()
    .routes.filter(({ path }) => path.startsWith('/api/') || path.startsWith('/hooks/'))
    .filter(({ method, path }) => !(method === 'ALL' && path.endsWith('*')))
    .map(({ method, path }) => `${method} ${path}`)
  return [...new Set(routes)].sort()
}

describe('the OpenAPI document', () => {
  it('has an operation for every JSON API route, and a route for every operation', () => {
    const documented = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort()
    expect(routedOperations()).toEqual(documented)
    expect(new Set(documented).size).toBe(documented.length)
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length)
  })

  it('is served at /api/v1/openapi.json without signing in, as JSON, and the committed file is what the registry builds now', async () => {
    // Fails after a schema or operation changed without `npm run openapi`.
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())))
    const response = await call('/api/v1/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    // Every /api answer is no-store (docs/SECURITY.md, transport), this public one included.
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await response.json()).toEqual(committed)
  })

  it('names the session cookie the worker really sets, over http and https', async () => {
    const owner = await signUpOwner()
    const logIn = (origin: string) =>
      exports.default.fetch(
        new Request(`${origin}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: owner.email, password: OWNER_PASSWORD }),
        }),
      )
    const cookieName = async (origin: string) => {
      const response = await logIn(origin)
      expect(response.status).toBe(200)
      return response.headers.getSetCookie()[0]?.split('=')[0]
    }
    expect(await cookieName('https://tether.test')).toBe(securitySchemes.sessionCookie.name)
    expect(await cookieName('http://tether.test')).toBe(securitySchemes.localSessionCookie.name)
  })
})
