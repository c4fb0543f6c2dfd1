/**
 * What passes through the credential proxy in each direction. Requests: an allowlist, so the caller's own
 * Authorization (their Tether token), cookies and forwarding headers never reach the app. Responses: the
 * app's cookies, auth challenges, hop-by-hop and framing headers never reach the caller.
 */
const REQUEST_ALLOWED: ReadonlySet<string> = new Set([
  'accept',
  'accept-language',
  'content-type',
  'content-language',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'idempotency-key',
  'prefer',
  'range',
])

const RESPONSE_BLOCKED: ReadonlySet<string> = new Set([
  'set-cookie',
  'set-cookie2',
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'proxy-authenticate',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'content-encoding',
  'alt-svc',
  'strict-transport-security',
  'server-timing',
])

export function forwardedRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers()
  for (const [name, value] of incoming) if (REQUEST_ALLOWED.has(name)) headers.set(name, value)
  return headers
}

/** Also drops whatever the request's Connection header names, and any header carrying one of `secrets`. */
export function safeResponseHeaders(upstream: Headers, secrets: readonly string[]): Headers {
  const named = new Set((upstream.get('connection') ?? '').split(',').map((name) => name.trim().toLowerCase()))
  const headers = new Headers()
  for (const [name, value] of upstream) {
    if (RESPONSE_BLOCKED.has(name) || named.has(name) || /^x-.*(?:token|auth|key|secret)/.test(name)) continue
    if (secrets.some((secret) => secret !== '' && value.includes(secret))) continue
    headers.set(name, value)
  }
  return headers
}
