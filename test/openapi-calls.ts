import { expect } from 'vitest'
import { errorEnvelope } from '../src/api-schemas/common'
import { ERROR_STATUS } from '../src/domain/errors'
import { resolveResponse, responsesOf } from '../src/openapi/errors'
import { operations } from '../src/openapi/operations'
import type { Operation } from '../src/openapi/types'
import { call } from './helpers'

type CallInit = NonNullable<Parameters<typeof call>[1]>

const pathPattern = (path: string) => new RegExp(`^${path.replace(/:\w+/g, '[^/]+').replace(/\/\*$/, '/.*')}$`)

/** The registry's operation for a request, found the way the router would: by method and path. */
export function operationFor(method: string, path: string): Operation {
  const { pathname } = new URL(path, 'http://x')
  const found = operations.filter((op) => op.method === method.toLowerCase() && pathPattern(op.path).test(pathname))
  expect(
    found.map((op) => op.operationId),
    `${method} ${pathname}`,
  ).toHaveLength(1)
  return found[0]!
}

/** Which operation answered with which status; a test checks every operation was driven. */
export const answered = new Set<string>()

/**
 * Calls the real worker and holds the answer to the registry: the status must be declared for the
 * operation, and the body must parse with that status's schema (strict objects, so an extra or
 * renamed field fails), and declared headers must be present.
 */
export async function documentedCall<T = unknown>(path: string, init: CallInit = {}): Promise<{ response: Response; body: T }> {
  const method = init.method ?? 'GET'
  const operation = operationFor(method, path)
  const response = await call(path, init)
  const text = await response.clone().text()
  const declared = responsesOf(operation)[response.status]
  expect(declared, `${operation.operationId} answered ${response.status} ${text}`).toBeDefined()
  const spec = resolveResponse(declared!)
  for (const [name, header] of Object.entries(spec.headers ?? {})) {
    const value = response.headers.get(name)
    expect(value, `${operation.operationId} ${response.status} header ${name}`).not.toBeNull()
    // Header values are text; a numeric header is held to its schema as the number it spells.
    const parsed = header.schema.safeParse(value).success || header.schema.safeParse(Number(value)).success
    expect(parsed, `${name}: ${value}`).toBe(true)
  }
  answered.add(`${operation.operationId} ${response.status}`)
  if (!spec.body) {
    expect(text, `${operation.operationId} ${response.status} has no body`).toBe('')
    return { response, body: undefined as T }
  }
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const result = spec.body.schema.safeParse(JSON.parse(text))
  expect(result.error?.issues ?? [], `${operation.operationId} ${response.status} ${text}`).toEqual([])
  const error = errorEnvelope.safeParse(result.data)
  if (error.success) expect(ERROR_STATUS[error.data.error.code], text).toBe(response.status)
  return { response, body: result.data as T }
}
