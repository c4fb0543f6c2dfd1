import { exports } from 'cloudflare:workers'

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
export async function signUpOwner(name = 'Olivia Owner'): Promise<{ cookie: string; email: string; userId: string; workspaceId: string }> {
  const email = `owner${++counter}-${crypto.randomUUID().slice(0, 8)}@agency.test`
  const response = await call('/api/v1/auth/signup', { method: 'POST', json: { email, password: 'correct horse battery', name } })
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${await response.text()}`)
  const body = await response.json<{ user: { id: string }; workspace: { id: string } }>()
  return { cookie: sessionCookieFrom(response), email, userId: body.user.id, workspaceId: body.workspace.id }
}
