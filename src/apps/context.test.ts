import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Env } from '../env'
import { clickup } from './clickup'
import { appContext, DEMO_ORIGIN } from './context'
import { demoDocs } from './demo-docs'
import { googleDocs } from './google-docs'
import { basicAuth } from './http'

describe('appContext', () => {
  it('overlays APP_ENDPOINTS on the app’s own endpoints', () => {
    const ctx = appContext(env, googleDocs)
    expect(ctx.endpoints).toEqual({
      authorizeUrl: `${env.FAKES_URL}/google/auth`,
      tokenUrl: `${env.FAKES_URL}/google/token`,
      userinfoUrl: `${env.FAKES_URL}/google/userinfo`,
      revokeUrl: `${env.FAKES_URL}/google/revoke`,
      apiBaseUrl: `${env.FAKES_URL}/google-docs`,
    })
    expect(ctx.appName).toBe('Google Docs')
    expect(appContext(env, demoDocs).endpoints).toEqual(demoDocs.defaultEndpoints)
    expect(appContext(env, clickup).endpoints).toEqual({ apiBaseUrl: env.FAKES_URL })
  })

  it('returns a redirect instead of following it', async () => {
    const response = await appContext(env, googleDocs).fetch(`${env.FAKES_URL}/wp/wp-json/wp/v2/users/me`, {
      headers: { authorization: basicAuth('wendy', 'redirect') },
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('http://169.254.169.254/latest/meta-data/')
  })

  it('dispatches the demo origin in-process, with the request as given', async () => {
    const seen: Request[] = []
    const ctx = appContext(env, demoDocs, async (request) => {
      seen.push(request)
      return new Response('in-process')
    })
    const response = await ctx.fetch(`${DEMO_ORIGIN}/demo/tasks/me`, { headers: { authorization: 'Bearer demo_key_123456' } })
    expect(await response.text()).toBe('in-process')
    expect(seen.map((request) => [request.url, request.headers.get('authorization'), request.redirect])).toEqual([
      [`${DEMO_ORIGIN}/demo/tasks/me`, 'Bearer demo_key_123456', 'manual'],
    ])
  })

  it('times out an in-process call too', async () => {
    const ctx = appContext(env, demoDocs, () => new Promise<Response>(() => {}))
    const started = Date.now()
    await expect(ctx.fetch(`${DEMO_ORIGIN}/demo/oauth/userinfo`)).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('honours a caller’s own abort signal alongside the timeout', async () => {
    const controller = new AbortController()
    const ctx = appContext(env, demoDocs, () => new Promise<Response>(() => {}))
    const pending = ctx.fetch(`${DEMO_ORIGIN}/demo/oauth/userinfo`, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('never sends the demo origin to the network', async () => {
    await expect(appContext(env, demoDocs).fetch(`${DEMO_ORIGIN}/demo/oauth/userinfo`)).rejects.toThrow(/not served here/)
  })

  it('checks client-typed URLs with ALLOW_LOOPBACK_APPS', () => {
    expect(appContext(env, googleDocs).assertPublicUrl(`${env.FAKES_URL}/wp`).href).toBe(`${env.FAKES_URL}/wp`)
    expect(() => appContext(env, googleDocs).assertPublicUrl('http://10.1.2.3/wp')).toThrow(/https/)
    const production: Env = { ...env, ALLOW_LOOPBACK_APPS: '0' }
    expect(() => appContext(production, googleDocs).assertPublicUrl(`${env.FAKES_URL}/wp`)).toThrow(/https/)
    expect(() => appContext(production, googleDocs).assertPublicUrl('https://localhost/wp')).toThrow(/this computer/)
  })
})
