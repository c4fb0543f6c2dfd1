/** Every size limit in one place: the schemas, the forms' maxlength and the services read them from here. */

/** Ids and app ids in paths and bodies. */
export const ID_MAX = 64
/** Names of connections, workflows, tokens and owners. */
export const NAME_MAX = 100
/** RFC 5321's longest address. */
export const EMAIL_MAX = 254
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 256
/** One credential field (an API key, a site URL, a username) as typed into a form or sent to the API. */
export const CREDENTIAL_FIELD_MAX = 4096
/** One workflow step field's template text. */
export const TEMPLATE_MAX = 10_000
export const MAX_STEPS = 20
export const SEARCH_MAX = 100
/** Rows per page of the connections table, the activity log and runs (API `limit`). */
export const PAGE_SIZE_DEFAULT = 25
export const PAGE_SIZE_MAX = 100
/** A cursor is base64url of "<epoch ms>.<id>". */
export const CURSOR_MAX = 120
/** What a client may say when rejecting a link. */
export const REJECT_REASON_MAX = 500
/** Characters of non-secret values a refusal carries back to the form in its cookie; past it they are left out (a cookie holds ~4 KB). */
export const NOTICE_VALUES_MAX = 1_500
/** An API token's lifetime, chosen when it is created. */
export const TOKEN_EXPIRY_DAYS_MIN = 1
export const TOKEN_EXPIRY_DAYS_MAX = 365
export const TOKEN_EXPIRY_DAYS_DEFAULT = 90
/** The account an upstream names ("Wendy on client.example"); what it sends beyond this is cut, after scrubbing. */
export const ACCOUNT_LABEL_MAX = 200
/** One run step's recorded output (serialized JSON) and a step's or run's error, in characters. */
export const RECORDED_OUTPUT_MAX = 16 * 1024
export const RECORDED_ERROR_MAX = 2_000

/**
 * Per-workspace quotas: far above an agency onboarding a client with a dozen apps at once, low
 * enough that one account (or a stolen API token) cannot fill D1. Exact: counted in the same statement as the insert.
 */
export const MAX_CONNECTIONS = 5_000
export const MAX_OPEN_LINKS = 1_000
export const MAX_WORKFLOWS = 500
/** New links (requests and refreshes) per workspace per hour, on the exact D1 rate-limit counters. */
export const NEW_LINKS_PER_HOUR = 100
/** A link's honest life is a dozen events (10 refusals at most); past this anonymous opens and accepts are not recorded. */
export const MAX_EVENTS_PER_LINK = 200
/**
 * Credential checks with an app, per workspace, on every path that asks an app whether credentials are good (API,
 * dashboard, owner OAuth, every link's submissions): a stolen token or a busy owner cannot turn Tether into a
 * key-testing oracle. A check is counted as a refusal before it is made and refunded when the app accepts.
 */
export const CHECK_REFUSALS_PER_HOUR = 20
export const CHECKS_PER_DAY = 200
/** Webhook endpoints per workspace, and the characters of an endpoint's URL. */
export const MAX_WEBHOOK_ENDPOINTS = 20
export const WEBHOOK_URL_MAX = 2_000
/**
 * Health checks per cron run (every 5 minutes): at most this many calls to apps, so a run stays within the
 * paid plan's subrequests and minutes; 200 a run is 57,600 checks a day. The most overdue go first.
 */
export const HEALTH_CHECKS_PER_RUN = 200
/** Checks of one sweep that wait on apps at the same time. */
export const HEALTH_CHECKS_AT_ONCE = 6
/** The header's unread count stops here ("99+"), so counting stays bounded whatever the backlog. */
export const UNREAD_COUNT_CAP = 100
/** Ids one "mark read" call may name: one statement, under D1's 100 bound parameters. */
export const MARK_READ_IDS_MAX = 50
/**
 * The credential proxy (docs/PROXY.md): the longest path after `/proxy`, the request body it streams through (a caller
 * sending more gets 413 and the upstream sees the stream cut), and the response body it passes back.
 */
export const PROXY_PATH_MAX = 2_048
export const PROXY_BODY_MAX = 1024 * 1024
export const PROXY_RESPONSE_MAX = 10 * 1024 * 1024
/** Proxied calls per connection and per workspace, each per minute (fixed windows on the D1 counters). */
export const PROXY_CALLS_PER_CONNECTION_PER_MINUTE = 120
export const PROXY_CALLS_PER_WORKSPACE_PER_MINUTE = 600

/** Tries per workflow step for answers that may pass on another go (429, 5xx, no answer); the owner may set 1 to this. */
export const STEP_ATTEMPTS_DEFAULT = 3
export const STEP_ATTEMPTS_MAX = 10
/**
 * A step's own limit for each of its calls to the app, in seconds, when the owner sets one (else UPSTREAM_TIMEOUT_MS).
 * A run's delivery starts no step after RUN_SLICE_MS (10 min), so a step of at most 5 minutes still ends within the
 * 15 minutes of wall clock a queue consumer invocation may take (https://developers.cloudflare.com/queues/platform/limits/).
 */
export const STEP_TIMEOUT_MAX_SECONDS = 300
/** The test payload of the builder's *Run now* (the webhook itself is capped by the app-wide body limit). */
export const TEST_PAYLOAD_MAX = 16 * 1024
/** A workspace's own OAuth client id and secret (Settings → OAuth apps); providers issue far shorter ones. */
export const OAUTH_CLIENT_ID_MAX = 512
export const OAUTH_CLIENT_SECRET_MAX = 1024

/** A client's management link (`/manage/<token>`) works for a year after their grant. */
export const MANAGE_LINK_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000
/** The management page's "used by the owner's workflows" counts the runs of this window. */
export const MANAGE_USAGE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000
/** Apps in one several-apps link (POST /api/v1/link-requests, the dashboard's "Request several apps"). */
export const MIN_REQUEST_ITEMS = 2
export const MAX_REQUEST_ITEMS = 10
/** A workspace's brand: its display name on the client's pages, and its logo's size in bytes (PNG, JPEG or WebP). */
export const BRAND_NAME_MAX = 60
export const LOGO_MAX_BYTES = 100 * 1024
/** A link's returnUrl: longer than any real "back to my site" address, short enough to ride the outcome cookie. */
export const RETURN_URL_MAX = 1000
