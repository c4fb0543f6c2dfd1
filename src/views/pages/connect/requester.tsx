import type { ComponentChildren } from 'preact'

/** "<name> (<email>) asks …": who sent the link, their address only once it is proven. */
export function RequesterLine({ name, email, children }: { name: string; email: string | null; children: ComponentChildren }) {
  return (
    <p class="lead">
      <strong>{name}</strong>
      {email !== null ? (
        <>
          {' '}
          (<a href={`mailto:${email}`}>{email}</a>)
        </>
      ) : null}{' '}
      {children}
    </p>
  )
}
