import type { Context } from 'hono'
import type * as z from 'zod'
import { AppError } from '../../domain/errors'

export type FormValues = Record<string, string>
export type FieldErrors = Record<string, string>

/** A posted HTML form's text fields (files are ignored: no dashboard form uploads any). */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody().catch(() => {
    throw new AppError('invalid_request', 'The form could not be read.')
  })
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/**
 * Validates a form with zod and turns issues into one message per field. `messages` replaces
 * zod's wording with words a person can act on ("Enter a name for the connection.").
 */
export function parseForm<S extends z.ZodType>(schema: S, values: FormValues, messages: Record<string, string> = {}): Parsed<z.output<S>> {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '')
    errors[key] ??= messages[key] ?? issue.message
  }
  return { ok: false, errors }
}

/** Field errors a service reported through AppError details ({path, message}[]): the first says the error's message, others their own. */
export function fieldErrorsOf(error: AppError): FieldErrors {
  const errors: FieldErrors = {}
  if (!Array.isArray(error.details)) return errors
  for (const [index, issue] of (error.details as { path?: unknown; message?: unknown }[]).entries()) {
    const message = index > 0 && typeof issue.message === 'string' ? issue.message : error.message
    if (typeof issue.path === 'string' && issue.path) errors[issue.path] ??= message
  }
  return errors
}

/** Only a same-origin path may follow a login: never `//evil.example` or `/\evil.example`. */
export function safeNext(raw: string | undefined): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it refuses
  if (!raw || raw.length > 500 || !/^\/(?![/\\])/.test(raw) || /[\u0000-\u001f\\]/.test(raw)) return null
  return raw
}
