import type { ComponentChildren } from 'preact'
import { ChevronDown, Dots } from './icons'

export interface MenuProps {
  /** Accessible name of the toggle, e.g. "Actions for Client's Google Docs". */
  label: string
  children: ComponentChildren
  /** Show `label` as text with a chevron instead of the icon-only "⋮" toggle. */
  showLabel?: boolean
}

/**
 * A disclosure (details/summary), not an ARIA menu: its items are ordinary links and buttons
 * reached with Tab, so it works without scripts. /copy.js adds Escape and outside-click close.
 */
export function Menu({ label, children, showLabel = false }: MenuProps) {
  return (
    <details class="menu">
      {showLabel ? (
        <summary class="button button-secondary">
          {label}
          <ChevronDown size={16} />
        </summary>
      ) : (
        <summary class="menu-toggle" title={label}>
          <Dots />
          <span class="visually-hidden">{label}</span>
        </summary>
      )}
      <div class="menu-list">{children}</div>
    </details>
  )
}

export interface MenuItemLinkProps {
  href: string
  children: ComponentChildren
  danger?: boolean
  /** Indented under a group's label (the row menu's Update group). */
  sub?: boolean
}

export function MenuItemLink({ href, children, danger, sub }: MenuItemLinkProps) {
  return (
    <a class={['menu-item', danger ? 'menu-item-danger' : '', sub ? 'menu-sub' : ''].filter(Boolean).join(' ')} href={href}>
      {children}
    </a>
  )
}

export interface MenuItemButtonProps {
  /** The form posts here. */
  action: string
  children: ComponentChildren
  danger?: boolean
  /** Extra hidden fields sent with the post. */
  fields?: Record<string, string>
}

export function MenuItemButton({ action, children, danger, fields = {} }: MenuItemButtonProps) {
  return (
    <form method="post" action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={danger ? 'menu-item menu-item-danger' : 'menu-item'}>
        {children}
      </button>
    </form>
  )
}
