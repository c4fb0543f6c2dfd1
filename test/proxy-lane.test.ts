import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import worker from '../src/index'
import { ORIGIN, signUpOwner } from './helpers'
import { mintToken } from './proxy-helpers'
import { directConnection } from './workflow-helpers'

type Answer = { status: number; headers: [string, string][]; body: string }

/** One request answered twice: by the worker (which sends the proxy's URLs to the proxy's own app) and by the whole app. */
async function bothWays(url: string, init: RequestInit = {}, bindings: Partial<typeof env> = {}): Promise<Answer[]> {
  const bound = { ...env, ...bindings } as typeof env
  const answers: Answer[] = []
  for (const fetcher of [worker.fetch, buildApp().fetch]) {
    const ctx = createExecutionContext()
    const response = await fetcher(new Request(new URL(url, ORIGIN), init), bound, ctx)
    // The body first: the audit waits for it to have gone. The fake's Date differs between any two calls.
    const body = await response.text()
    await waitOnExecutionContext(ctx)
    answers.push({ status: response.status, headers: [...response.headers].filter(([name]) => name !== 'date'), body })
  }
  return answers
}

describe('the proxy’s own lane before the app’s router', () => {
  it('answers as the whole app does: calls, refusals, errors, and plain http to an https deployment', async () => {
    const owner = await signUpOwner()
    const id = await directConnection(owner, 'clickup', { apiToken: `pk_good_lane_${crypto.randomUUID()}` })
    const write = await mintToken(owner, 'write')
    const read = await mintToken(owner, 'read')
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
    const cases: [string, RequestInit][] = [
      [`/api/v1/connections/${id}/proxy/api/v2/user`, { headers: bearer(read) }],
      [`/api/v1/connections/${id}/proxy/api/v2/user?x=1`, { headers: bearer(read) }],
      [`/api/v1/connections/${id}/proxy`, { headers: bearer(read) }],
      [`/api/v1/connections/${id}/proxy/api/v2/task`, { method: 'POST', headers: bearer(read), body: '{}' }],
      [`/api/v1/connections/${id}/proxy/api/v2/user`, {}],
      [`/api/v1/connections/${id}/proxy/api/v2/user`, { headers: bearer('tether_not_a_token') }],
      [`/api/v1/connections/con_missing/proxy/api/v2/user`, { headers: bearer(write) }],
      [`/api/v1/connections/${id}/proxy/..%2Fadmin`, { headers: bearer(write) }],
      [`/api/v1/connections/${id}/proxy/api/v2/user`, { method: 'PUT', headers: { ...bearer(write), origin: 'https://evil.example' } }],
    ]
    for (const [path, init] of cases) {
      const [lane, app] = await bothWays(path, init)
      expect(lane, `${init.method ?? 'GET'} ${path}`).toEqual(app)
    }
    const [lane, app] = await bothWays(
      `http://tether.example/api/v1/connections/${id}/proxy/api/v2/user`,
      { headers: bearer(read) },
      {
        PUBLIC_URL: 'https://tether.example',
      },
    )
    expect(lane).toEqual(app)
    expect(lane?.status).toBe(308)
  })
})
