import { AppError } from '../domain/errors'
import { optionalInput, requiredInput } from './fields'
import { requestAuthOf } from './inject'
import { forwardWithCredentials, PROXY_METHODS, type ProxyMethod } from './proxy-call'
import type { Action, AppDefinition, Field } from './types'

/**
 * The generic "API request" workflow action every proxyable app gets: any endpoint of the app's API, through
 * the credential proxy's own forwarding (src/apps/proxy-call.ts). Every field takes templates.
 */
export const API_REQUEST_ACTION = 'api-request'
/** What a step reads of the answer; the recorded output is capped again when stored. */
const ANSWER_MAX_BYTES = 1024 * 1024

const METHOD: Field = { key: 'method', label: 'Method', secret: false, placeholder: 'GET', help: 'GET, POST, PUT, PATCH or DELETE.' }
const PATH: Field = {
  key: 'path',
  label: 'Path',
  secret: false,
  placeholder: '/v1/items',
  help: 'Under the app’s API address, starting with /. The connection’s credentials are added by Tether.',
}
const QUERY: Field = { key: 'query', label: 'Query', secret: false, optional: true, placeholder: 'status=open&limit=10' }
const BODY: Field = {
  key: 'body',
  label: 'JSON body',
  secret: false,
  type: 'textarea',
  optional: true,
  help: 'Sent as application/json after the templates are filled in, e.g. {"title": "{{trigger.title}}"}.',
}

export function apiRequestAction(app: AppDefinition): Action {
  return {
    id: API_REQUEST_ACTION,
    name: 'API request',
    fields: [METHOD, PATH, QUERY, BODY],
    async run(ctx, credentials, input) {
      const method = (optionalInput(input, METHOD) ?? 'GET').toUpperCase()
      if (!PROXY_METHODS.includes(method as ProxyMethod))
        throw new AppError('invalid_request', 'Method must be GET, POST, PUT, PATCH or DELETE.')
      const body = optionalInput(input, BODY) ?? null
      if (body !== null && !isJson(body))
        throw new AppError('invalid_request', 'The JSON body is not valid JSON once its templates are filled in.')
      const headers = new Headers({ accept: 'application/json' })
      if (body !== null) headers.set('content-type', 'application/json; charset=utf-8')
      const response = await forwardWithCredentials(
        app,
        ctx,
        credentials,
        { method: method as ProxyMethod, path: requiredInput(input, PATH), search: optionalInput(input, QUERY) ?? '', headers, body },
        [],
      )
      const text = await readAtMost(response.body, ANSWER_MAX_BYTES)
      if (response.status >= 400) throw new AppError('upstream_error', `${app.name} answered HTTP ${response.status}.`)
      const contentType = response.headers.get('content-type') ?? ''
      return {
        upstreamStatus: response.status,
        output: { status: response.status, body: contentType.includes('json') ? parsed(text) : text },
      }
    },
  }
}

/** The catalog with the action added to every app whose credentials the proxy knows how to send. */
export function withApiRequest(app: AppDefinition): AppDefinition {
  try {
    requestAuthOf(app)
  } catch {
    return app
  }
  return { ...app, actions: [...app.actions, apiRequestAction(app)] }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text === '' ? null : text
  }
}

async function readAtMost(body: ReadableStream<Uint8Array> | null, max: number): Promise<string> {
  if (!body) return ''
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      throw new AppError('upstream_error', 'The app sent an answer that is too large for a workflow step.')
    }
    text += decoder.decode(value, { stream: true })
  }
  return text + decoder.decode()
}
