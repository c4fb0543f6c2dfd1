import { describe, expect, it } from 'vitest'
import { badgeFor } from './badges'

describe('badgeFor', () => {
  it.each([
    [{ status: 'pending', via: 'link', openLinkPurpose: 'create' }, 'pending'],
    [{ status: 'pending', via: 'link', openLinkPurpose: null }, 'pending'],
    [{ status: 'active', via: 'link', openLinkPurpose: null }, 'via_link'],
    [{ status: 'active', via: 'link', openLinkPurpose: 'refresh' }, 'refresh_pending'],
    [{ status: 'active', via: 'direct', openLinkPurpose: 'refresh' }, 'refresh_pending'],
    [{ status: 'active', via: 'direct', openLinkPurpose: null }, null],
    [{ status: 'rejected', via: 'link', openLinkPurpose: null }, 'rejected'],
  ] as const)('%o → %s', (input, badge) => {
    expect(badgeFor(input)).toBe(badge)
  })
})
