import { AppError } from '../domain/errors'
import { PROXY_BODY_MAX, PROXY_RESPONSE_MAX } from '../domain/limits'
import { forwardedRequestHeaders, safeResponseHeaders } from '../domain/proxy-headers'
import { proxyTargetUrl } from '../domain/proxy-path'
import { scrubBytes, scrubbingStream } from '../domain/scrub-stream'
import { apiBaseOf, authenticate, injectedValues } from './inject'
import type { AppContext, AppDefinition, Credentials } from './types'

/**
 * The credential proxy's forwarding, shared by `/api/v1/connections/:id/proxy/*` and the "API request" workflow
 * action: the app's own host, the caller's path and query, the connection's credentials injected, and an
 * answer from which every form of those credentials and every unsafe header has been removed.
 */
export const PROXY_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type ProxyMethod = (typeof PROXY_METHODS)[number]

/** Answers up to this size, with a declared length, are read whole instead of streamed. */
const WHOLE_ANSWER_MAX = 256 * 1024

export interface ProxyRequest {
  method: ProxyMethod
  /** The path under the app's API base, starting with `/` (checked here). */
  path: string
  /** The query string, with or without its `?`. */
  search: string
  headers: Headers
  body: ReadableStream<Uint8Array> | string | null
  /** The body's declared length, when the caller sent one. */
  contentLength?: number | null
}

export interface ProxyResponse {
  status: number
  headers: Headers
  body: ReadableStream<Uint8Array> | null
  /** Settled once the body has passed through to its reader, or was dropped by either side. */
  done: Promise<void>
}

export async function forwardWithCredentials(
  app: AppDefinition,
  ctx: AppContext,
  credentials: Credentials,
  request: ProxyRequest,
  secrets: readonly string[],
): Promise<ProxyResponse> {
  const url = proxyTargetUrl(apiBaseOf(app, ctx, credentials), request.path, request.search)
  const headers = forwardedRequestHeaders(request.headers)
  try {
    authenticate(app, credentials, { url, headers })
  } catch (error) {
    if (error instanceof AppError) throw error
    // The runtime's message would quote the value it refused.
    throw new AppError('invalid_credentials', `Tether could not send these credentials to ${app.name}.`)
  }
  const hidden = [...secrets, ...injectedValues(app, credentials)]
  const counted = { tooLarge: false }
  let upstream: Response
  try {
    upstream = await ctx.fetch(url.href, { method: request.method, headers, body: cappedBody(request, counted) })
  } catch (error) {
    if (counted.tooLarge) throw tooLarge()
    if (error instanceof AppError) throw error
    const name = error instanceof Error || error instanceof DOMException ? error.name : ''
    const timedOut = name === 'TimeoutError' || name === 'AbortError'
    throw new AppError('upstream_error', timedOut ? `${app.name} did not answer in time.` : `${app.name} could not be reached.`)
  }
  const answerHeaders = safeResponseHeaders(upstream.headers, hidden)
  const declared = upstream.headers.get('content-length')
  if (!upstream.body || (declared !== null && Number(declared) <= WHOLE_ANSWER_MAX)) {
    // A small answer of known length is read whole and scrubbed at once: setting up a stream through JavaScript cost more
    // than the answer itself (bench:proxy), and the caller gets a length instead of chunks.
    const bytes = upstream.body ? scrubBytes(hidden, new Uint8Array(await upstream.arrayBuffer())) : null
    return {
      status: upstream.status,
      headers: answerHeaders,
      body: bytes && new Response(bytes as Uint8Array<ArrayBuffer>).body,
      done: Promise.resolve(),
    }
  }
  let ended = () => {}
  const done = new Promise<void>((resolve) => (ended = resolve))
  const body = upstream.body.pipeThrough(scrubbingStream(hidden, { maxBytes: PROXY_RESPONSE_MAX, onEnd: ended }))
  return { status: upstream.status, headers: answerHeaders, body, done }
}

function tooLarge(): AppError {
  return new AppError('payload_too_large', `The request body is larger than the proxy's limit of ${PROXY_BODY_MAX} bytes.`)
}

function cappedBody(request: ProxyRequest, counted: { tooLarge: boolean }): BodyInit | null {
  if (request.method === 'GET' || request.body === null) return null
  if (typeof request.body === 'string') {
    if (new TextEncoder().encode(request.body).length > PROXY_BODY_MAX) throw tooLarge()
    return request.body
  }
  if (request.contentLength !== undefined && request.contentLength !== null) {
    if (request.contentLength > PROXY_BODY_MAX) throw tooLarge()
    // The runtime holds a body to its declared length, so it streams through as it is, length and all.
    return request.body
  }
  return request.body.pipeThrough(capStream(PROXY_BODY_MAX, () => (counted.tooLarge = true)))
}

/** Passes at most `max` bytes, then errors the stream: neither side can make the worker buffer or relay more. */
function capStream(max: number, onExceeded?: () => void): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > max) {
        onExceeded?.()
        controller.error(new AppError('payload_too_large', 'The body is larger than the proxy allows.'))
        return
      }
      controller.enqueue(chunk)
    },
  })
}
