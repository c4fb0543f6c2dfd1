import type { AppDefinition } from '../../../apps/types'
import type { PublicConnection } from '../../../domain/shapes'

/** What every dashboard page gets about the signed-in owner. */
export interface OwnerView {
  name: string
  email: string
  /** Shown in the header; capped at UNREAD_COUNT_CAP. */
  unreadNotifications?: number
}

/** A connection as the dashboard shows it; built in one place by the routes. */
export interface ConnectionView {
  connection: PublicConnection
  /** null when the app left the catalog (the row can still be deleted). */
  app: AppDefinition | null
  /** ownerLinkMessage of the latest link; null while it is open, when there is none, or once newer credentials superseded it. */
  linkMessage: string | null
  /** The client's reason, when the latest link was rejected with one (and nothing newer happened since). */
  rejectReason: string | null
}

/** A form re-shown after a failed post: non-secret values, one message per field, one overall. */
export interface FormState {
  values?: Record<string, string>
  errors?: Record<string, string>
  error?: string | null
}
