import type * as z from 'zod'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** A body schema gets a name: the document lists it under components.schemas and refers to it. */
export interface NamedBody {
  name: string
  schema: z.ZodType
  example?: unknown
}

export interface ResponseSpec {
  description: string
  /** Absent for answers without a body (204). */
  body?: NamedBody
  headers?: Record<string, { description: string; schema: z.ZodType }>
}

/** Error answers that many operations share; see ./errors. */
export type SharedErrorName =
  | 'InvalidRequest'
  | 'Unauthorized'
  | 'CrossSite'
  | 'CrossSiteOrScope'
  | 'NotFound'
  | 'PayloadTooLarge'
  | 'RateLimited'

export interface Operation {
  operationId: string
  method: HttpMethod
  /** As the Hono app routes it, e.g. `/api/v1/connections/:id`. */
  path: string
  summary: string
  description?: string
  tag: 'auth' | 'apps' | 'connections' | 'workflows' | 'webhooks' | 'notifications' | 'oauth-apps' | 'brand' | 'meta'
  /** `owner`: a session cookie or `Authorization: Bearer <API token>`. */
  auth: 'owner' | 'none'
  params?: z.ZodObject
  /** Query parameters (paging, search, filters). */
  query?: z.ZodObject
  requestBody?: NamedBody & { required: boolean }
  /** A body that is not JSON (an image upload): its media types, described in words. */
  rawBody?: { mediaTypes: string[]; description: string }
  responses: Record<number, ResponseSpec | SharedErrorName>
}
