import * as z from 'zod'
import { BRAND_NAME_MAX } from '../domain/limits'

export const brand = z.strictObject({
  displayName: z.string().nullable(),
  accent: z.string().nullable(),
  logoUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
})

export const brandResponse = z.strictObject({ brand })

export const saveBrandSchema = z
  .object({
    displayName: z
      .string()
      .max(BRAND_NAME_MAX)
      .nullable()
      .optional()
      .describe('Shown to clients instead of “Tether” on the invitation and every client page. Absent: kept; null or empty: cleared.'),
    accent: z
      .string()
      .max(7)
      .nullable()
      .optional()
      .describe(
        'The buttons’ colour as `#rrggbb`. Refused (400) unless white button text on it has a WCAG contrast of at least 4.5:1. ' +
          'Absent: kept; null or empty: cleared.',
      ),
  })
  .strict()
