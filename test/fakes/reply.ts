import { createHash } from 'node:crypto'

/** What a fake handler sees: the request, already read. */
export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  body: string
  /** `http://127.0.0.1:<port>`, for links the fakes hand out. */
  origin: string
}

export const HANG = Symbol('hang')
/** `afterMs`: the answer comes that long after the request (a slow API that does answer). */
export type Reply = { status: number; headers?: Record<string, string>; body?: string; afterMs?: number } | typeof HANG

export interface Route {
  method: string
  path: RegExp
  handle(request: FakeRequest, params: string[]): Reply
}

export function json(status: number, value: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) }
}

export const htmlPage: Reply = {
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<!doctype html><html><head><title>Welcome</title></head><body><h1>Just a web page</h1></body></html>',
}
export const garbage: Reply = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"half": "a JSON docu' }
export const redirectToMetadata: Reply = { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' }, body: '' }

/**
 * Behaviour is chosen by the credential itself, so tests share no mutable state:
 * `expired…` and anything without `good` are refused; `hang` never answers; `boom` is a 500;
 * `html` a web page; `garbage` broken JSON; `redirect` a 302 to the cloud metadata address.
 */
export function bySecret(
  secret: string | null | undefined,
  success: () => Reply,
  refused: Reply = json(401, { error: 'unauthorized' }),
): Reply {
  if (!secret || secret.startsWith('expired')) return refused
  if (secret.includes('hang')) return HANG
  if (secret.includes('boom')) return json(500, { error: 'internal error' })
  if (secret.includes('html')) return htmlPage
  if (secret.includes('garbage')) return garbage
  if (secret.includes('redirect')) return redirectToMetadata
  if (secret.includes('good')) return success()
  return refused
}

export function bearerOf(request: FakeRequest): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null
}

export function basicOf(request: FakeRequest): { user: string; password: string } | null {
  const encoded = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
  if (!encoded) return null
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  return separator < 0 ? null : { user: decoded.slice(0, separator), password: decoded.slice(separator + 1) }
}

export function jsonBody(request: FakeRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function formBody(request: FakeRequest): URLSearchParams {
  return new URLSearchParams(request.body)
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

let counter = 0
/** Unique per process, so parallel test files never collide on ids or tokens. */
export function nextNumber(): number {
  return ++counter
}
