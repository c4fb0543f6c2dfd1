import type { AppError } from '../domain/errors'
import { DEFAULT_LOCALE, type Locale } from '../domain/locales'
import { type MessageKey, t } from '.'

/** What the client may be told about an app: its name, and its fields' labels in their language. */
export interface AppWording {
  name: string
  label(fieldKey: string): string
}

const BY_CODE: Partial<Record<AppError['code'], MessageKey>> = {
  invalid_credentials: 'error.invalidCredentials',
  upstream_error: 'error.upstream',
  rate_limited: 'error.tooMany',
  quota_exceeded: 'error.tooMany',
  account_mismatch: 'error.accountMismatch',
  app_unavailable: 'error.appUnavailable',
  link_locked: 'locked.body',
  link_invalid: 'invalid.body',
}

const NEEDS_APP: ReadonlySet<MessageKey> = new Set([
  'error.invalidCredentials',
  'error.upstream',
  'error.accountMismatch',
  'error.appUnavailable',
])

interface Issue {
  path: string
  message: string
}

function issuesOf(error: AppError): Issue[] {
  if (!Array.isArray(error.details)) return []
  return (error.details as { path?: unknown; message?: unknown }[]).flatMap((issue) =>
    typeof issue.path === 'string' && issue.path && typeof issue.message === 'string' ? [{ path: issue.path, message: issue.message }] : [],
  )
}

/** An issue of credentialsFromFields ("Required", "Too long") or refuseUnsendable (anything else: the value's characters). */
function issueKey(issue: Issue): 'required' | 'tooLong' | 'characters' {
  return issue.message === 'Required' ? 'required' : issue.message === 'Too long' ? 'tooLong' : 'characters'
}

/** account_mismatch names the link's account (masked) and the one used; missing, the placeholders say "?". */
function accountsOf(error: AppError): { expected: string; used: string } {
  const details = (error.details ?? {}) as { expected?: unknown; used?: unknown }
  return {
    expected: typeof details.expected === 'string' ? details.expected : '?',
    used: typeof details.used === 'string' ? details.used : '?',
  }
}

/**
 * The error as the client reads it. English keeps the service's own words, which can be more specific ("That is not a
 * Mailchimp API key…"); other languages get the catalog's message for the error's code, naming the app and the field.
 */
export function clientErrorMessage(locale: Locale, error: AppError, app: AppWording | null): string {
  if (locale === DEFAULT_LOCALE) return error.message
  const [issue] = issuesOf(error)
  if (issue && app) {
    const field = app.label(issue.path)
    const kind = issueKey(issue)
    const key = kind === 'required' ? 'error.fieldRequired' : kind === 'tooLong' ? 'error.fieldTooLong' : 'error.fieldCharacters'
    return t(locale, key, { field, app: app.name })
  }
  const key = BY_CODE[error.code]
  if (!key || (NEEDS_APP.has(key) && !app)) return t(locale, 'error.generic')
  return t(locale, key, { app: app?.name ?? '', ...accountsOf(error) })
}

/** Field key → what is wrong with it, in the client's language (English: the services' words, as the dashboard shows them). */
export function clientFieldErrors(
  locale: Locale,
  error: AppError,
  app: AppWording,
  english: Record<string, string>,
): Record<string, string> {
  if (locale === DEFAULT_LOCALE) return english
  const errors: Record<string, string> = {}
  for (const issue of issuesOf(error)) {
    const kind = issueKey(issue)
    errors[issue.path] ??=
      kind === 'required'
        ? t(locale, 'error.required')
        : kind === 'tooLong'
          ? t(locale, 'error.tooLong')
          : t(locale, 'error.fieldCharacters', { field: app.label(issue.path), app: app.name })
  }
  return errors
}
