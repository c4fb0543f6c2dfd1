import { credentialValueProblem } from '../domain/credential-values'
import { AppError } from '../domain/errors'
import { toBase64, utf8 } from '../domain/encoding'
import type { AppContext } from './types'

/**
 * The one way apps talk to their APIs. Failures become AppErrors whose messages name the app
 * and the kind of failure, never the credentials sent nor what the upstream answered.
 */
export interface UpstreamJson {
  status: number
  /** Parsed JSON, untrusted: narrow it with `field` / `stringField` / `idField`. */
  body: unknown
}

export interface CallOptions {
  /** Which refusals mean "these credentials are not accepted"; default 401 and 403. */
  isCredentialError?: (status: number, body: unknown) => boolean
  /** Message for that case; default "<App> did not accept these credentials." */
  rejectedMessage?: string
  /** Also read an application/x-www-form-urlencoded answer (some OAuth token endpoints send one). */
  acceptForm?: boolean
}

export type CallInit = RequestInit & { json?: unknown }

const MAX_RESPONSE_BYTES = 1024 * 1024
const byDefault = (status: number) => status === 401 || status === 403

export async function callJson(ctx: AppContext, url: string, init: CallInit = {}, options: CallOptions = {}): Promise<UpstreamJson> {
  const app = ctx.appName
  const { json, ...requestInit } = init
  const headers = headersOf(requestInit.headers, app)
  if (!headers.has('accept')) headers.set('accept', 'application/json')
  if (json !== undefined) headers.set('content-type', 'application/json; charset=utf-8')
  const body = json === undefined ? requestInit.body : JSON.stringify(json)

  let response: Response
  let text: string
  try {
    response = await ctx.fetch(url, { ...requestInit, headers, body })
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel()
      throw new AppError('upstream_error', `${app} answered with a redirect, which Tether does not follow. Check the address.`)
    }
    if (response.status >= 500) {
      await response.body?.cancel()
      throw new AppError('upstream_error', `${app} had a problem (HTTP ${response.status}). Try again later.`)
    }
    text = await readText(response, app)
  } catch (error) {
    throw asUpstreamError(error, app)
  }

  if (response.status >= 400) {
    const isCredentialError = options.isCredentialError ?? byDefault
    if (isCredentialError(response.status, parseJson(text))) {
      throw new AppError('invalid_credentials', options.rejectedMessage ?? `${app} did not accept these credentials.`)
    }
    throw new AppError('upstream_error', `${app} refused the request (HTTP ${response.status}).`)
  }
  if (text.trim() === '') return { status: response.status, body: null }
  const contentType = response.headers.get('content-type') ?? ''
  if (options.acceptForm && contentType.includes('application/x-www-form-urlencoded')) {
    return { status: response.status, body: Object.fromEntries(new URLSearchParams(text.trim())) }
  }
  if (contentType.includes('html') || text.trimStart().startsWith('<')) {
    throw new AppError('upstream_error', `${app} answered with a web page instead of data. Check the address.`)
  }
  const parsed = parseJson(text)
  if (parsed === undefined) throw new AppError('upstream_error', `${app} sent an answer Tether could not read.`)
  return { status: response.status, body: parsed }
}

/**
 * The last guard: credentials are checked before any call, but a header that cannot be built
 * must not become a 500 whose message (the runtime quotes the value) reaches the logs.
 */
function headersOf(init: HeadersInit | undefined, app: string): Headers {
  const unsendable = new AppError(
    'invalid_credentials',
    `Tether could not send these credentials to ${app}: they contain characters a request cannot carry.`,
  )
  // Checked before the runtime sees them: it refuses some and warns about others, quoting the value either way.
  const values =
    init instanceof Headers ? [...init.values()] : Array.isArray(init) ? init.map((pair) => pair[1]) : Object.values(init ?? {})
  if (values.some((value) => credentialValueProblem(String(value).trim(), true))) throw unsendable
  try {
    return new Headers(init)
  } catch {
    throw unsendable
  }
}

function asUpstreamError(error: unknown, app: string): AppError {
  if (error instanceof AppError) return error
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') return new AppError('upstream_error', `${app} did not answer in time.`)
  return new AppError('upstream_error', `${app} could not be reached.`)
}

/** Reads at most MAX_RESPONSE_BYTES so a hostile upstream cannot exhaust memory. */
async function readText(response: Response, app: string): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel()
      throw new AppError('upstream_error', `${app} sent an answer that is too large.`)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return utf8.decode(bytes)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${toBase64(utf8.encode(`${user}:${password}`))}`
}

export function bearer(token: string): string {
  return `Bearer ${token}`
}

/** Follows `path` through nested objects; anything else is undefined. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

export function stringField(value: unknown, ...path: string[]): string | undefined {
  const found = field(value, ...path)
  return typeof found === 'string' && found !== '' ? found : undefined
}

export function numberField(value: unknown, ...path: string[]): number | undefined {
  const found = field(value, ...path)
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined
}

/** Upstream ids come as strings or numbers; both become strings. */
export function idField(value: unknown, ...path: string[]): string | undefined {
  const found = field(value, ...path)
  if (typeof found === 'number' && Number.isFinite(found)) return String(found)
  return typeof found === 'string' && found !== '' ? found : undefined
}

/** For values the rest of the flow cannot do without. */
export function requireString(ctx: AppContext, value: unknown, ...path: string[]): string {
  const found = stringField(value, ...path)
  if (found === undefined) throw new AppError('upstream_error', `${ctx.appName} sent an incomplete answer.`)
  return found
}
