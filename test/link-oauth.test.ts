import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { toBase64Url } from '../src/domain/encoding'
import { call, followRedirect, form, getConnection, requestLink, signUpOwner } from './helpers'
import { fakeCursor, fakeRequests } from './fake-requests'

async function s256(verifier: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))))
}

/** Client accepts; returns the provider URL and the browser-bound state cookie. */
async function acceptOAuth(path: string) {
  const accepted = await call(`${path}/accept`, form({}))
  expect(accepted.status).toBe(302)
  const location = new URL(accepted.headers.get('location')!)
  const cookie = accepted.headers.getSetCookie().find((c) => c.startsWith('tether_oauth_state='))!
  return { location, cookie, cookiePair: cookie.split(';')[0]! }
}

async function tokenRequestsFor(code: string, since: number) {
  const { requests } = await fakeRequests(since)
  return requests.filter((r) => r.path === '/google/token' && new URLSearchParams(r.body).get('code') === code)
}

describe('connection sharing via link: OAuth app', () => {
  it('signs in with PKCE S256 and a browser-bound one-time state, then stores the tokens', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const invitation = await call(link.path)
    expect(invitation.status).toBe(200)
    const page = await invitation.text()
    expect(page).toContain('Google Docs')
    expect(invitation.headers.get('content-security-policy')).toContain(`form-action 'self' ${env.FAKES_URL}`)

    const { location, cookie, cookiePair } = await acceptOAuth(link.path)
    expect(location.origin + location.pathname).toBe(`${env.FAKES_URL}/google/auth`)
    expect(location.searchParams.get('code_challenge_method')).toBe('S256')
    expect(location.searchParams.get('redirect_uri')).toBe('http://tether.test/connect/oauth/callback')
    const state = location.searchParams.get('state')!
    expect(state.length).toBeGreaterThanOrEqual(32)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(Number(/Max-Age=(\d+)/i.exec(cookie)?.[1])).toBeLessThanOrEqual(600)

    // The fake provider: a consenting user is sent back with a code.
    const consent = await fetch(location, { redirect: 'manual' })
    const back = new URL(consent.headers.get('location')!)
    const code = back.searchParams.get('code')!
    const since = await fakeCursor()
    const answered = await call(`/connect/oauth/callback${back.search}`, { cookie: cookiePair })
    expect(answered.headers.get('location')).toBe('/connect/done')
    const callback = await followRedirect(answered, undefined, cookiePair)
    expect(callback.status).toBe(200)
    expect(await callback.text()).toContain('Connection created successfully')

    const [tokenRequest] = await tokenRequestsFor(code, since)
    const verifier = new URLSearchParams(tokenRequest!.body).get('code_verifier')!
    expect(await s256(verifier)).toBe(location.searchParams.get('code_challenge'))
    expect(await getConnection(owner, link.connectionId)).toMatchObject({
      status: 'active',
      badge: 'via_link',
      accountLabel: 'client@gmail.test',
    })

    // Replaying the callback requests no token and changes nothing.
    const replay = await call(`/connect/oauth/callback${back.search}`, { cookie: cookiePair })
    expect(replay.status).toBe(403)
    expect(await tokenRequestsFor(code, since)).toHaveLength(1)
    expect((await call(link.path)).status).toBe(410)
  })

  it('makes no token request for a missing, forged, mismatched or expired state', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const since = await fakeCursor()
    const attempt = async (query: string, cookie?: string) => (await call(`/connect/oauth/callback?${query}`, { cookie })).status

    const first = await acceptOAuth(link.path)
    const state = first.location.searchParams.get('state')!
    expect(await attempt(`code=code-good-a&state=${state}`)).toBe(403) // no cookie: another browser
    expect(await attempt('code=code-good-b', first.cookiePair)).toBe(403) // no state
    expect(await attempt('code=code-good-c&state=forged-state-value', 'tether_oauth_state=forged-state-value')).toBe(403)
    const other = await acceptOAuth(link.path)
    expect(await attempt(`code=code-good-d&state=${state}`, other.cookiePair)).toBe(403) // cookie of another sign-in
    await env.DB.prepare('UPDATE oauth_states SET expires_at = ?')
      .bind(Date.now() - 1)
      .run()
    expect(await attempt(`code=code-good-e&state=${state}`, first.cookiePair)).toBe(403) // expired
    const { requests } = await fakeRequests(since)
    expect(requests.filter((r) => r.path === '/google/token' && /code=code-good-[a-e]\b/.test(r.body))).toEqual([])
    expect((await getConnection(owner, link.connectionId)).status).toBe('pending')
  })

  it('a provider refusal shows Try again and leaves the link usable', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'google-docs')
    const { location, cookiePair } = await acceptOAuth(link.path)
    const refused = await call(`/connect/oauth/callback?error=access_denied&state=${location.searchParams.get('state')}`, {
      cookie: cookiePair,
    })
    expect(refused.headers.get('location')).toBe(`${link.path}/accept`)
    const denied = await followRedirect(refused, undefined, cookiePair)
    expect(denied.status).toBe(200)
    const page = await denied.text()
    expect(page).toContain('Try again')
    expect(page).toContain(`${link.path}/accept`)
    expect((await getConnection(owner, link.connectionId)).status).toBe('pending')
    expect((await call(link.path)).status).toBe(200)
  })

  it('runs the demo OAuth provider end to end, in-process', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner, 'demo-docs')
    const { location, cookiePair } = await acceptOAuth(link.path)
    expect(location.pathname).toBe('/demo/oauth/authorize')
    const consent = await call(location.pathname + location.search)
    expect(consent.status).toBe(200)
    const consentPage = await consent.text()
    const action =
      /<form[^>]*method="post"[^>]*action="([^"]+)"/.exec(consentPage)?.[1] ?? /action="([^"]+)"[^>]*method="post"/.exec(consentPage)?.[1]
    expect(action).toBeTruthy()
    const hidden = Object.fromEntries(
      [...consentPage.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/&amp;/g, '&'),
      ]),
    )
    const decision = await call(action!.replace(/&amp;/g, '&'), form({ ...hidden, email: 'client@example.com', decision: 'allow' }))
    expect(decision.status).toBe(303)
    const back = new URL(decision.headers.get('location')!, 'http://tether.test')
    const callback = await followRedirect(await call(back.pathname + back.search, { cookie: cookiePair }), undefined, cookiePair)
    expect(await callback.text()).toContain('Connection created successfully')
    expect(await getConnection(owner, link.connectionId)).toMatchObject({
      status: 'active',
      badge: 'via_link',
      accountLabel: 'client@example.com',
    })
  })
})
