import type { ComponentChildren } from 'preact'
import { Check, Info, Warning } from './icons'

export type AlertKind = 'error' | 'success' | 'warning' | 'info'

export interface AlertProps {
  kind: AlertKind
  title?: string
  children?: ComponentChildren
  /**
   * Announce the alert to screen readers. Defaults to on for errors (role=alert) and
   * successes (role=status); warnings and info are read in page order.
   */
  live?: boolean
}

const ICONS = { error: Warning, success: Check, warning: Warning, info: Info }

export function Alert({ kind, title, children, live = kind === 'error' || kind === 'success' }: AlertProps) {
  const Icon = ICONS[kind]
  const role = live ? (kind === 'error' ? 'alert' : 'status') : undefined
  return (
    <div class={`alert alert-${kind}`} role={role}>
      <Icon />
      <div>
        {title ? <p class="alert-title">{title}</p> : null}
        {children}
      </div>
    </div>
  )
}
