import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, it } from 'vitest'
import { resolveResponse, responsesOf } from '../src/openapi/errors'
import document from '../public/api/v1/openapi.json'
import { operations } from '../src/openapi/operations'

/** The committed file the worker serves; test/openapi-document.test.ts proves it is what the registry builds. */
describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, every $ref resolving', async () => {
    // validate() dereferences in place; hand it a copy.
    const validated = await SwaggerParser.validate(structuredClone(document) as never)
    expect(validated).toMatchObject({ openapi: '3.1.0' })
    expect(Object.keys(document.paths)).toHaveLength(new Set(operations.map((op) => op.path)).size)
  })

  it('has every example parse with the schema it illustrates', () => {
    for (const operation of operations) {
      const body = operation.requestBody
      if (body?.example !== undefined) expect(body.schema.safeParse(body.example).error?.issues ?? [], operation.operationId).toEqual([])
      for (const [status, declared] of Object.entries(responsesOf(operation))) {
        const response = resolveResponse(declared).body
        if (response?.example === undefined) continue
        expect(response.schema.safeParse(response.example).error?.issues ?? [], `${operation.operationId} ${status}`).toEqual([])
      }
    }
  })

  it('gives every operation a summary, security and a documented success answer', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, Record<string, unknown>>)) {
        expect(operation.summary, `${method} ${path}`).toEqual(expect.any(String))
        expect(operation.security, `${method} ${path}`).toEqual(expect.any(Array))
        expect(
          Object.keys(operation.responses as object).some((status) => status.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true)
      }
    }
  })
})
