import * as z from 'zod'
import { PROXY_PATH_MAX } from '../domain/limits'
import { id } from './common'

/** Documentation only: the route reads the path from the URL itself, so nothing decodes it first (src/domain/proxy-path.ts). */
export const proxyParams = z.object({
  id,
  path: z
    .string()
    .max(PROXY_PATH_MAX)
    .describe(
      'The path under the app’s API base, e.g. `api/v2/team`; the query string is passed on as it is. Refused with 400: `.` and `..` ' +
        'segments, empty segments (`//host`), `@`, backslashes, control characters, and encoded `/`, `\\`, `.`, `@` or `%`.',
    ),
})
