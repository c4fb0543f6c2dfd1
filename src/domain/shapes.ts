import type { LinkBrand } from './brand'
import type { Badge, ConnectionStatus, CredentialsSource } from './badges'
import type { Health } from './health'
import type { LinkPurpose, LinkStatus } from './links'
import type { NotificationType } from './notifications'
import type { TokenScope } from './token-scope'
import type { Locale } from './locales'
import type { WebhookEventType } from './webhook-events'

/**
 * What leaves the worker (JSON and views), as plain types. The mappers that build them from rows
 * live in services; views and routes see only these, never a row.
 */

interface OwnerIdentity {
  userId: string
  workspaceId: string
  email: string
  /** Only a verified address is ever shown to a client (the invitation). */
  emailVerified: boolean
  name: string
}

/** Who is acting on the dashboard or API, and how: a session may do anything, an API token what its scope allows. */
export type Owner = OwnerIdentity &
  ({ via: 'session' } | { via: 'api_token'; tokenId: string; scope: TokenScope }) & {
    /** Dashboard pages only (GET): the header's unread notifications, counted once per page by requireOwnerPage. */
    unreadNotifications?: number
  }

export interface PublicLinkSummary {
  status: LinkStatus
  purpose: LinkPurpose
  expiresAt: string
}

export interface PublicConnection {
  id: string
  appId: string
  name: string
  status: ConnectionStatus
  via: 'direct' | 'link'
  badge: Badge | null
  accountLabel: string | null
  /** Non-secret values the app's API calls depend on (an instance URL, a cloud or tenant id); `{}` when none. */
  metadata: Record<string, string>
  needsReconnect: boolean
  health: Health
  /** When the app last answered (or failed to answer) a check or a token refresh. */
  lastCheckedAt: string | null
  /** Why the latest check failed, in Tether's words; null after a good one. */
  lastError: string | null
  /** How the current credentials came; null while the connection has never been connected. */
  credentialsSource: CredentialsSource | null
  credentialsUpdatedAt: string | null
  createdAt: string
  updatedAt: string
  link: PublicLinkSummary | null
}

/** One page, newest update first; `nextCursor` is null on the last page. */
/** A several-apps link as the owner reads it; `url` only while an item can still be used. */
export interface PublicLinkRequest {
  id: string
  url: string | null
  expiresAt: string
  createdAt: string
  items: { connection: PublicConnection }[]
}

export interface PublicConnectionPage {
  connections: PublicConnection[]
  nextCursor: string | null
}

export interface PublicLink extends PublicLinkSummary {
  url?: string
  message?: string
}

export interface PublicEvent {
  id: string
  type: string
  actor: 'owner' | 'client' | 'system'
  at: string
  ipCountry: string | null
  userAgent: string | null
  detail: Record<string, unknown> | null
}

export interface PublicNotification {
  id: string
  type: NotificationType
  title: string
  message: string
  connectionId: string
  connectionName: string
  appId: string
  reason?: string
  at: string
  readAt: string | null
}

export interface PublicUser {
  id: string
  email: string
  name: string
}

export interface PublicWorkspace {
  id: string
  name: string
}

/** Never the secret nor its hash. */
export interface PublicApiToken {
  id: string
  name: string
  scope: TokenScope
  createdAt: string
  lastUsedAt: string | null
  /** Null only for a token minted while migration 0003 was being deployed: it does not expire. */
  expiresAt: string | null
}

/** A step as the owner defines it (API body, builder form). */
export interface StepDefinition {
  appId: string
  action: string
  connectionId: string
  /** Field key → template text, e.g. { title: '{{trigger.title}}' }. */
  input: Record<string, string>
  /** Tries per run when the app answers 429 or 5xx or not at all; STEP_ATTEMPTS_DEFAULT when left out. */
  attempts?: number
  /** Seconds each call of the step to the app may take; the deployment's UPSTREAM_TIMEOUT_MS when left out or null. */
  timeoutSeconds?: number | null
}

export interface WorkflowDefinition {
  name: string
  steps: StepDefinition[]
}

export interface PublicWorkflow {
  id: string
  name: string
  webhookUrl: string
  /** Whether triggers must carry a valid Standard Webhooks signature. */
  webhookSigning: boolean
  steps: (StepDefinition & { position: number; attempts: number; timeoutSeconds: number | null })[]
  createdAt: string
  updatedAt: string
}

export interface PublicRunStep {
  position: number
  status: 'succeeded' | 'failed' | 'skipped'
  upstreamStatus: number | null
  durationMs: number
  output: unknown
  error: string | null
  /** The connection the step ran with, as it was named then; null for a skipped step or one that got none. */
  connectionId: string | null
  connectionName: string | null
  accountLabel: string | null
  /** How many times the step was tried (0 when skipped). */
  attempts: number
}

/** A workflow named where another page points at it (the connection delete confirmation). */
export interface NamedWorkflow {
  id: string
  name: string
}

export interface PublicRun {
  id: string
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  startedAt: string
  finishedAt: string | null
  error: string | null
  /** The run this one retried, with the same payload. */
  retryOf: string | null
  /** Whether the trigger payload is stored, so the run can be retried. */
  retryable: boolean
  steps: PublicRunStep[]
}

/**
 * What the invitation page shows, cached in KV under the token's hash so the page needs no D1
 * read. It is only a cache: every write path asks D1 whether the link is still open.
 */
export interface InvitationSnapshot {
  v: 2
  linkId: string
  connectionId: string
  workspaceId: string
  appId: string
  connectionName: string
  requesterName: string
  /** Null unless the owner's address was verified when the link was made: an unproven address is never shown. */
  requesterEmail: string | null
  purpose: LinkPurpose
  expiresAt: number
  /** The owner's choice of language for the link; absent, the client's browser decides. */
  locale?: Locale
  /** The workspace's brand when the link was made; absent, Tether's own pages. */
  brand?: LinkBrand
}

/** Settings → Brand and `GET /api/v1/workspace/brand`. */
export interface PublicBrand {
  displayName: string | null
  /** `#rrggbb`; white button text on it reaches WCAG AA (4.5:1). */
  accent: string | null
  /** Served by Tether, content-hashed (cached for good): `/brand/logo/<sha256>.<png|jpg|webp>`. */
  logoUrl: string | null
  updatedAt: string | null
}

/** Where an item of a several-apps link stands, as the client's list shows it. */
export type RequestItemState = 'pending' | 'connected' | 'skipped' | 'rejected' | 'closed'

/**
 * The list page of a several-apps link, cached in KV under the request token's hash like an invitation
 * (one KV get for the page); rewritten after each item's change. D1 decides every action.
 */
export interface RequestSnapshot {
  v: 1
  requestId: string
  workspaceId: string
  requesterName: string
  requesterEmail: string | null
  expiresAt: number
  locale?: Locale
  /** The workspace's brand when the request was made, like each item's link. */
  brand?: LinkBrand
  items: { position: number; appId: string; connectionName: string; state: RequestItemState }[]
}

export interface PublicWebhookEndpoint {
  id: string
  url: string
  /** Empty: every event type. */
  events: WebhookEventType[]
  createdAt: string
}

export interface PublicWebhookDelivery {
  /** The `webhook-id` every attempt carries. */
  id: string
  eventType: WebhookEventType
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  lastStatus: number | null
  lastError: string | null
  nextRetryAt: string | null
  createdAt: string
}

/** Settings → OAuth apps: whose OAuth client a provider's sign-in uses here. The secret never leaves the server. */
export interface PublicOAuthApp {
  /** Lowercase OAuthSpec.provider, e.g. salesforce. */
  provider: string
  providerName: string
  /** The catalog apps that sign in through this provider. */
  apps: string[]
  /** `workspace`: this workspace's own client; `operator`: OAUTH_<PROVIDER>_*; `none`: neither, so unavailable. */
  source: 'workspace' | 'operator' | 'none'
  /** The workspace's own client id; null otherwise. */
  clientId: string | null
  /** The exact redirect URI to register with the provider. */
  redirectUri: string
  /** Why it cannot be used and what to do; null when it can. */
  unavailableReason: string | null
  updatedAt: string | null
}

/** What a client's management page shows of one grant: plain facts, never credentials or the token. */
export interface ManagedGrant {
  appId: string
  connectionName: string
  accountLabel: string | null
  /** Who asked: the workspace's name. */
  requesterName: string
  grantedAt: number
  /** Runs of the owner's workflows in the last 30 days with a step that used the connection. */
  runsLast30Days: number
  /** Set once the client revoked the access. */
  revokedAt: number | null
}
