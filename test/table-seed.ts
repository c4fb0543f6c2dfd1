import { env } from 'cloudflare:workers'

/** Rows written straight into D1, as the bench seeds them: every badge, in any number, without the quotas' cost. */

export const SEED_KINDS = [
  'pending',
  'expired_unswept',
  'expired',
  'locked',
  'revoked_pending',
  'rejected',
  'via_link',
  'refresh_pending',
  'refresh_expired',
  'direct',
  'oauth_after_link',
  'needs_reconnect',
  'needs_reconnect_link_out',
  'revoked_by_client',
] as const
export type SeedKind = (typeof SEED_KINDS)[number]

const DAY = 86_400_000

interface Shape {
  status: 'pending' | 'active' | 'rejected' | 'revoked'
  source: string | null
  /** The app refused the credentials. */
  needsReconnect?: boolean
  /** Oldest first; the last one is the latest. */
  links: { purpose: 'create' | 'refresh'; status: string; expiresIn: number }[]
}

const SHAPES: Record<SeedKind, Shape> = {
  pending: { status: 'pending', source: null, links: [{ purpose: 'create', status: 'pending', expiresIn: DAY }] },
  expired_unswept: { status: 'pending', source: null, links: [{ purpose: 'create', status: 'pending', expiresIn: -DAY }] },
  expired: { status: 'pending', source: null, links: [{ purpose: 'create', status: 'expired', expiresIn: -DAY }] },
  locked: { status: 'pending', source: null, links: [{ purpose: 'create', status: 'locked', expiresIn: DAY }] },
  revoked_pending: {
    status: 'pending',
    source: null,
    links: [
      { purpose: 'create', status: 'expired', expiresIn: -DAY },
      { purpose: 'create', status: 'revoked', expiresIn: DAY },
    ],
  },
  rejected: { status: 'rejected', source: null, links: [{ purpose: 'create', status: 'rejected', expiresIn: DAY }] },
  via_link: { status: 'active', source: 'client_link', links: [{ purpose: 'create', status: 'used', expiresIn: DAY }] },
  refresh_pending: {
    status: 'active',
    source: 'owner_direct',
    links: [
      { purpose: 'create', status: 'used', expiresIn: -DAY },
      { purpose: 'refresh', status: 'pending', expiresIn: DAY },
    ],
  },
  refresh_expired: {
    status: 'active',
    source: 'client_link',
    links: [{ purpose: 'refresh', status: 'pending', expiresIn: -DAY }],
  },
  direct: { status: 'active', source: 'owner_direct', links: [] },
  oauth_after_link: { status: 'active', source: 'owner_oauth', links: [{ purpose: 'create', status: 'used', expiresIn: -DAY }] },
  needs_reconnect: {
    status: 'active',
    source: 'client_link',
    needsReconnect: true,
    links: [{ purpose: 'create', status: 'used', expiresIn: -DAY }],
  },
  needs_reconnect_link_out: {
    status: 'active',
    source: 'client_link',
    needsReconnect: true,
    links: [
      { purpose: 'create', status: 'used', expiresIn: -DAY },
      { purpose: 'refresh', status: 'pending', expiresIn: DAY },
    ],
  },
  revoked_by_client: { status: 'revoked', source: 'client_link', links: [{ purpose: 'create', status: 'used', expiresIn: -DAY }] },
}

export interface SeededRow {
  id: string
  kind: SeedKind
  name: string
  appId: string
  updatedAt: number
}

/** `count` connections in the workspace, cycling through the kinds; names "<prefix> <n>", updated one second apart. */
export async function seedConnections(
  workspaceId: string,
  count: number,
  options: { prefix?: string; apps?: string[]; kinds?: readonly SeedKind[]; now?: number } = {},
): Promise<SeededRow[]> {
  const { prefix = 'Seeded', apps = ['demo-tasks', 'clickup'], kinds = SEED_KINDS, now = Date.now() } = options
  const rows: SeededRow[] = []
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!
    const shape = SHAPES[kind]
    const id = `seed-${crypto.randomUUID()}`
    const appId = apps[i % apps.length]!
    // Two rows share each timestamp, so the cursor's id tie-break is exercised.
    const updatedAt = now - 10 * DAY + Math.floor(i / 2) * 1000
    const name = `${prefix} ${i}`
    const connected = shape.source !== null
    rows.push({ id, kind, name, appId, updatedAt })
    statements.push(
      env.DB.prepare(
        `INSERT INTO connections (id, workspace_id, app_id, name, status, via, account_label, credentials_blob, credentials_key_version,
          credentials_revision, needs_reconnect, credentials_source, credentials_updated_at, credentials_updated_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'link', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
      ).bind(
        id,
        workspaceId,
        appId,
        name,
        shape.status,
        connected ? `account-${i}@client.test` : null,
        connected ? 'not-a-real-blob' : null,
        connected ? 'k1' : null,
        shape.needsReconnect ? 1 : 0,
        shape.source,
        connected ? updatedAt : null,
        connected ? 'seed' : null,
        updatedAt - 1000,
        updatedAt,
      ),
    )
    shape.links.forEach((link, n) => {
      statements.push(
        env.DB.prepare(
          `INSERT INTO links (id, connection_id, workspace_id, token_hash, token_blob, token_key_version, purpose, status, failed_attempts,
            expires_at, created_at, closed_at) VALUES (?, ?, ?, ?, 'x', 'k1', ?, ?, 0, ?, ?, ?)`,
        ).bind(
          `${id}-l${n}`,
          id,
          workspaceId,
          `${id}-h${n}`,
          link.purpose,
          link.status,
          now + link.expiresIn,
          updatedAt - 1000 + n,
          link.status === 'pending' ? null : updatedAt - 1000 + n,
        ),
      )
    })
  }
  for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200))
  return rows
}
