import * as z from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN } from '../domain/limits'
import { PASSWORD_PROBLEM_MESSAGES, PASSWORD_RULE, passwordProblem } from '../domain/password-policy'

/** Every place that sets a password validates it with this one schema; logging in does not (older passwords keep working). */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN, PASSWORD_PROBLEM_MESSAGES.too_short)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value)
    // The length has its own check above, with its own message.
    if (problem && problem !== 'too_short') ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_MESSAGES[problem] })
  })
  .describe(PASSWORD_RULE)

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX),
    newPassword,
  })
  .strict()
