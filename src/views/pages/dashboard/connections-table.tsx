import { DEFAULT_LINK_MINUTES } from '../../../domain/links'
import { AppIcon } from '../../components/app-icon'
import { Menu, MenuItemButton, MenuItemLink } from '../../components/menu'
import { Time } from '../../components/time'
import { connectionHref } from './paths'
import { StatusBadges, StatusLine } from './status'
import type { ConnectionView } from './types'

export function ConnectionsTable({ rows, now }: { rows: ConnectionView[]; now: number }) {
  return (
    <table class="table">
      <caption class="visually-hidden">Your connections, most recently updated first</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Account</th>
          <th scope="col">Status</th>
          <th scope="col" aria-sort="descending">
            Last update
          </th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ConnectionRow view={row} now={now} />
        ))}
      </tbody>
    </table>
  )
}

function ConnectionRow({ view, now }: { view: ConnectionView; now: number }) {
  const { connection, app } = view
  return (
    <tr>
      <td data-label="Name">
        <span class="row">
          {app ? <AppIcon iconUrl={app.iconUrl} name={app.name} size={28} standalone /> : null}
          <a href={connectionHref(connection.id)}>{connection.name}</a>
        </span>
      </td>
      <td data-label="Account">{connection.accountLabel ?? <span class="muted">Not connected yet</span>}</td>
      <td data-label="Status">
        <StatusBadges connection={connection} />
        <StatusLine view={view} now={now} />
      </td>
      <td data-label="Last update">
        <Time at={connection.updatedAt} now={now} />
      </td>
      <td data-label="">
        <RowMenu view={view} />
      </td>
    </tr>
  )
}

/**
 * The guide's menu: Update → via Link / Connection Data, Tether's health actions (Send reconnect link,
 * Check now), then Delete. Text only: a page holds 25 of
 * these, and icons in every item would double its weight. The row's details live on its page.
 */
function RowMenu({ view }: { view: ConnectionView }) {
  const { connection } = view
  const linkOpen = connection.link?.status === 'pending'
  return (
    <Menu label={`Actions for ${connection.name}`}>
      <fieldset class="menu-fieldset">
        <legend class="menu-group">Update</legend>
        <MenuItemLink href={connectionHref(connection.id, '/link')} sub>
          Update Connection via Link
        </MenuItemLink>
        <MenuItemLink href={connectionHref(connection.id, '#update')} sub>
          Update Connection Data
        </MenuItemLink>
      </fieldset>
      {connection.health === 'needs_reconnect' ? (
        <MenuItemButton action={connectionHref(connection.id, '/link')} fields={{ expiresInMinutes: String(DEFAULT_LINK_MINUTES) }}>
          Send reconnect link
        </MenuItemButton>
      ) : null}
      {connection.status === 'active' ? <MenuItemButton action={connectionHref(connection.id, '/check')}>Check now</MenuItemButton> : null}
      {linkOpen ? <MenuItemButton action={connectionHref(connection.id, '/revoke')}>Revoke link</MenuItemButton> : null}
      <MenuItemLink href={connectionHref(connection.id, '/delete')} danger>
        Delete…
      </MenuItemLink>
    </Menu>
  )
}
