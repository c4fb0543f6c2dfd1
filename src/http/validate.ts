import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type * as z from 'zod'
import { AppError } from '../domain/errors'

/** zod at the edge, failing with the standard 400 envelope instead of a raw ZodError. */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
      throw new AppError('invalid_request', `Invalid ${issues[0]?.path || target}: ${issues[0]?.message ?? 'bad value'}`, issues)
    }
  })
}
