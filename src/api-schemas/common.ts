import * as z from 'zod'
import { ERROR_STATUS, type ErrorCode } from '../domain/errors'
import { ID_MAX, NAME_MAX } from '../domain/limits'
import { cleanName } from '../domain/names'

/** Request and response shapes of the JSON API: the routes validate with them, the OpenAPI document is built from them. */

export const id = z.string().min(1).max(ID_MAX)
/** Every user-chosen name: invisible format characters dropped (src/domain/names.ts), then trimmed and capped. */
export const name = z.string().overwrite(cleanName).trim().min(1).max(NAME_MAX)
export const idParam = z.object({ id })

export const timestamp = z.iso.datetime()

const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]

export const validationIssue = z.strictObject({ path: z.string(), message: z.string() })

/** `issues` only ever comes with `invalid_request`, `invalid_credential_value` and `app_unavailable`, naming the fields at fault. */
export const errorEnvelope = z.strictObject({
  error: z.strictObject({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(validationIssue).optional(),
  }),
})
