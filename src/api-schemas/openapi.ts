import * as z from 'zod'

/** Only the top of the document is pinned here; swagger-parser checks the rest in the tests. */
export const openApiDocumentShape = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
  components: z.looseObject({}),
})
