import * as z from 'zod'
import { id, idParam, name } from '../../api-schemas/common'
import { NAME_MAX, RETURN_URL_MAX } from '../../domain/limits'
import { DEFAULT_LINK_MINUTES } from '../../domain/links'
import { LOCALES } from '../../domain/locales'
import { LINK_LIFETIMES } from '../../views/pages/dashboard/link-lifetime'

const LIFETIME_VALUES: readonly string[] = LINK_LIFETIMES.map((choice) => String(choice.minutes))

export { idParam }
export const appIdParam = z.object({ appId: id })

export const connectionName = name

/** One of the select's lifetimes; a missing value means the default 48 hours. */
export const expiresInMinutes = z
  .string()
  .default(String(DEFAULT_LINK_MINUTES))
  .refine((value) => LIFETIME_VALUES.includes(value))
  .transform(Number)

/** The link's language; the empty option (the client's browser decides) is no choice. */
export const linkLocale = z
  .union([z.literal(''), z.enum(LOCALES)])
  .optional()
  .transform((value) => value || undefined)

/** Checked by the service (the URL policy); empty is none. */
const returnUrl = z.string().max(RETURN_URL_MAX).optional()

export const nameForm = z.object({ connectionName })
export const linkForm = z.object({ connectionName, expiresInMinutes, locale: linkLocale, returnUrl })
export const refreshForm = z.object({ expiresInMinutes, allowAccountChange: z.literal('1').optional(), locale: linkLocale, returnUrl })

export const formMessages = {
  connectionName: `Enter a name for the connection (up to ${NAME_MAX} characters).`,
  expiresInMinutes: 'Choose one of the offered lifetimes.',
  locale: 'Choose one of the offered languages.',
  returnUrl: `Enter an https address of at most ${RETURN_URL_MAX} characters.`,
}

/** Errors that mean "fix what you typed", shown on the form instead of an error page. */
