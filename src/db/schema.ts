import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { LinkBrand } from '../domain/brand'
import { LOCALES } from '../domain/locales'

/** Times are epoch milliseconds. Secrets are stored only as SHA-256 hashes or AES-GCM blobs. */

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
})

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt>$<hash>` (src/domain/password.ts): the parameters travel with the hash. */
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    /**
     * Set by following the emailed verification link (or a password reset, which proves the same). Null for
     * accounts made before verification existed too: nothing ever proved they hold their address.
     */
    emailVerifiedAt: integer('email_verified_at'),
  },
  (t) => [uniqueIndex('users_email').on(t.email)],
)

/**
 * The owner's brand on the client's pages; no row: Tether's own. The logo's bytes are in KV under `logo:<logo_hash>`
 * (docs/ARCHITECTURE.md, "The owner's brand"); the row names the current one.
 */
export const workspaceBrands = sqliteTable('workspace_brands', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  displayName: text('display_name'),
  accent: text('accent'),
  logoHash: text('logo_hash'),
  logoType: text('logo_type', { enum: ['image/png', 'image/jpeg', 'image/webp'] }),
  updatedAt: integer('updated_at').notNull(),
})

/** Single-use links sent by email: `verify` (24 h) proves the address, `reset` (1 h) sets a new password. */
export const emailTokens = sqliteTable(
  'email_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify', 'reset'] }).notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('email_tokens_user').on(t.userId, t.purpose)],
)

export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Last request seen, written at most every few minutes; null only for a session older than the column. */
    lastSeenAt: integer('last_seen_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `read`: GET and HEAD only (src/domain/token-scope.ts). */
    scope: text('scope', { enum: ['read', 'write'] })
      .notNull()
      .default('write'),
    createdAt: integer('created_at').notNull(),
    /**
     * Checked in the lookup: an expired token is refused like an unknown one. Null only for a token the
     * previous version minted while migration 0003 was being deployed (it never sets the column): no expiry.
     */
    expiresAt: integer('expires_at'),
    /** Written at most once a minute (src/services/api-tokens.ts). */
    lastUsedAt: integer('last_used_at'),
    /** Until when the dashboard may show the new token, once: cleared by the page that shows it. */
    revealUntil: integer('reveal_until'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
)

export const connections = sqliteTable(
  'connections',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    appId: text('app_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['pending', 'active', 'rejected', 'revoked'] }).notNull(),
    via: text('via', { enum: ['direct', 'link'] }).notNull(),
    accountLabel: text('account_label'),
    /**
     * The app's stable upstream account id (VerifiedAccount.id), compared on every refresh. Null for rows
     * stored before it was kept, and for apps that give none: the next verified write records it.
     */
    accountId: text('account_id'),
    credentialsBlob: text('credentials_blob'),
    credentialsKeyVersion: text('credentials_key_version'),
    /**
     * Non-secret values the connection's API calls depend on (OAuthSpec.tokenMetadata, resourceLookup): an instance URL,
     * a cloud or tenant id. Written with the credentials, replaced with them; null for apps that declare none.
     */
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, string>>(),
    /** Bumped on every credential write so token refreshes can swap without lost updates. */
    credentialsRevision: integer('credentials_revision').notNull().default(0),
    needsReconnect: integer('needs_reconnect', { mode: 'boolean' }).notNull().default(false),
    /** How the current credentials came; null while the connection has never had any. */
    credentialsSource: text('credentials_source', { enum: ['client_link', 'owner_direct', 'owner_oauth'] }),
    credentialsUpdatedAt: integer('credentials_updated_at'),
    /** The owner's user id for owner_*, the link's id for client_link. */
    credentialsUpdatedBy: text('credentials_updated_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Health (src/services/health): when the app last answered or failed a check, and the failure in words, never upstream's. */
    lastCheckedAt: integer('last_checked_at'),
    lastError: text('last_error'),
    /** When the cron looks at it next; null while nothing is to be checked (pending, rejected, needs reconnect). */
    nextCheckAt: integer('next_check_at'),
    /** Transient failures in a row, for the backoff. */
    checkFailures: integer('check_failures').notNull().default(0),
    /** Set by the one check (cron or "Check now") that holds the connection, until it finishes or the lease runs out. */
    checkClaimedUntil: integer('check_claimed_until'),
  },
  (t) => [
    /** Keyset pages of the table, newest update first; `_app` serves the app filter. */
    index('connections_workspace_updated').on(t.workspaceId, t.updatedAt, t.id),
    index('connections_workspace_app_updated').on(t.workspaceId, t.appId, t.updatedAt, t.id),
    /** The health sweep's "due" range: active connections by next check. */
    index('connections_health_due').on(t.status, t.nextCheckAt),
  ],
)

/**
 * Several apps in one link (docs/ARCHITECTURE.md, "Several apps in one link"): the request's token opens the list
 * page; each item is a link row of its own (`links.request_id`), so single use, expiry and outcomes stay per link.
 */
export const linkRequests = sqliteTable(
  'link_requests',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    tokenBlob: text('token_blob').notNull(),
    tokenKeyVersion: text('token_key_version').notNull(),
    locale: text('locale', { enum: LOCALES }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('link_requests_token_hash').on(t.tokenHash), index('link_requests_workspace').on(t.workspaceId, t.createdAt)],
)

export const links = sqliteTable(
  'links',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    tokenBlob: text('token_blob').notNull(),
    tokenKeyVersion: text('token_key_version').notNull(),
    purpose: text('purpose', { enum: ['create', 'refresh'] }).notNull(),
    status: text('status', { enum: ['pending', 'used', 'rejected', 'skipped', 'revoked', 'expired', 'locked'] }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** Set while a submitted key is checked with the app: one check per link at a time, so refusals count exactly. */
    checkLeaseUntil: integer('check_lease_until'),
    /** Set by the one submission that wins the link; the credential write checks it in the same batch. */
    claimId: text('claim_id'),
    rejectReason: text('reject_reason'),
    /** Set by the owner on a refresh link: the client may connect a different upstream account. */
    allowAccountChange: integer('allow_account_change', { mode: 'boolean' }).notNull().default(false),
    /** The owner's choice of language for the client's pages; null lets the client's browser decide. */
    locale: text('locale', { enum: LOCALES }),
    /** The workspace's brand when the link was made: the link's pages show it, whatever the brand is now. */
    brand: text('brand', { mode: 'json' }).$type<LinkBrand>(),
    /** Where the outcome page offers to send the client back to the owner (public https, checked when set). */
    returnUrl: text('return_url'),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
    /** Set on the items of a several-apps link, with the item's place in its list. */
    requestId: text('request_id').references(() => linkRequests.id, { onDelete: 'cascade' }),
    requestPosition: integer('request_position'),
  },
  (t) => [
    uniqueIndex('links_token_hash').on(t.tokenHash),
    uniqueIndex('links_request_position').on(t.requestId, t.requestPosition),
    index('links_connection').on(t.connectionId, t.createdAt, t.id),
    index('links_pending_expiry').on(t.status, t.expiresAt),
    index('links_claim').on(t.claimId),
    /** The open-links quota counts a workspace's pending, unexpired links. */
    index('links_workspace_open').on(t.workspaceId, t.status, t.expiresAt),
  ],
)

export const oauthStates = sqliteTable(
  'oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    appId: text('app_id').notNull(),
    /** Exactly one of linkId (client flow) or connectionId/workspaceId (owner's direct connect). */
    linkId: text('link_id'),
    workspaceId: text('workspace_id'),
    connectionName: text('connection_name'),
    connectionId: text('connection_id'),
    verifierBlob: text('verifier_blob').notNull(),
    verifierKeyVersion: text('verifier_key_version').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    /** What was typed before the sign-in (OAuthSpec.preAuthorizeFields, e.g. a Shopify shop): it builds the provider's URLs. */
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, string>>(),
    /** Sealed tokens of a sign-in that waits for the person to choose a tenant (OAuthSpec.resourceLookup), with the choices. */
    pendingBlob: text('pending_blob'),
    pendingKeyVersion: text('pending_key_version'),
  },
  (t) => [index('oauth_states_expiry').on(t.expiresAt)],
)

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    connectionId: text('connection_id').notNull(),
    linkId: text('link_id'),
    type: text('type').notNull(),
    actor: text('actor', { enum: ['owner', 'client', 'system'] }).notNull(),
    at: integer('at').notNull(),
    ipCountry: text('ip_country'),
    userAgent: text('user_agent'),
    detail: text('detail'),
  },
  (t) => [index('events_connection_at').on(t.connectionId, t.at, t.id), index('events_link').on(t.linkId)],
)

export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: integer('window_start').notNull(),
})

export const workflows = sqliteTable(
  'workflows',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    webhookTokenHash: text('webhook_token_hash').notNull(),
    webhookTokenBlob: text('webhook_token_blob').notNull(),
    webhookTokenKeyVersion: text('webhook_token_key_version').notNull(),
    /** Standard Webhooks signing secret, sealed; both null when triggers need no signature. */
    webhookSecretBlob: text('webhook_secret_blob'),
    webhookSecretKeyVersion: text('webhook_secret_key_version'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('workflows_webhook').on(t.webhookTokenHash), index('workflows_workspace').on(t.workspaceId)],
)

export const workflowSteps = sqliteTable(
  'workflow_steps',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    appId: text('app_id').notNull(),
    action: text('action').notNull(),
    connectionId: text('connection_id'),
    input: text('input').notNull(),
    /** Tries per run for answers that may pass on another go (429, 5xx, no answer). */
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** How long each of the step's calls to the app may take, in seconds; null: the deployment's UPSTREAM_TIMEOUT_MS. */
    timeoutSeconds: integer('timeout_seconds'),
  },
  (t) => [index('workflow_steps_workflow').on(t.workflowId, t.position)],
)

export const runs = sqliteTable(
  'runs',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    error: text('error'),
    /** The trigger payload, sealed like credentials so the run can be retried; null for runs from before the queue. */
    triggerBlob: text('trigger_blob'),
    triggerKeyVersion: text('trigger_key_version'),
    /** The run this one retries (same payload), if any. */
    retryOf: text('retry_of'),
    /** Held by one queue delivery at a time, until claimed_until, so two deliveries never run a step at once. */
    claimId: text('claim_id'),
    claimedUntil: integer('claimed_until'),
    /** Failed tries of the next step so far, and when the next one is due. */
    stepAttempts: integer('step_attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
  },
  (t) => [index('runs_workflow_started').on(t.workflowId, t.startedAt, t.id)],
)

export const runSteps = sqliteTable(
  'run_steps',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    status: text('status', { enum: ['succeeded', 'failed', 'skipped'] }).notNull(),
    upstreamStatus: integer('upstream_status'),
    durationMs: integer('duration_ms').notNull(),
    output: text('output'),
    error: text('error'),
    // What the step ran with, as it was then: the connection may be renamed, reconnected or deleted later.
    connectionId: text('connection_id'),
    connectionName: text('connection_name'),
    accountLabel: text('account_label'),
    attempts: integer('attempts').notNull().default(1),
  },
  // Unique: a step is checkpointed once, so a redelivered message can never record (or repeat) it twice.
  (t) => [
    uniqueIndex('run_steps_run').on(t.runId, t.position),
    /** The client's management page counts the runs that used their connection. */
    index('run_steps_connection').on(t.connectionId),
  ],
)

/** The owner's own systems, told of lifecycle events (src/services/webhooks): Standard Webhooks, signed with a sealed secret. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    url: text('url').notNull(),
    /** JSON array of event types; empty means every type. */
    events: text('events').notNull(),
    secretBlob: text('secret_blob').notNull(),
    secretKeyVersion: text('secret_key_version').notNull(),
    /** Until when Settings may show the new secret, once: cleared by the page that shows it. */
    secretRevealUntil: integer('secret_reveal_until'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_workspace').on(t.workspaceId)],
)

/** One event for one endpoint: the body is fixed when the event happens, so every retry and resend sends the same bytes and id. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    /** The `webhook-id` header. */
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    nextRetryAt: integer('next_retry_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('webhook_deliveries_endpoint').on(t.endpointId, t.createdAt)],
)

/** What the workspace's people are told in the app (src/services/notifications); one per audit event, so its id is the event's. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    type: text('type').notNull(),
    connectionId: text('connection_id').notNull(),
    /** As named when it happened: the list still reads after a rename or a deletion. */
    connectionName: text('connection_name').notNull(),
    appId: text('app_id').notNull(),
    /** The client's reason for a rejection, when they gave one. */
    reason: text('reason'),
    at: integer('at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    index('notifications_workspace_at').on(t.workspaceId, t.at, t.id),
    index('notifications_workspace_unread').on(t.workspaceId, t.readAt),
  ],
)

/** A row only for a type the workspace changed: no row means both channels on. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    type: text('type').notNull(),
    inApp: integer('in_app', { mode: 'boolean' }).notNull(),
    email: integer('email', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.type] })],
)

/** A workspace's own OAuth client for a provider (bring your own OAuth app); preferred over the operator's OAUTH_<PROVIDER>_*. */
export const oauthApps = sqliteTable(
  'oauth_apps',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** OAuthSpec.provider, e.g. SALESFORCE. */
    provider: text('provider').notNull(),
    clientId: text('client_id').notNull(),
    secretBlob: text('secret_blob').notNull(),
    secretKeyVersion: text('secret_key_version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('oauth_apps_workspace_provider').on(t.workspaceId, t.provider)],
)

/**
 * What a client granted through one successful link, and the private management link that lets them review and revoke it
 * (`/manage/<token>`): one row per success, the token stored only as its SHA-256 hash, valid a year. Goes with its connection.
 */
export const clientGrants = sqliteTable(
  'client_grants',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    workspaceId: text('workspace_id').notNull(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    /** The link whose success made the grant. */
    linkId: text('link_id').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Set by the client's Revoke access, on every open grant of the connection at once; `revokeClaim` ties its event to it. */
    revokedAt: integer('revoked_at'),
    revokeClaim: text('revoke_claim'),
  },
  (t) => [
    uniqueIndex('client_grants_token_hash').on(t.tokenHash),
    index('client_grants_connection').on(t.connectionId),
    index('client_grants_claim').on(t.revokeClaim),
  ],
)
