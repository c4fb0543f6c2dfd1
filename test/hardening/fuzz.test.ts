import fc from 'fast-check'
import { exports } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../src/app'
import { newToken } from '../../src/domain/tokens'
import { ORIGIN, signUpOwner } from '../helpers'

/**
 * Random requests against the public and API surface. Whatever arrives, Tether answers below
 * 500, never 2xx for a link it did not issue, and the same bytes for every unusable link.
 */

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'multipart/form-data',
  'text/plain',
  'text/html',
  'application/octet-stream',
  ';;;',
]
const SQL_AND_ODDITIES = [
  "' OR '1'='1",
  "'; DROP TABLE links; --",
  '" OR ""="',
  '1; SELECT * FROM connections',
  '%27%20OR%201=1--',
  "\\'",
  '`',
  '\u0000',
  '\u202e\u0041',
  '\ud83d\ude00',
  '\ufeff',
  '%00',
  '%',
  '%zz',
  '..',
  '../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}',
  '{{trigger.x}}',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '\r\nSet-Cookie: x=1',
  'A'.repeat(32),
  '-'.repeat(32),
]

const unicodeString = (max: number) =>
  fc
    .integer({ min: 0, max })
    .chain((length) =>
      fc.oneof(
        fc.string({ unit: 'grapheme-ascii', minLength: length, maxLength: length }),
        fc.string({ unit: 'binary', minLength: length, maxLength: length }),
        fc.string({ unit: 'grapheme', minLength: 0, maxLength: Math.min(length, 128) }),
      ),
    )

/** Link tokens: any text up to 512 characters, well-formed ones Tether never issued, and classics. */
const tokenArb = fc.oneof(
  unicodeString(512),
  fc.stringMatching(/^[A-Za-z0-9_-]{32}$/),
  fc.constantFrom(...SQL_AND_ODDITIES),
  fc.tuple(fc.constantFrom(...SQL_AND_ODDITIES), fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/)).map(([a, b]) => a + b),
)

/** Bodies: empty, text, JSON, broken JSON, forms, multipart, SQL, and big ones up to the limit. */
const bodyArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  unicodeString(300),
  fc.json({ maxDepth: 3 }),
  fc.json({ maxDepth: 3 }).chain((json) => fc.nat({ max: Math.max(0, json.length - 1) }).map((cut) => json.slice(0, cut))),
  fc.constantFrom('{', '{"a":', '[1,2', '{"email":"x@y.z","password":', '\u0000{}', '{"__proto__":{"admin":true}}', 'null', '1e999'),
  fc
    .dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom(...SQL_AND_ODDITIES)), { maxKeys: 6 })
    .map((fields) => new URLSearchParams(fields).toString()),
  fc.dictionary(fc.stringMatching(/^[a-zA-Z]{1,12}$/), fc.string({ maxLength: 50 }), { maxKeys: 4 }).map(
    (fields) =>
      `${Object.entries(fields)
        .map(([k, v]) => `------fuzz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join('')}------fuzz--\r\n`,
  ),
  fc.integer({ min: 1024, max: MAX_BODY_BYTES }).map((size) => 'a'.repeat(size)),
  fc.constantFrom(...SQL_AND_ODDITIES),
)

/** Encoded into one path segment; '.' and '..' are dot segments the URL parser removes. */
const segmentArb = tokenArb.filter((token) => token !== '.' && token !== '..')

interface FuzzRequest {
  method: string
  contentType: string | undefined
  body: string
}
const requestArb: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.constantFrom(...METHODS),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  body: bodyArb,
})

const tally = { cases: 0, requests: 0, status5xx: 0, byStatus: new Map<number, number>() }

async function send(url: string, request: FuzzRequest, cookie?: string): Promise<{ status: number; body: string; response: Response }> {
  const headers = new Headers()
  if (request.contentType) headers.set('content-type', request.contentType)
  if (cookie) headers.set('cookie', cookie)
  const hasBody = BODY_METHODS.has(request.method) && request.body !== ''
  const response = await exports.default.fetch(
    new Request(url, { method: request.method, headers, body: hasBody ? request.body : undefined, redirect: 'manual' }),
  )
  const body = await response.text()
  tally.requests++
  tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1)
  if (response.status >= 500) tally.status5xx++
  return { status: response.status, body, response }
}

function linkUrl(token: string, suffix: string, raw: boolean): string {
  return new URL(`/connect/${raw ? token : encodeURIComponent(token)}${suffix}`, ORIGIN).href
}

/** Runs a property and counts its cases; fast-check reports the seed and the shrunk input on failure. */
async function fuzz<T>(runs: number, arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      tally.cases++
      await check(value)
    }),
    { numRuns: runs },
  )
}

/** Generous: the figures matter, not the speed of a shared CI machine. */
const FUZZ_TIMEOUT_MS = 120_000

describe('fuzzing the public and API surface', () => {
  let invalidPage: string
  let owner: { cookie: string }

  beforeAll(async () => {
    const reference = await exports.default.fetch(new Request(`${ORIGIN}/connect/${newToken()}`))
    expect(reference.status).toBe(410)
    invalidPage = await reference.text()
    owner = await signUpOwner('Fuzz Owner')
  })

  afterAll(() => {
    const statuses = [...tally.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}:${n}`)
      .join(' ')
    console.log(`[figure] fuzz: ${tally.cases} cases, ${tally.requests} requests, ${tally.status5xx} responses 5xx; statuses ${statuses}`)
  }, FUZZ_TIMEOUT_MS)

  it(
    'answers every never-issued link, any method, suffix and body, with no 2xx and no 5xx; GETs byte-identical',
    async () => {
      const suffixArb = fc.constantFrom('', '', '/accept', '/reject', '/', '/x/y', '?a=1', '#frag')
      await fuzz(
        900,
        fc.record({ token: tokenArb, suffix: suffixArb, raw: fc.boolean(), request: requestArb }),
        async ({ token, suffix, raw, request }) => {
          const url = linkUrl(token, suffix, raw)
          const answer = await send(url, request)
          expect(answer.status, url).toBeLessThan(500)
          const pathname = new URL(url).pathname
          if (!pathname.startsWith('/connect')) return
          expect(answer.status, url).not.toBeLessThan(300)
          if (request.method === 'GET' && pathname !== '/connect/oauth/callback') {
            expect({ url, status: answer.status }).toEqual({ url, status: 410 })
            expect(answer.body).toBe(invalidPage)
          }
        },
      )
    },
    FUZZ_TIMEOUT_MS,
  )

  it(
    'gives the same answer for any two never-issued tokens: the token is never what differs',
    async () => {
      const reference = newToken()
      await fuzz(
        400,
        fc.record({ token: segmentArb, suffix: fc.constantFrom('', '/accept', '/reject'), request: requestArb }),
        async ({ token, suffix, request }) => {
          const [mine, theirs] = [
            await send(linkUrl(token, suffix, false), request),
            await send(linkUrl(reference, suffix, false), request),
          ]
          expect({ status: mine.status, body: mine.body }).toEqual({ status: theirs.status, body: theirs.body })
          expect(mine.status).toBeGreaterThanOrEqual(400)
          expect(mine.status).toBeLessThan(500)
        },
      )
    },
    FUZZ_TIMEOUT_MS,
  )

  it(
    'never 5xx on the OAuth callback and webhooks with random input',
    async () => {
      await fuzz(
        300,
        fc.record({ state: tokenArb, code: tokenArb, error: fc.option(tokenArb), token: segmentArb, request: requestArb }),
        async (input) => {
          const query = new URLSearchParams({
            state: input.state,
            code: input.code,
            ...(input.error === null ? {} : { error: input.error }),
          })
          const callback = await send(
            `${ORIGIN}/connect/oauth/callback?${query}`,
            { ...input.request, method: 'GET' },
            `tether_oauth_state=${encodeURIComponent(input.state)}`,
          )
          expect(callback.status).toBe(403)
          const hook = await send(new URL(`/hooks/${encodeURIComponent(input.token)}`, ORIGIN).href, input.request)
          expect(hook.status).toBeGreaterThanOrEqual(400)
          expect(hook.status).toBeLessThan(500)
        },
      )
    },
    FUZZ_TIMEOUT_MS,
  )

  it(
    'never 5xx on the JSON API and the dashboard forms, signed in or not',
    async () => {
      const apiPaths = [
        '/api/v1/auth/signup',
        '/api/v1/auth/login',
        '/api/v1/auth/logout',
        '/api/v1/auth/password',
        '/api/v1/tokens',
        '/api/v1/tokens/{id}',
        '/api/v1/apps',
        '/api/v1/connections',
        '/api/v1/connections/{id}',
        '/api/v1/connections/{id}/link',
        '/api/v1/connections/{id}/credentials',
        '/api/v1/connections/{id}/events',
        '/api/v1/workflows',
        '/api/v1/workflows/{id}',
        '/api/v1/workflows/{id}/runs',
        '/login',
        '/signup',
        '/logout',
        '/connections',
        '/connections/new',
        '/connections/new/{id}/link',
        '/connections/new/{id}/direct',
        '/connections/{id}',
        '/connections/{id}/credentials',
        '/connections/{id}/link',
        '/connections/{id}/delete',
        '/settings/tokens',
        '/settings/tokens/{id}/revoke',
        '/settings/password',
        '/workflows',
        '/workflows/{id}',
        '/workflows/{id}/rename',
        '/workflows/{id}/steps',
        '/workflows/{id}/steps/1',
      ]
      const jsonBodyArb = fc.oneof(
        bodyArb,
        fc
          .record(
            {
              appId: fc.oneof(
                fc.constantFrom('demo-tasks', 'wordpress', 'clickup', 'mailchimp', 'google-docs', 'demo-docs'),
                unicodeString(70),
              ),
              name: unicodeString(120),
              via: fc.oneof(fc.constantFrom('link', 'direct'), fc.string()),
              expiresInMinutes: fc.oneof(fc.integer(), fc.double(), fc.string()),
              credentials: fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string({ maxLength: 80 }), fc.integer())),
            },
            { requiredKeys: [] },
          )
          .map((value) => JSON.stringify(value)),
        fc
          .record(
            {
              email: fc.oneof(fc.emailAddress(), unicodeString(300)),
              password: unicodeString(300),
              name: unicodeString(120),
              currentPassword: unicodeString(300),
              newPassword: unicodeString(300),
            },
            { requiredKeys: [] },
          )
          .map((value) => JSON.stringify(value)),
      )
      await fuzz(
        700,
        fc.record({
          path: fc.constantFrom(...apiPaths),
          id: segmentArb,
          signedIn: fc.boolean(),
          request: fc.record({ method: fc.constantFrom(...METHODS), contentType: fc.constantFrom(...CONTENT_TYPES), body: jsonBodyArb }),
        }),
        async ({ path, id, signedIn, request }) => {
          const url = new URL(path.replace('{id}', encodeURIComponent(id)), ORIGIN).href
          // Signing out would end the session the other cases use.
          const answer = await send(url, request, signedIn && !path.includes('logout') ? owner.cookie : undefined)
          expect({ url, method: request.method, status: answer.status }).toEqual({
            url,
            method: request.method,
            status: expect.any(Number),
          })
          expect(answer.status, `${request.method} ${url} → ${answer.body.slice(0, 200)}`).toBeLessThan(500)
        },
      )
    },
    FUZZ_TIMEOUT_MS,
  )

  it(
    'answers 413 to bodies over the limit, with or without Content-Length',
    async () => {
      const targets = [
        '/api/v1/auth/signup',
        '/api/v1/connections',
        `/connect/${newToken()}`,
        `/connect/${newToken()}/reject`,
        `/hooks/${newToken()}`,
        '/login',
        '/signup',
      ]
      await fuzz(
        60,
        fc.record({
          path: fc.constantFrom(...targets),
          size: fc.integer({ min: MAX_BODY_BYTES + 1, max: 4 * MAX_BODY_BYTES }),
          chunked: fc.boolean(),
          contentType: fc.constantFrom(
            'application/json',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'text/plain',
          ),
        }),
        async ({ path, size, chunked, contentType }) => {
          const body = chunked ? streamOf(size) : 'a'.repeat(size)
          const response = await exports.default.fetch(
            new Request(`${ORIGIN}${path}`, {
              method: 'POST',
              body,
              headers: { 'content-type': contentType, cookie: owner.cookie },
              duplex: 'half',
            } as RequestInit),
          )
          await response.body?.cancel()
          tally.requests++
          tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1)
          if (response.status >= 500) tally.status5xx++
          expect({ path, size, chunked, status: response.status }).toEqual({ path, size, chunked, status: 413 })
        },
      )
    },
    FUZZ_TIMEOUT_MS,
  )
})

/** A body sent in chunks with no Content-Length, as `Transfer-Encoding: chunked` arrives. */
function streamOf(size: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close()
      const chunk = Math.min(16 * 1024, size - sent)
      sent += chunk
      controller.enqueue(new Uint8Array(chunk).fill(0x61))
    },
  })
}
