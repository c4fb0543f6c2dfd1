import { getApp } from '../../apps'
import { isLinkNoticeSuperseded, ownerLinkMessage } from '../../domain/links'
import type { ConnectionWithLink } from '../../services/access'
import { publicConnection } from '../../services/public-shapes'
import type { ConnectionView, OwnerView } from '../../views/pages/dashboard/types'
import type { Owner } from '../../domain/shapes'

/** The one mapper from rows to what dashboard views show: built on publicConnection, so no secret reaches a view. */
export function connectionView({ connection, link }: ConnectionWithLink, now: number, timeZone?: string): ConnectionView {
  const credentials = { updatedAt: connection.credentialsUpdatedAt, updatedBy: connection.credentialsUpdatedBy }
  return {
    connection: publicConnection(connection, link, now),
    app: getApp(connection.appId) ?? null,
    linkMessage: link && !isLinkNoticeSuperseded(link, credentials) ? ownerLinkMessage(link, now, timeZone) : null,
    rejectReason: link?.status === 'rejected' && !isLinkNoticeSuperseded(link, credentials) ? link.rejectReason : null,
  }
}

export function ownerView(owner: Owner): OwnerView {
  return { name: owner.name, email: owner.email, unreadNotifications: owner.unreadNotifications ?? 0 }
}
