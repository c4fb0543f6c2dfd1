import { renderToString } from 'preact-render-to-string'
import type { AppDefinition } from '../../../apps/types'
import type { Locale } from '../../../domain/locales'
import { FALLBACK_TIME_ZONE } from '../../../domain/format-time'
import { Time, TimeZoneContext } from '../../components/time'
import { LocaleContext } from '../../locale'
import { renderPage } from '../../render'
import { InvitationPage } from './invitation'
import type { InvitationSnapshot } from '../../../domain/shapes'
import { isBranded, type LinkBrand } from '../../../domain/brand'

/**
 * The invitation page is the hot read path, so its markup is rendered once per app, purpose and language
 * with markers in place of the link's values; a request then only escapes and splices them in.
 * The output is byte-for-byte what rendering InvitationPage gives (see the test beside this file).
 */
const SLOTS = ['requesterName', 'requesterEmail', 'connectionName', 'token', 'expiry', 'brandName', 'logoUrl', 'accent'] as const
type Slot = (typeof SLOTS)[number]

const marker = (slot: Slot) => `\u{E000}${SLOTS.indexOf(slot)}\u{E001}`
const MARKER = /\u{E000}(\d)\u{E001}/u
/** An instant no real link expires at, so its <time> markup can be found and replaced. */
const MARKER_EXPIRY = Date.UTC(1971, 1, 3, 4, 5, 6, 7)

interface Template {
  /** Static markup around the slots: parts[0] slot[0] parts[1] … */
  parts: string[]
  slots: Slot[]
}

const templates = new Map<string, Template>()

/** Which parts of the owner's brand the link has: each changes the markup, so each combination has its own template. */
const brandShape = (brand: LinkBrand | undefined) =>
  brand ? `${+(brand.name !== null)}${+(brand.logoUrl !== null)}${+(brand.accent !== null)}` : ''

/** The accent reaches the page as `/brand/accent/<hex>.css`: its marker stands for the six digits. */
function markerBrand(brand: LinkBrand | undefined): LinkBrand | undefined {
  if (!brand) return undefined
  return {
    name: brand.name === null ? null : marker('brandName'),
    logoUrl: brand.logoUrl === null ? null : marker('logoUrl'),
    accent: brand.accent === null ? null : `#${marker('accent')}`,
  }
}

function buildTemplate(
  app: AppDefinition,
  purpose: InvitationSnapshot['purpose'],
  withEmail: boolean,
  locale: Locale,
  linkBrand: LinkBrand | undefined,
): Template {
  const brand = markerBrand(linkBrand)
  const snapshot: InvitationSnapshot = {
    v: 2,
    linkId: '',
    connectionId: '',
    workspaceId: '',
    appId: app.id,
    purpose,
    expiresAt: MARKER_EXPIRY,
    requesterName: marker('requesterName'),
    requesterEmail: withEmail ? marker('requesterEmail') : null,
    connectionName: marker('connectionName'),
    ...(brand ? { brand } : {}),
  }
  const page = <InvitationPage snapshot={snapshot} app={app} token={marker('token')} />
  const html = renderPage(page, FALLBACK_TIME_ZONE, locale, brand ?? null)
    .split(
      renderToString(
        <LocaleContext.Provider value={locale}>
          <Time at={MARKER_EXPIRY} />
        </LocaleContext.Provider>,
      ),
    )
    .join(marker('expiry'))
  const pieces = html.split(MARKER)
  return {
    parts: pieces.filter((_, i) => i % 2 === 0),
    slots: pieces.filter((_, i) => i % 2 === 1).map((index) => SLOTS[Number(index)]!),
  }
}

/** A link's expiry reads the same on every view in a zone and language: rendered once, kept in a bounded cache. */
const expiries = new Map<string, string>()
const EXPIRIES_MAX = 5_000

function expiryMarkup(expiresAt: number, timeZone: string, locale: Locale): string {
  const key = `${locale} ${timeZone} ${expiresAt}`
  let markup = expiries.get(key)
  if (markup === undefined) {
    markup = renderToString(
      <LocaleContext.Provider value={locale}>
        <TimeZoneContext.Provider value={timeZone}>
          <Time at={expiresAt} />
        </TimeZoneContext.Provider>
      </LocaleContext.Provider>,
    )
    if (expiries.size >= EXPIRIES_MAX) expiries.clear()
    expiries.set(key, markup)
  }
  return markup
}

/** The same escaping preact applies to text and attribute values. */
function escapeHtml(value: string): string {
  return value.replace(/["&<]/g, (ch) => (ch === '"' ? '&quot;' : ch === '&' ? '&amp;' : '&lt;'))
}

export function renderInvitationPage(
  snapshot: InvitationSnapshot,
  app: AppDefinition,
  token: string,
  timeZone: string,
  locale: Locale,
): string {
  const withEmail = snapshot.requesterEmail !== null
  const brand = isBranded(snapshot.brand) ? snapshot.brand : undefined
  const key = `${locale}:${app.id}:${snapshot.purpose}:${withEmail}:${brandShape(brand)}`
  let template = templates.get(key)
  if (!template) {
    template = buildTemplate(app, snapshot.purpose, withEmail, locale, brand)
    templates.set(key, template)
  }
  const values: Record<Slot, string> = {
    requesterName: escapeHtml(snapshot.requesterName),
    requesterEmail: escapeHtml(snapshot.requesterEmail ?? ''),
    connectionName: escapeHtml(snapshot.connectionName),
    token: escapeHtml(token),
    brandName: escapeHtml(brand?.name ?? ''),
    logoUrl: escapeHtml(brand?.logoUrl ?? ''),
    accent: escapeHtml(brand?.accent?.slice(1) ?? ''),
    expiry: expiryMarkup(snapshot.expiresAt, timeZone, locale),
  }
  let html = template.parts[0]!
  for (let i = 0; i < template.slots.length; i++) html += values[template.slots[i]!] + template.parts[i + 1]!
  return html
}
