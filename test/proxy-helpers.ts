import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { fakeCursor, fakeRequests, type RecordedRequest } from './fake-requests'
import { call } from './helpers'

type Owner = { cookie: string }

export async function mintToken(owner: Owner, scope: 'read' | 'write' = 'write'): Promise<string> {
  const response = await call('/api/v1/tokens', { method: 'POST', cookie: owner.cookie, json: { name: `proxy ${scope}`, scope } })
  expect(response.status).toBe(201)
  return (await response.json<{ token: string }>()).token
}

export function proxy(token: string, connectionId: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  return call(`/api/v1/connections/${connectionId}/proxy${path}`, { ...init, bearer: token })
}

/** Runs `act` and returns what the fakes received meanwhile (other files share them: filter by `matches`). */
export async function outboundDuring(act: () => Promise<unknown>, matches: (request: RecordedRequest) => boolean = () => true) {
  const cursor = await fakeCursor()
  const result = await act()
  return { result, requests: (await fakeRequests(cursor)).requests.filter(matches) }
}

export interface ProxyAudit {
  type: string
  actor: string
  detail: { method: string; path: string; status: number | null; durationMs: number }
}

/**
 * The audit is enqueued after the answer and written by the queue's consumer, which runs on its own in tests with no
 * batch wait (vitest.config.ts): wait for it, generously, since the consumer shares the machine with the suite.
 */
export async function proxyAudits(owner: Owner, connectionId: string, count: number): Promise<ProxyAudit[]> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const response = await call(`/api/v1/connections/${connectionId}/events`, { cookie: owner.cookie })
    const events = (await response.json<{ events: ProxyAudit[] }>()).events.filter((event) => event.type === 'proxy_call')
    if (events.length >= count) return events
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`fewer than ${count} proxy audit events`)
}

export async function setProxyCounter(key: string, count: number): Promise<void> {
  const windowStart = Date.now() - (Date.now() % 60_000)
  await env.DB.prepare('INSERT OR REPLACE INTO rate_limits (key, count, window_start) VALUES (?, ?, ?)').bind(key, count, windowStart).run()
}

/** Work the proxy leaves to waitUntil (the call's count) lands a moment after the answer: poll for it. */
export async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('the condition never held')
}
