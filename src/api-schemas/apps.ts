import * as z from 'zod'
import { APP_CATEGORIES } from '../apps/categories'
import { SEARCH_MAX } from '../domain/limits'

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

/** Shared by GET /api/v1/apps and the pickers' GET forms, whose "All categories" option sends an empty value. */
export const appSearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .max(SEARCH_MAX)
      .optional()
      .describe('Words that must each appear in the app name, id or category (case-insensitive).'),
    category: z
      .union([z.enum(APP_CATEGORIES), z.literal('')])
      .optional()
      .transform((value) => value || undefined)
      .describe('One category; empty means all.'),
  })
  .strict()
