import { type Config, readConfig } from '../config'
import { checkAppUrl } from '../domain/url-policy'
import type { Env } from '../env'
import type { AppContext, AppDefinition } from './types'

/**
 * The demo apps' server-to-server origin. `.invalid` never resolves, so nothing can leave the
 * worker through it: requests to it are dispatched in-process to the demo server.
 */
export const DEMO_ORIGIN = 'https://demo.invalid'

export type InternalFetch = (request: Request) => Response | Promise<Response>

/** The app's endpoints as this deployment has them: its defaults, under the operator's overrides. */
export function appEndpoints(config: Config, app: AppDefinition): AppContext['endpoints'] {
  return { ...app.defaultEndpoints, ...config.endpointOverrides[app.id] }
}

/** Everything an app may touch, built per request from the bindings. */
export function appContext(env: Env, app: AppDefinition, internal?: InternalFetch, timeoutMs?: number): AppContext {
  const config = readConfig(env)
  const limitMs = timeoutMs ?? config.upstreamTimeoutMs
  const endpoints = appEndpoints(config, app)

  async function fetchUpstream(url: string, init: RequestInit = {}): Promise<Response> {
    const timeout = AbortSignal.timeout(limitMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    // A redirect comes back as a 3xx response and is never followed, so it cannot reach a private host.
    const request = new Request(url, { ...init, signal, redirect: 'manual' })
    if (new URL(request.url).origin !== DEMO_ORIGIN) return fetch(request)
    if (!internal) throw new TypeError('demo apps are not served here')
    return abortable(Promise.resolve(internal(request)), signal)
  }

  return {
    appName: app.name,
    endpoints,
    fetch: fetchUpstream,
    assertPublicUrl: (url) => checkAppUrl(url, { allowLoopback: config.allowLoopbackApps }),
  }
}

/** In-process handlers do not watch the signal, so the timeout races them instead. */
function abortable(response: Promise<Response>, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    response.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
