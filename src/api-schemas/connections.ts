import * as z from 'zod'
import { BADGES } from '../domain/badges'
import { HEALTHS } from '../domain/health'
import { CURSOR_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, RETURN_URL_MAX, SEARCH_MAX } from '../domain/limits'
import { DEFAULT_LINK_MINUTES, MAX_LINK_MINUTES, MIN_LINK_MINUTES } from '../domain/links'
import { LOCALES } from '../domain/locales'
import { id as appId, name, timestamp } from './common'
const expiresInMinutes = z
  .number()
  .int()
  .min(MIN_LINK_MINUTES)
  .max(MAX_LINK_MINUTES)
  .optional()
  .describe(`How long the link stays usable, in minutes; ${DEFAULT_LINK_MINUTES} (48 hours) when absent.`)
const locale = z
  .enum(LOCALES)
  .optional()
  .describe(
    'The language of the client’s pages for this link. Absent: the client’s browser decides (Accept-Language, English when none ' +
      'matches). Either way the client can switch language on the page, and their choice wins.',
  )
const returnUrl = z
  .string()
  .max(RETURN_URL_MAX)
  .optional()
  .describe(
    'Where the client’s outcome page offers “Back to <your display name>”: a public https URL (no private or loopback host, no ' +
      'user name or password in it). `connection=<id>&status=connected|rejected` are added to its query, which is otherwise kept.',
  )
const credentials = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe('The app’s fields by key (see `fields` in GET /api/v1/apps); verified with the app before anything is stored.')

export const createConnectionSchema = z.discriminatedUnion('via', [
  z.object({ appId, name, via: z.literal('link'), expiresInMinutes, locale, returnUrl }).strict(),
  z.object({ appId, name, via: z.literal('direct'), credentials }).strict(),
])

const allowAccountChange = z
  .boolean()
  .optional()
  .describe(
    'Accept credentials of a different upstream account than the connection’s current one. By default such a refresh is refused ' +
      'with `account_mismatch` (409) and nothing changes.',
  )

export const credentialsSchema = z.object({ credentials, allowAccountChange }).strict()

export const issueLinkSchema = z.object({ expiresInMinutes, allowAccountChange, locale, returnUrl }).strict()

const linkStatus = z.enum(['pending', 'used', 'rejected', 'skipped', 'revoked', 'expired', 'locked'])
const linkPurpose = z.enum(['create', 'refresh'])

export const linkSummary = z.strictObject({ status: linkStatus, purpose: linkPurpose, expiresAt: timestamp })

export const connection = z.strictObject({
  id: z.string(),
  appId: z.string(),
  name: z.string(),
  status: z
    .enum(['pending', 'active', 'rejected', 'revoked'])
    .describe(
      '`revoked`: the client revoked the access from their management page; the credentials are deleted, a new link reconnects it.',
    ),
  via: z.enum(['direct', 'link']),
  badge: z
    .enum(BADGES)
    .nullable()
    .describe('Derived from the connection and its latest link: `expired` and `locked` name a never-used link that can no longer be used.'),
  accountLabel: z.string().nullable(),
  metadata: z
    .record(z.string(), z.string())
    .describe(
      'Non-secret values the app gave at sign-in and the API calls use, e.g. Salesforce `instanceUrl`, Jira `cloudId`, ' +
        'Xero `tenantId`, Microsoft `tenantId`. Replaced when the credentials are; `{}` for apps that have none.',
    ),
  needsReconnect: z.boolean().describe('The app refused the credentials: the same as `health: "needs_reconnect"`.'),
  health: z
    .enum(HEALTHS)
    .describe(
      '`ok`: the app accepted the credentials at the latest check or token refresh; `needs_reconnect`: the app refused them ' +
        '(401/403, `invalid_grant`, a revoked token), a reconnect link fixes it; `unknown`: not checked yet, or the latest ' +
        'check could not reach the app (a timeout or an outage never flips a connection), retried with backoff.',
    ),
  lastCheckedAt: timestamp.nullable().describe('When Tether last checked the credentials with the app (cron, "Check now" or a run).'),
  lastError: z.string().nullable().describe('What went wrong at that check, as a sentence; never what the app answered.'),
  credentialsSource: z
    .enum(['client_link', 'owner_direct', 'owner_oauth'])
    .nullable()
    .describe(
      'How the current credentials came: the client via a link, the owner typing them, the owner signing in; null if never connected.',
    ),
  credentialsUpdatedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  link: linkSummary.nullable(),
})

/** `url` only while the link can still be used; `message` explains a link that cannot. */
export const link = z.strictObject({
  url: z.url().optional(),
  status: linkStatus,
  purpose: linkPurpose,
  expiresAt: timestamp,
  message: z.string().optional(),
})

export const event = z.strictObject({
  id: z.string(),
  type: z.string(),
  actor: z.enum(['owner', 'client', 'system']),
  at: timestamp,
  ipCountry: z.string().nullable(),
  userAgent: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
})

export const connectionResponse = z.strictObject({ connection })

export const connectionListResponse = z.strictObject({
  connections: z.array(connection),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
})

const limit = z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).optional().describe(`Rows per page, ${PAGE_SIZE_DEFAULT} when absent.`)
const cursor = z.string().max(CURSOR_MAX).optional().describe('The `nextCursor` of the previous page.')

export const pageQuery = z.object({ limit, cursor }).strict()

export const connectionListQuery = z
  .object({
    limit,
    cursor,
    q: z.string().trim().max(SEARCH_MAX).optional().describe('Part of the connection name or account label (case-insensitive).'),
    appId: appId.optional(),
    badge: z.enum(BADGES).optional(),
  })
  .strict()

/** `via: link` answers with the link to send the client; `via: direct` with the verified connection alone. */
export const connectionCreatedResponse = z.union([
  z.strictObject({ connection, link: z.strictObject({ url: z.url(), expiresAt: timestamp }) }),
  connectionResponse,
])

export const linkResponse = z.strictObject({ link })

export const eventListResponse = z.strictObject({ events: z.array(event), nextCursor: z.string().nullable() })
