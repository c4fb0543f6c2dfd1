import * as z from 'zod'
import { EMAIL_MAX, PASSWORD_MAX, TOKEN_EXPIRY_DAYS_DEFAULT, TOKEN_EXPIRY_DAYS_MAX, TOKEN_EXPIRY_DAYS_MIN } from '../domain/limits'
import { TOKEN_SCOPES } from '../domain/token-scope'
import { id, name, timestamp } from './common'
import { newPassword } from './password'

export const signupSchema = z
  .object({
    email: z.email().max(EMAIL_MAX),
    password: newPassword,
    name,
  })
  .strict()

/** Asks for an email to an address; whether it has an account is never said. */
export const emailRequestSchema = z.object({ email: z.string().trim().min(1).max(EMAIL_MAX) }).strict()

export const verificationSentResponse = z
  .strictObject({ status: z.literal('verification_sent') })
  .describe('The same answer for a new, a taken and an unknown address: what was sent is in the inbox.')

export const resetSentResponse = z
  .strictObject({ status: z.literal('reset_sent') })
  .describe('The same answer whether or not the address has an account.')

export const loginSchema = z
  .object({
    email: z.string().max(EMAIL_MAX),
    password: z.string().max(PASSWORD_MAX),
  })
  .strict()

export const tokenScope = z.enum(TOKEN_SCOPES).describe('`read`: GET and HEAD only; `write`: everything a session may do but mint tokens.')

export const tokenExpiryDays = z
  .int()
  .min(TOKEN_EXPIRY_DAYS_MIN)
  .max(TOKEN_EXPIRY_DAYS_MAX)
  .describe(`Days until the token stops working; ${TOKEN_EXPIRY_DAYS_DEFAULT} when left out.`)

export const tokenRequestSchema = z.object({ name, scope: tokenScope.optional(), expiresInDays: tokenExpiryDays.optional() }).strict()

export const user = z.strictObject({ id: z.string(), email: z.email(), name: z.string() })

export const workspace = z.strictObject({ id: z.string(), name: z.string() })

export const sessionResponse = z.strictObject({ user, workspace })

/** Never the secret nor its hash. */
export const apiToken = z.strictObject({
  id,
  name: z.string(),
  scope: tokenScope,
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable().describe('Updated at most once a minute; null until first used.'),
  expiresAt: timestamp.nullable().describe('Null only for a token created during the upgrade that introduced expiry.'),
})

/** Shown once: only its hash is stored. */
export const tokenResponse = z.strictObject({ ...apiToken.shape, token: z.string().startsWith('tth_') })

export const tokenListResponse = z.strictObject({ tokens: z.array(apiToken) })
