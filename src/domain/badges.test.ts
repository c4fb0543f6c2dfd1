import { describe, expect, it } from 'vitest'
import { badgeFor } from './badges'

const link = (purpose: 'create' | 'refresh', status: 'pending' | 'used' | 'rejected' | 'revoked' | 'expired' | 'locked') => ({
  purpose,
  status,
})

describe('badgeFor', () => {
  it.each([
    [{ status: 'pending', credentialsSource: null, latestLink: link('create', 'pending') }, 'pending'],
    [{ status: 'pending', credentialsSource: null, latestLink: null }, 'pending'],
    [{ status: 'pending', credentialsSource: null, latestLink: link('create', 'revoked') }, 'pending'],
    [{ status: 'pending', credentialsSource: null, latestLink: link('create', 'expired') }, 'expired'],
    [{ status: 'pending', credentialsSource: null, latestLink: link('create', 'locked') }, 'locked'],
    [{ status: 'active', credentialsSource: 'client_link', latestLink: link('create', 'used') }, 'via_link'],
    [{ status: 'active', credentialsSource: 'client_link', latestLink: link('refresh', 'pending') }, 'refresh_pending'],
    [{ status: 'active', credentialsSource: 'owner_direct', latestLink: link('refresh', 'pending') }, 'refresh_pending'],
    [{ status: 'active', credentialsSource: 'client_link', latestLink: link('refresh', 'expired') }, 'via_link'],
    [{ status: 'active', credentialsSource: 'owner_direct', latestLink: link('create', 'used') }, null],
    [{ status: 'active', credentialsSource: 'owner_oauth', latestLink: link('refresh', 'locked') }, null],
    [{ status: 'active', credentialsSource: 'owner_direct', latestLink: null }, null],
    [{ status: 'rejected', credentialsSource: null, latestLink: link('create', 'rejected') }, 'rejected'],
    [{ status: 'revoked', credentialsSource: 'client_link', latestLink: link('create', 'used') }, 'revoked_by_client'],
    // The client revoked; an open link the owner sent before that does not make it work again.
    [{ status: 'revoked', credentialsSource: 'client_link', latestLink: link('refresh', 'pending') }, 'revoked_by_client'],
  ] as const)('%o → %s', (input, badge) => {
    expect(badgeFor({ ...input, needsReconnect: false })).toBe(badge)
  })

  it.each([
    [{ status: 'active', credentialsSource: 'client_link', latestLink: link('create', 'used') }, 'needs_reconnect'],
    // The reconnect link being out does not make the connection work: needs_reconnect still shows.
    [{ status: 'active', credentialsSource: 'client_link', latestLink: link('refresh', 'pending') }, 'needs_reconnect'],
    [{ status: 'active', credentialsSource: 'owner_oauth', latestLink: null }, 'needs_reconnect'],
    // Only an active connection can be refused; the flag on anything else is moot.
    [{ status: 'rejected', credentialsSource: null, latestLink: link('create', 'rejected') }, 'rejected'],
    [{ status: 'pending', credentialsSource: null, latestLink: link('create', 'pending') }, 'pending'],
  ] as const)('refused by the app: %o → %s', (input, badge) => {
    expect(badgeFor({ ...input, needsReconnect: true })).toBe(badge)
  })
})
