import { badgeFor, type Badge } from '../domain/badges'
import { effectiveLinkStatus, isLinkOpen, ownerLinkMessage, type LinkPurpose, type LinkStatus } from '../domain/links'
import type { ConnectionRow, LinkRow } from '../db/connections'
import type { EventRow } from '../db/events'

/** The only mappers from rows to what leaves the worker: secrets are never copied. */

export interface PublicLinkSummary {
  status: LinkStatus
  purpose: LinkPurpose
  expiresAt: string
}

export interface PublicConnection {
  id: string
  appId: string
  name: string
  status: ConnectionRow['status']
  via: ConnectionRow['via']
  badge: Badge | null
  accountLabel: string | null
  needsReconnect: boolean
  createdAt: string
  updatedAt: string
  link: PublicLinkSummary | null
}

export const iso = (at: number) => new Date(at).toISOString()

export function publicLinkSummary(link: LinkRow, now: number): PublicLinkSummary {
  return { status: effectiveLinkStatus(link, now), purpose: link.purpose, expiresAt: iso(link.expiresAt) }
}

export function publicConnection(connection: ConnectionRow, link: LinkRow | null, now: number): PublicConnection {
  const openLink = link && isLinkOpen(link, now) ? link : null
  return {
    id: connection.id,
    appId: connection.appId,
    name: connection.name,
    status: connection.status,
    via: connection.via,
    badge: badgeFor({ status: connection.status, via: connection.via, openLinkPurpose: openLink?.purpose ?? null }),
    accountLabel: connection.accountLabel,
    needsReconnect: connection.needsReconnect,
    createdAt: iso(connection.createdAt),
    updatedAt: iso(connection.updatedAt),
    link: link ? publicLinkSummary(link, now) : null,
  }
}

export interface PublicLink extends PublicLinkSummary {
  url?: string
  message?: string
}

export function publicLink(link: LinkRow, url: string | null, now: number): PublicLink {
  const summary = publicLinkSummary(link, now)
  const message = ownerLinkMessage(link, now)
  return { ...(url && summary.status === 'pending' ? { url } : {}), ...summary, ...(message ? { message } : {}) }
}

export interface PublicEvent {
  id: string
  type: string
  actor: EventRow['actor']
  at: string
  ipCountry: string | null
  userAgent: string | null
  detail: Record<string, unknown> | null
}

export function publicEvent(event: EventRow): PublicEvent {
  return {
    id: event.id,
    type: event.type,
    actor: event.actor,
    at: iso(event.at),
    ipCountry: event.ipCountry,
    userAgent: event.userAgent,
    detail: event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : null,
  }
}
