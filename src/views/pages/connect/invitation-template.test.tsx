import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allApps } from '../../../apps'
import { renderPage } from '../../render'
import { InvitationPage } from './invitation'
import { renderInvitationPage } from './invitation-template'
import type { InvitationSnapshot } from '../../../domain/shapes'
import { FALLBACK_TIME_ZONE } from '../../../domain/format-time'
import { LOCALES } from '../../../domain/locales'

const snapshotArb = fc.record({
  v: fc.constant(2 as const),
  linkId: fc.string(),
  connectionId: fc.string(),
  workspaceId: fc.string(),
  appId: fc.constantFrom(...allApps.map((app) => app.id)),
  connectionName: fc.string({ unit: 'binary' }),
  requesterName: fc.string({ unit: 'binary' }),
  requesterEmail: fc.option(fc.string({ unit: 'binary' })),
  purpose: fc.constantFrom('create' as const, 'refresh' as const),
  expiresAt: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
  locale: fc.constantFrom(...LOCALES),
}) satisfies fc.Arbitrary<InvitationSnapshot>

const zoneArb = fc.constantFrom('UTC', 'Europe/Berlin', 'America/Chicago', 'Asia/Kolkata', 'Pacific/Chatham')

describe('renderInvitationPage', () => {
  it('is byte-for-byte the InvitationPage render, whatever the link says', () => {
    fc.assert(
      fc.property(snapshotArb, fc.string({ unit: 'binary' }), zoneArb, fc.constantFrom(...LOCALES), (snapshot, token, zone, locale) => {
        const app = allApps.find((candidate) => candidate.id === snapshot.appId)!
        expect(renderInvitationPage(snapshot, app, token, zone, locale)).toBe(
          renderPage(<InvitationPage snapshot={snapshot} app={app} token={token} />, zone, locale),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('escapes markup in the link values', () => {
    const app = allApps[0]!
    const html = renderInvitationPage(
      {
        v: 2,
        linkId: 'l',
        connectionId: 'c',
        workspaceId: 'w',
        appId: app.id,
        purpose: 'create',
        expiresAt: Date.UTC(2030, 0, 1),
        connectionName: '<script>x</script>',
        requesterName: 'A "B" & C',
        requesterEmail: 'a@b.test"><img src=x>',
      },
      app,
      'TOKEN',
      FALLBACK_TIME_ZONE,
      'en',
    )
    expect(html).not.toContain('<script>x')
    expect(html).toContain('<dd>&lt;script>x&lt;/script></dd>')
    expect(html).toContain('href="mailto:a@b.test&quot;>&lt;img src=x>"')
    expect(html).toContain('<strong>A &quot;B&quot; &amp; C</strong>')
  })
})
