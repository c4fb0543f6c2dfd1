import * as z from 'zod'
import { LOCALES } from '../domain/locales'
import { DEFAULT_LINK_MINUTES, MAX_LINK_MINUTES, MIN_LINK_MINUTES } from '../domain/links'
import { MAX_REQUEST_ITEMS, MIN_REQUEST_ITEMS } from '../domain/limits'
import { id as appId, name, timestamp } from './common'
import { connection } from './connections'

const item = z.object({ appId, name }).strict()

export const createLinkRequestSchema = z
  .object({
    items: z
      .array(item)
      .min(MIN_REQUEST_ITEMS)
      .max(MAX_REQUEST_ITEMS)
      .describe(
        `${MIN_REQUEST_ITEMS} to ${MAX_REQUEST_ITEMS} apps, each becoming a connection of its own with that name (names differ ` +
          'within a request). An unknown app, a repeated name or an app whose OAuth client is not configured refuses the whole ' +
          'request, with `issues[].path` naming the item (`items.<index>.appId`); nothing is written.',
      ),
    expiresInMinutes: z
      .number()
      .int()
      .min(MIN_LINK_MINUTES)
      .max(MAX_LINK_MINUTES)
      .optional()
      .describe(`How long the link stays usable, in minutes; ${DEFAULT_LINK_MINUTES} (48 hours) when absent.`),
    locale: z.enum(LOCALES).optional().describe('The language of the client’s pages; absent, the client’s browser decides.'),
  })
  .strict()

export const linkRequest = z.strictObject({
  id: z.string(),
  url: z
    .url()
    .nullable()
    .describe('The one link to send the client, listing every app; null once every item is finished or the link expired.'),
  expiresAt: timestamp,
  createdAt: timestamp,
  items: z
    .array(z.strictObject({ connection }))
    .describe('In the order given; each item’s connection has its own badge, refresh link and history like any via-link connection.'),
})

export const linkRequestResponse = z.strictObject({ request: linkRequest })
