import * as z from 'zod'
import { APP_CATEGORIES } from '../apps/categories'

const appField = z.strictObject({ key: z.string(), label: z.string(), secret: z.boolean() })

export const app = z.strictObject({
  id: z.string(),
  name: z.string(),
  iconUrl: z.string(),
  category: z.enum(APP_CATEGORIES),
  authType: z.enum(['oauth2', 'client_credentials', 'api_key', 'basic']),
  available: z.boolean(),
  fields: z.array(appField),
  actions: z.array(z.strictObject({ id: z.string(), name: z.string(), fields: z.array(appField) })),
})

export const appListResponse = z.strictObject({ apps: z.array(app) })
