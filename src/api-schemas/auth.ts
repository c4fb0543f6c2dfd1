import * as z from 'zod'
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../domain/limits'
import { name } from './common'

export const signupSchema = z
  .object({
    email: z.email().max(EMAIL_MAX),
    password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX),
    name,
  })
  .strict()

export const loginSchema = z
  .object({
    email: z.string().max(EMAIL_MAX),
    password: z.string().max(PASSWORD_MAX),
  })
  .strict()

export const tokenRequestSchema = z.object({ name }).strict()

export const user = z.strictObject({ id: z.string(), email: z.email(), name: z.string() })

export const workspace = z.strictObject({ id: z.string(), name: z.string() })

export const sessionResponse = z.strictObject({ user, workspace })

/** Shown once: only its hash is stored. */
export const tokenResponse = z.strictObject({ token: z.string().startsWith('tth_') })
