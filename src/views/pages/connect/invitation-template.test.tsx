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
  brand: fc.option(
    fc.record({
      name: fc.option(fc.string({ unit: 'binary' })),
      // A logo URL is never empty (logoPath), and preact writes an empty attribute bare.
      logoUrl: fc.option(fc.string({ unit: 'binary', minLength: 1 })),
      accent: fc.option(fc.stringMatching(/^#[0-9a-f]{6}$/)),
    }),
    { nil: undefined },
  ),
}) satisfies fc.Arbitrary<InvitationSnapshot>

const zoneArb = fc.constantFrom('UTC', 'Europe/Berlin', 'America/Chicago', 'Asia/Kolkata', 'Pacific/Chatham')

describe('renderInvitationPage', () => {
  it('is byte-for-byte the InvitationPage render, whatever the link says', () => {
    fc.assert(
      fc.property(snapshotArb, fc.string({ unit: 'binary' }), zoneArb, fc.constantFrom(...LOCALES), (snapshot, token, zone, locale) => {
        const app = allApps.find((candidate) => candidate.id === snapshot.appId)!
        expect(renderInvitationPage(snapshot, app, token, zone, locale)).toBe(
          renderPage(<InvitationPage snapshot={snapshot} app={app} token={token} />, zone, locale, snapshot.brand ?? null),
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

  it('wears the owner’s brand: name, logo, accent sheet, and Tether kept small', () => {
    const app = allApps[0]!
    const snapshot: InvitationSnapshot = {
      v: 2,
      linkId: 'l',
      connectionId: 'c',
      workspaceId: 'w',
      appId: app.id,
      purpose: 'create',
      expiresAt: Date.UTC(2030, 0, 1),
      connectionName: 'Blog',
      requesterName: 'Ana',
      requesterEmail: null,
      brand: { name: 'Acme <Studio>', logoUrl: `/brand/logo/${'a'.repeat(64)}.png`, accent: '#1a56db' },
    }
    const html = renderInvitationPage(snapshot, app, 'TOKEN', FALLBACK_TIME_ZONE, 'en')
    expect(html).toContain('<link rel="stylesheet" href="/brand/accent/1a56db.css"/>')
    expect(html).toContain(`<img class="brand-logo" src="/brand/logo/${'a'.repeat(64)}.png" alt height="32"/>Acme &lt;Studio></span>`)
    expect(html).toContain('<footer class="secured-by"><img src="/icons/tether.svg" alt width="14" height="14"/>Secured by Tether</footer>')
    expect(html).not.toContain('style=')
    const plain = renderInvitationPage({ ...snapshot, brand: undefined }, app, 'TOKEN', FALLBACK_TIME_ZONE, 'en')
    expect(plain).not.toContain('Secured by Tether')
    expect(plain).not.toContain('/brand/')
  })
})
