import type { ComponentChildren } from 'preact'

export interface EmptyStateProps {
  title: string
  children?: ComponentChildren
  /** An icon element, e.g. `<Link />`. */
  icon?: ComponentChildren
  /** Usually one primary button or link. */
  action?: ComponentChildren
  /** Keep the outline valid: h2 under a page h1, h3 inside a section. */
  headingLevel?: 2 | 3
}

export function EmptyState({ title, children, icon, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div class="empty-state">
      {icon ? <div class="empty-state-icon">{icon}</div> : null}
      <Heading>{title}</Heading>
      {children ? <p class="muted">{children}</p> : null}
      {action ?? null}
    </div>
  )
}
