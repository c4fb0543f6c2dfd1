/** Drives the dashboard's HTML forms the way a same-origin browser does. */
import { expect } from 'vitest'
import { call, cookiesAfter, ORIGIN } from './helpers'

/** What a browser sends with a form on a no-referrer page: Origin null, but Sec-Fetch-Site tells the truth. */
export const SAME_ORIGIN = { origin: 'null', 'sec-fetch-site': 'same-origin' }
export const GOOD_KEY = 'demo_first_key_1234'
export const NEW_KEY = 'demo_second_key_5678'
export const BAD_KEY = 'wrong_key_abcdef'

export function post(path: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = SAME_ORIGIN) {
  return call(path, { method: 'POST', body: new URLSearchParams(fields), cookie, headers })
}

/**
 * A form post as a browser makes it: every post answers 303, refusals too, and the page it leads to
 * shows the outcome (with the refusal's status) from the cookies the redirect set.
 */
export async function submit(path: string, fields: Record<string, string>, cookie?: string, headers?: Record<string, string>) {
  const response = await post(path, fields, cookie, headers)
  expect(response.status, `${path} answers with a redirect`).toBe(303)
  return call(location(response), { cookie: cookiesAfter(response, cookie ?? '') })
}

export async function page(path: string, cookie: string): Promise<string> {
  const response = await call(path, { cookie })
  expect(response.status, path).toBe(200)
  return response.text()
}

export function location(response: Response): string {
  return response.headers.get('location') ?? ''
}

export async function addDirect(cookie: string, name = 'My tasks', apiKey = GOOD_KEY): Promise<string> {
  const response = await post('/connections/new/demo-tasks/direct', { connectionName: name, apiKey }, cookie)
  expect(response.status).toBe(303)
  const id = new URL(location(response), ORIGIN).searchParams.get('created')
  expect(id).toBeTruthy()
  return id!
}

export async function generateLinkViaForm(
  cookie: string,
  name = 'Client’s tasks',
  expiresInMinutes = '2880',
): Promise<{ id: string; url: string }> {
  const response = await post('/connections/new/demo-tasks/link', { connectionName: name, expiresInMinutes }, cookie)
  expect(response.status).toBe(303)
  const match = /^\/connections\/([^/]+)\/link\?new=1$/.exec(location(response))
  expect(match).not.toBeNull()
  const id = match![1]!
  return { id, url: linkUrlOn(await page(`/connections/${id}/link`, cookie)) }
}

export function linkUrlOn(html: string): string {
  const match = /(?:value="|<textarea[^>]*>)(http:\/\/tether\.test\/connect\/[A-Za-z0-9_-]{20,})["<]/.exec(html)
  expect(match, 'link URL on the page').not.toBeNull()
  return match![1]!
}

/** The row of one connection in the connections table. */
export function rowOf(html: string, id: string): string {
  const rows = html.split('<tr>').filter((row) => row.includes(`/connections/${id}"`))
  expect(rows).toHaveLength(1)
  return rows[0]!
}
