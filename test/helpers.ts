import { windowStartOf } from '../src/domain/rate-limit'
import { onTestFinished, vi } from 'vitest'
import { exports } from 'cloudflare:workers'
import { linkIn, mailTo } from './mail'

export const ORIGIN = 'http://tether.test'

/** Drives the real worker the way a browser or script would. */
export function call(path: string, init: RequestInit & { json?: unknown; cookie?: string; bearer?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  let body = init.body
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(init.json)
  }
  if (init.cookie) headers.set('cookie', init.cookie)
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`)
  return exports.default.fetch(new Request(new URL(path, ORIGIN), { ...init, headers, body, redirect: 'manual' }))
}

export function sessionCookieFrom(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((value) => value.includes('tether_session='))
  if (!setCookie) throw new Error('no session cookie set')
  return setCookie.split(';')[0]!
}

let counter = 0
export const OWNER_PASSWORD = 'correct horse battery'

/** Signs up through the API, follows the confirmation link from the email, and is signed in by it. */
export async function signUpOwner(name = 'Olivia Owner'): Promise<{ cookie: string; email: string; userId: string; workspaceId: string }> {
  const email = `owner${++counter}-${crypto.randomUUID().slice(0, 8)}@agency.test`
  const mail = await mailTo(email, async () => {
    const response = await call('/api/v1/auth/signup', { method: 'POST', json: { email, password: OWNER_PASSWORD, name } })
    if (response.status !== 202) throw new Error(`signup failed: ${response.status} ${await response.text()}`)
  })
  const verified = await call(linkIn(mail, '/verify-email/'))
  if (verified.status !== 303) throw new Error(`verification failed: ${verified.status} ${await verified.text()}`)
  const { env } = await import('cloudflare:workers')
  const row = await env.DB.prepare('SELECT id, workspace_id FROM users WHERE email = ?')
    .bind(email)
    .first<{ id: string; workspace_id: string }>()
  return { cookie: sessionCookieFrom(verified), email, userId: row!.id, workspaceId: row!.workspace_id }
}

/** A new owner whose workspace has a brand (display name and accent) saved through the API. */
export async function brandedOwner(
  brand: { displayName?: string; accent?: string } = { displayName: 'Northwind Studio', accent: '#1a56db' },
) {
  const owner = await signUpOwner()
  const saved = await call('/api/v1/workspace/brand', { method: 'PUT', cookie: owner.cookie, json: brand })
  if (saved.status !== 200) throw new Error(`brand not saved: HTTP ${saved.status} ${await saved.text()}`)
  return owner
}

export const DEMO_KEY = 'demo_correct_key_123'

export function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

export interface RequestedLink {
  connectionId: string
  url: string
  token: string
  path: string
  expiresAt: string
}

export async function requestLink(
  owner: { cookie: string },
  appId = 'demo-tasks',
  extra: Record<string, unknown> = {},
): Promise<RequestedLink> {
  const response = await call('/api/v1/connections', {
    method: 'POST',
    cookie: owner.cookie,
    json: { appId, name: 'Client Tasks', via: 'link', ...extra },
  })
  if (response.status !== 201) throw new Error(`link request failed: ${response.status} ${await response.text()}`)
  const body = await response.json<{ connection: { id: string }; link: { url: string; expiresAt: string } }>()
  const url = new URL(body.link.url)
  return {
    connectionId: body.connection.id,
    url: body.link.url,
    token: url.pathname.split('/').pop()!,
    path: url.pathname,
    expiresAt: body.link.expiresAt,
  }
}

export async function getConnection(
  owner: { cookie: string },
  id: string,
): Promise<{ status: string; badge: string | null; accountLabel: string | null; link: { status: string; purpose: string } | null }> {
  const response = await call(`/api/v1/connections/${id}`, { cookie: owner.cookie })
  if (response.status !== 200) throw new Error(`get connection failed: ${response.status}`)
  return (await response.json<{ connection: never }>()).connection
}

/** The cookies a response sets, as a Cookie header (cleared ones left out), added to those already held. */
export function cookiesAfter(response: Response, held = ''): string {
  const jar = new Map(held ? held.split('; ').map((pair) => [pair.split('=')[0]!, pair] as const) : [])
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0]!
    const name = pair.split('=')[0]!
    if (/max-age=0/i.test(header) || pair === `${name}=`) jar.delete(name)
    else jar.set(name, pair)
  }
  return [...jar.values()].join('; ')
}

/** What a browser does after a post on the client's pages: follow the 303 with the cookies it set. */
export async function followRedirect(
  response: Response,
  get: (path: string, cookie: string) => Promise<Response> = (path, cookie) => call(path, { cookie }),
  held = '',
): Promise<Response> {
  const location = response.headers.get('location')
  if (response.status !== 303 || !location?.startsWith('/connect/')) return response
  return get(location, cookiesAfter(response, held))
}

/** What a browser does after any form post: follow a 303 to this origin with the cookies held and those it set. */
export async function followLocalRedirect(
  response: Response,
  get: (path: string, cookie: string) => Promise<Response>,
  held = '',
): Promise<Response> {
  const location = response.headers.get('location')
  if (response.status !== 303 || !location?.startsWith('/') || location.startsWith('//')) return response
  return get(location, cookiesAfter(response, held))
}

/** The client's flow on the public pages: submit the app's fields, and land where the browser would. */
export async function submitViaLink(link: { path: string }, fields: Record<string, string>): Promise<Response> {
  return followRedirect(await call(link.path, form(fields)))
}

/** Moves a link's expiry into the past in D1 and in its KV snapshot, as time passing would. */
export async function backdateLink(connectionId: string, expiresAt = Date.now() - 1000): Promise<void> {
  const { env } = await import('cloudflare:workers')
  await env.DB.prepare('UPDATE links SET expires_at = ? WHERE connection_id = ?').bind(expiresAt, connectionId).run()
  const keys = await env.LINKS.list({ prefix: 'link:' })
  for (const key of keys.keys) {
    const snapshot = await env.LINKS.get<{ connectionId: string }>(key.name, 'json')
    if (snapshot?.connectionId === connectionId) await env.LINKS.put(key.name, JSON.stringify({ ...snapshot, expiresAt }))
  }
}

/** The client's Reject on its confirmation page, landing where the browser would. */
export async function rejectViaLink(link: { path: string }, fields: Record<string, string> = {}): Promise<Response> {
  return followRedirect(await call(`${link.path}/reject`, form(fields)))
}

/** Date (only) stands still just after the current window of `windowMs` began, until the test ends. */
export function freezeAtWindowStart(windowMs: number): void {
  vi.useFakeTimers({ toFake: ['Date'], now: windowStartOf(Date.now(), windowMs) + 1_000 })
  onTestFinished(() => {
    vi.useRealTimers()
  })
}
