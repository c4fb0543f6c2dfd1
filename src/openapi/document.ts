import * as z from 'zod'
import packageJson from '../../package.json'
import { sharedSchemas, ownerSecurity, securitySchemes, tags } from './components'
import { responsesOf, sharedErrors } from './errors'
import { operations } from './operations'
import type { NamedBody, Operation, ResponseSpec } from './types'

type Json = Record<string, unknown>
type Meta = { id?: string; description?: string }

const target = 'draft-2020-12'

/** Ids from this build; descriptions from `.describe()`, which zod keeps in its global registry. */
function parametersOf(schema: NonNullable<Operation['params']>, where: 'path' | 'query') {
  const inlined = inline(schema, 'input') as { properties: Json; required?: string[] }
  return Object.entries(inlined.properties).map(([name, property]) => {
    const { description, ...rest } = property as { description?: string }
    return {
      name,
      in: where,
      required: where === 'path' || (inlined.required ?? []).includes(name),
      ...(description && { description }),
      schema: rest,
    }
  })
}

function componentRegistry() {
  const registry = z.registry<Meta>()
  const ownMeta = registry.get.bind(registry)
  registry.get = (schema) => {
    const meta = { ...z.globalRegistry.get(schema), ...ownMeta(schema) }
    return Object.keys(meta).length > 0 ? meta : undefined
  }
  return registry
}

/** `format` already says it: zod's date-time and email patterns are hundreds of characters each. */
function dropFormatPatterns({ jsonSchema }: { jsonSchema: Json }) {
  if (jsonSchema.format !== undefined) delete jsonSchema.pattern
}

function convert(registry: z.core.$ZodRegistry<Meta>, io: 'input' | 'output'): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, {
    target,
    io,
    metadata: registry,
    uri: (id) => `#/components/schemas/${id}`,
    override: dropFormatPatterns,
  })
  if ('__shared' in schemas) throw new Error('a component schema is recursive; name its parts')
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]))
}

const inline = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target, io, override: dropFormatPatterns }) as Json
  return json
}

/** A trailing wildcard (the proxy's `/*`) is the `path` parameter. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}').replace(/\/\*$/, '/{path}')

export function buildOpenApiDocument() {
  const requests = componentRegistry()
  const responses = componentRegistry()
  const schemaNamed = new Map<string, z.ZodType>()
  const nameOf = new Map<z.ZodType, string>()
  const refTo = (registry: typeof requests, { name, schema }: { name: string; schema: z.ZodType }, description?: string) => {
    if ((schemaNamed.get(name) ?? schema) !== schema || (nameOf.get(schema) ?? name) !== name)
      throw new Error(`${name}: one name per schema and one schema per name`)
    schemaNamed.set(name, schema)
    nameOf.set(schema, name)
    if (!registry.has(schema)) registry.add(schema, { id: name, ...(description ? { description } : {}) })
    return { $ref: `#/components/schemas/${name}` }
  }
  for (const [name, { schema, description }] of Object.entries(sharedSchemas)) refTo(responses, { name, schema }, description)

  const content = (body: NamedBody, registry: typeof requests) => ({
    'application/json': { schema: refTo(registry, body), ...(body.example === undefined ? {} : { example: body.example }) },
  })
  const responseObject = (spec: ResponseSpec) => ({
    description: spec.description,
    ...(spec.headers && {
      headers: Object.fromEntries(
        Object.entries(spec.headers).map(([name, header]) => [
          name,
          { description: header.description, schema: inline(header.schema, 'output') },
        ]),
      ),
    }),
    ...(spec.body && { content: content(spec.body, responses) }),
  })
  const operationObject = (operation: Operation) => ({
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description && { description: operation.description }),
    tags: [operation.tag],
    security: operation.auth === 'owner' ? ownerSecurity : [],
    ...((operation.params || operation.query) && {
      parameters: [
        ...(operation.params ? parametersOf(operation.params, 'path') : []),
        ...(operation.query ? parametersOf(operation.query, 'query') : []),
      ],
    }),
    ...(operation.rawBody && {
      requestBody: {
        required: true,
        description: operation.rawBody.description,
        content: Object.fromEntries(
          operation.rawBody.mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
        ),
      },
    }),
    ...(operation.requestBody && {
      requestBody: {
        required: operation.requestBody.required,
        content: content(operation.requestBody, requests),
      },
    }),
    responses: Object.fromEntries(
      Object.entries(responsesOf(operation)).map(([status, response]) => {
        if (typeof response !== 'string') return [status, responseObject(response)]
        if (sharedErrors[response].status !== Number(status)) throw new Error(`${operation.operationId}: ${response} is not a ${status}`)
        return [status, { $ref: `#/components/responses/${response}` }]
      }),
    ),
  })

  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of operations) {
    const path = openApiPath(operation.path)
    if (paths[path]?.[operation.method]) throw new Error(`${operation.method} ${operation.path} is listed twice`)
    paths[path] = { ...paths[path], [operation.method]: operationObject(operation) }
  }
  const sharedResponses = Object.fromEntries(Object.entries(sharedErrors).map(([name, spec]) => [name, responseObject(spec)]))

  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Tether API',
      version: packageJson.version,
      description:
        'The JSON API of Tether: ask a client for access to their account of a third-party app through a single-use link, ' +
        'and run webhook-triggered workflows with the connections. Errors always answer with the `Error` envelope.',
    },
    tags,
    paths,
    components: {
      schemas: { ...convert(requests, 'input'), ...convert(responses, 'output') },
      responses: sharedResponses,
      securitySchemes,
    },
  }
}
