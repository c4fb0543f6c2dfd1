import * as z from 'zod'
import { OAUTH_CLIENT_ID_MAX, OAUTH_CLIENT_SECRET_MAX } from '../domain/limits'

export const oauthApp = z.strictObject({
  provider: z.string(),
  providerName: z.string(),
  apps: z.array(z.string()),
  source: z.enum(['workspace', 'operator', 'none']),
  clientId: z.string().nullable(),
  redirectUri: z.string(),
  unavailableReason: z.string().nullable(),
  updatedAt: z.string().nullable(),
})

export const oauthAppListResponse = z.strictObject({ oauthApps: z.array(oauthApp) })
export const oauthAppResponse = z.strictObject({ oauthApp })

export const providerParam = z.object({ provider: z.string().regex(/^[a-z0-9_]{1,40}$/) })

export const saveOAuthAppSchema = z
  .object({
    clientId: z.string().trim().min(1).max(OAUTH_CLIENT_ID_MAX),
    clientSecret: z.string().trim().min(1).max(OAUTH_CLIENT_SECRET_MAX),
  })
  .strict()
