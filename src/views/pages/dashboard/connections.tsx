import { Alert, type AlertKind } from '../../components/alert'
import { EmptyState } from '../../components/empty-state'
import { buttonClass } from '../../components/form'
import { Link, Plus } from '../../components/icons'
import { Layout } from '../../layout'
import { Pager } from '../../components/pager'
import { ConnectionFilters, type ConnectionFiltersView, connectionsHref, hasFilters } from './connection-filters'
import { ConnectionsTable } from './connections-table'
import type { ConnectionView, OwnerView } from './types'

export type ConnectionsFlash = { kind: 'created'; name: string } | { kind: 'deleted' } | { kind: 'signin_cancelled' }

export interface ConnectionsPageProps {
  owner: OwnerView
  rows: ConnectionView[]
  now: number
  filters: ConnectionFiltersView
  /** The apps the filter offers. */
  apps: { id: string; name: string }[]
  /** The cursor of the next page, null on the last one; `paged` when this is not the first page. */
  nextCursor: string | null
  paged: boolean
  flash?: ConnectionsFlash | null
  /** The demo API-key app's Add page, when demo apps are on: the quickest first connection. */
  demoHref: string | null
}

const FLASH: Record<ConnectionsFlash['kind'], AlertKind> = { created: 'success', deleted: 'success', signin_cancelled: 'warning' }

function FlashAlert({ flash }: { flash: ConnectionsFlash }) {
  const text =
    flash.kind === 'created'
      ? `“${flash.name}” is connected. You can use it in your workflows now.`
      : flash.kind === 'deleted'
        ? 'The connection was deleted. Its credentials are gone and its link no longer works.'
        : 'Sign-in was cancelled, so nothing was connected. You can try again at any time.'
  return (
    <Alert kind={FLASH[flash.kind]} live>
      {text}
    </Alert>
  )
}

export function ConnectionsPage({ owner, rows, now, flash, demoHref, filters, apps, nextCursor, paged }: ConnectionsPageProps) {
  const firstEver = rows.length === 0 && !paged && !hasFilters(filters)
  return (
    <Layout title="Connections" owner={owner} current="connections">
      <div class="stack">
        <div class="card-header">
          <div>
            <h1>Connections</h1>
            <p class="muted">Apps your workflows can use. Ask a client to connect their own account with a link.</p>
          </div>
          <a class={buttonClass()} href="/connections/new">
            <Plus size={18} />
            Add Connection
          </a>
        </div>
        {flash ? <FlashAlert flash={flash} /> : null}
        {firstEver ? (
          <FirstConnection demoHref={demoHref} />
        ) : (
          <>
            <ConnectionFilters filters={filters} apps={apps} />
            {rows.length === 0 ? (
              <p class="muted" role="status">
                No connections match these filters.
              </p>
            ) : (
              <ConnectionsTable rows={rows} now={now} />
            )}
            <Pager
              label="Connections pages"
              newestHref={paged ? connectionsHref(filters) : null}
              olderHref={nextCursor ? connectionsHref(filters, nextCursor) : null}
            />
          </>
        )}
      </div>
    </Layout>
  )
}

function FirstConnection({ demoHref }: { demoHref: string | null }) {
  if (!demoHref) {
    return (
      <EmptyState
        title="Add your first connection"
        icon={<Link size={24} />}
        action={
          <a class={buttonClass()} href="/connections/new">
            Add Connection
          </a>
        }
      >
        Pick an app, then either enter the credentials yourself or send your client a link so they connect their own account.
      </EmptyState>
    )
  }
  return (
    <EmptyState
      title="Add your first connection"
      icon={<Link size={24} />}
      action={
        <a class={buttonClass()} href={demoHref}>
          Try it with Demo Tasks
        </a>
      }
    >
      Try the Demo Tasks app to see the whole flow in a minute: generate a link, open it as your client would, paste a demo key, and watch
      the connection turn up here with a Via Link badge.
    </EmptyState>
  )
}
