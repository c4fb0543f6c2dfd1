import * as z from 'zod'

const appField = z.strictObject({ key: z.string(), label: z.string(), secret: z.boolean() })

export const app = z.strictObject({
  id: z.string(),
  name: z.string(),
  iconUrl: z.string(),
  authType: z.enum(['oauth2', 'api_key', 'basic']),
  available: z.boolean(),
  fields: z.array(appField),
  actions: z.array(z.strictObject({ id: z.string(), name: z.string(), fields: z.array(appField) })),
})

export const appListResponse = z.strictObject({ apps: z.array(app) })
