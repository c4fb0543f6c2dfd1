import * as z from 'zod'

export const signupSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(10, 'Use at least 10 characters.').max(256),
    name: z.string().trim().min(1).max(100),
  })
  .strict()

export const loginSchema = z
  .object({
    email: z.string().max(254),
    password: z.string().max(256),
  })
  .strict()

export const tokenRequestSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict()

export const user = z.strictObject({ id: z.string(), email: z.email(), name: z.string() })

export const workspace = z.strictObject({ id: z.string(), name: z.string() })

export const sessionResponse = z.strictObject({ user, workspace })

/** Shown once: only its hash is stored. */
export const tokenResponse = z.strictObject({ token: z.string().startsWith('tth_') })
