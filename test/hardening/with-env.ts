import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { buildApp } from '../../src/app'
import worker from '../../src/index'
import { toBase64 } from '../../src/domain/encoding'
import { followLocalRedirect, ORIGIN } from '../helpers'

type TestEnv = typeof env
/** Like `call`'s options; with a body and no method it POSTs. */
type CallInit = RequestInit & { json?: unknown; cookie?: string; form?: Record<string, string>; follow?: boolean }

/**
 * The real app under other bindings or variables (a different keyring, loopback apps off, a
 * failing database), answering like `call` and waiting for its after-response work.
 */
export function withEnv(overrides: Partial<TestEnv>) {
  const app = buildApp()
  const bound = { ...env, ...overrides } as TestEnv
  const call = async (path: string, init: CallInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers)
    let body = init.body
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json')
      body = JSON.stringify(init.json)
    }
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded')
      body = new URLSearchParams(init.form).toString()
    }
    if (init.cookie) headers.set('cookie', init.cookie)
    const ctx = createExecutionContext()
    const method = init.method ?? (body === undefined ? 'GET' : 'POST')
    const response = await app.fetch(new Request(new URL(path, ORIGIN), { ...init, method, headers, body, redirect: 'manual' }), bound, ctx)
    await waitOnExecutionContext(ctx)
    // Like a browser after a post: the 303 is followed with the cookies it held and those it set.
    return init.follow ? followLocalRedirect(response, (next, cookie) => call(next, { cookie }), init.cookie) : response
  }
  return {
    env: bound,
    call,
    /** One cron run of the worker's scheduled handler, awaited to the end. */
    async cron(scheduledTime = Date.now()): Promise<void> {
      const ctx = createExecutionContext()
      await worker.scheduled(createScheduledController({ scheduledTime, cron: '*/5 * * * *' }), bound, ctx)
      await waitOnExecutionContext(ctx)
    },
  }
}

/** A fresh `<version>:<base64 32 bytes>` keyring entry. */
export function newKeyEntry(version: string): string {
  return `${version}:${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`
}
