import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import qrcode from 'qrcode-generator'
import { describe, expect, it } from 'vitest'
import { StyleGuidePage } from '../pages/style-guide'
import { Alert } from './alert'
import { AppIcon } from './app-icon'
import { Badge, badgeLabel, type BadgeKind } from './badge'
import { CopyField } from './copy-field'
import { EmptyState } from './empty-state'
import { Field, FormError, Select, SubmitButton } from './form'
import * as Icons from './icons'
import { Menu, MenuItemButton, MenuItemLink } from './menu'
import { QrCode, qrPath } from './qr-code'
import { Steps } from './steps'
import { Time, TimeZoneContext, formatRelative } from './time'

// A tiny start-tag reader: enough to check attributes without a DOM in workerd.
interface Tag {
  name: string
  attrs: Record<string, string>
}
function tags(html: string): Tag[] {
  return [...html.matchAll(/<([a-z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)].map(([, name, raw]) => ({
    name: name!,
    attrs: Object.fromEntries([...raw!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map(([, k, v]) => [k!, v ?? ''])),
  }))
}
const find = (html: string, test: (t: Tag) => boolean) => tags(html).filter(test)
const one = (html: string, test: (t: Tag) => boolean) => {
  const found = find(html, test)
  expect(found).toHaveLength(1)
  return found[0]!.attrs
}
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
const render = (node: VNode) => renderToString(node)

describe('Field', () => {
  it('binds the label and describes the input by its help and error', () => {
    const html = render(<Field name="siteUrl" label="Site URL" type="url" help="Your WordPress address" error="Enter a URL" value="x" />)
    const label = one(html, (t) => t.name === 'label')
    const input = one(html, (t) => t.name === 'input')
    expect(label.for).toBe('field-siteUrl')
    expect(input.id).toBe('field-siteUrl')
    expect(input['aria-invalid']).toBe('true')
    expect(input['aria-describedby']!.split(' ')).toEqual(['field-siteUrl-error', 'field-siteUrl-help'])
    for (const id of input['aria-describedby']!.split(' ')) one(html, (t) => t.attrs.id === id)
    expect(input.value).toBe('x')
    expect(input.type).toBe('url')
  })

  it('has no aria-invalid or aria-describedby when there is nothing to describe', () => {
    const input = one(render(<Field name="name" label="Name" />), (t) => t.name === 'input')
    expect(input).not.toHaveProperty('aria-invalid')
    expect(input).not.toHaveProperty('aria-describedby')
  })

  it('never echoes a secret and keeps it out of autofill', () => {
    const html = render(<Field name="apiKey" label="API key" secret value="sk_live_123" autocomplete="username" error="Rejected" />)
    const input = one(html, (t) => t.name === 'input')
    expect(input.type).toBe('password')
    expect(input.autocomplete).toBe('off')
    expect(input).not.toHaveProperty('value')
    expect(html).not.toContain('sk_live_123')
  })

  it('keeps an account password field autofillable but never prefilled', () => {
    const html = render(<Field name="password" label="Password" type="password" autocomplete="current-password" value="hunter2" />)
    const input = one(html, (t) => t.name === 'input')
    expect(input.autocomplete).toBe('current-password')
    expect(html).not.toContain('hunter2')
  })

  it('renders a textarea with its escaped value and inputmode', () => {
    const html = render(<Field name="notes" label="Notes" type="textarea" value={'<b>hi</b>'} />)
    expect(html).toContain('&lt;b>hi&lt;/b></textarea>')
    const numeric = one(render(<Field name="n" label="N" inputMode="numeric" />), (t) => t.name === 'input')
    expect(numeric.inputmode).toBe('numeric')
  })
})

describe('Select, FormError, SubmitButton', () => {
  it('binds the label, selects the value and disables options', () => {
    const html = render(
      <Select
        name="conn"
        label="Choose a Connection"
        value="b"
        placeholder="Choose…"
        options={[
          { value: 'a', label: 'Pending one', disabled: true },
          { value: 'b', label: 'Ready one' },
        ]}
      />,
    )
    expect(one(html, (t) => t.name === 'label').for).toBe(one(html, (t) => t.name === 'select').id)
    expect(one(html, (t) => t.name === 'option' && t.attrs.value === 'a')).toHaveProperty('disabled')
    expect(one(html, (t) => t.name === 'option' && t.attrs.value === 'b')).toHaveProperty('selected')
    expect(one(html, (t) => t.name === 'option' && t.attrs.value === '')).not.toHaveProperty('selected')
  })

  it('announces a form error and renders nothing without one', () => {
    expect(one(render(<FormError message="Try again" />), (t) => t.attrs.role === 'alert').class).toContain('alert-error')
    expect(render(<FormError message={null} />)).toBe('')
  })

  it('builds button classes', () => {
    const button = one(
      render(
        <SubmitButton variant="danger" block>
          Delete
        </SubmitButton>,
      ),
      (t) => t.name === 'button',
    )
    expect(button.type).toBe('submit')
    expect(button.class).toBe('button button-danger button-block')
  })
})

describe('Badge', () => {
  const cases: [BadgeKind, string, string][] = [
    ['pending', 'Pending', 'Hourglass'],
    ['via_link', 'Via Link', 'Link'],
    ['refresh_pending', 'Pending', 'Refresh'],
    ['rejected', 'Rejected', 'Close'],
    ['active', 'Connected', 'Check'],
    ['needs_reconnect', 'Needs reconnect', 'Warning'],
  ]
  it.each(cases)('%s shows "%s" with its icon and reads unambiguously', (kind, visible, iconName) => {
    const html = render(<Badge badge={kind} />)
    const span = one(html, (t) => t.attrs.class === `badge badge-${kind}`)
    expect(span.title).toBe(badgeLabel(kind))
    expect(text(html)).toBe(badgeLabel(kind))
    expect(badgeLabel(kind).startsWith(`${visible}: `)).toBe(true)
    const icon = render((Icons as Record<string, (p: object) => VNode>)[iconName]!({ size: 14 }))
    expect(html).toContain(icon)
  })

  it('tells the two pending badges apart', () => {
    expect(badgeLabel('refresh_pending')).toBe('Pending: credential refresh in progress; current credentials still work')
    expect(badgeLabel('pending')).not.toBe(badgeLabel('refresh_pending'))
  })
})

describe('icons', () => {
  it.each(Object.entries(Icons))('%s is decorative and scalable', (_, Icon) => {
    const svg = one(render(<Icon />), (t) => t.name === 'svg')
    expect(svg).toMatchObject({ 'aria-hidden': 'true', focusable: 'false', viewBox: '0 0 24 24', stroke: 'currentColor' })
  })
})

describe('QrCode', () => {
  const url = 'https://tether.example/connect/q3X9vYb2Lk7sWmN4pR8tZc1dEf6gHj0a'

  it('is an image with a label and a quiet zone', () => {
    const html = render(<QrCode text={url} label="QR code of the connection link" />)
    const svg = one(html, (t) => t.name === 'svg')
    const { modules } = qrPath(url)
    expect(svg.role).toBe('img')
    expect(svg['aria-label']).toBe('QR code of the connection link')
    expect(svg.viewBox).toBe(`0 0 ${modules + 8} ${modules + 8}`)
    expect(svg['shape-rendering']).toBe('crispEdges')
  })

  it('draws exactly the dark modules of the code', () => {
    const { modules, d } = qrPath(url)
    const qr = qrcode(0, 'M')
    qr.addData(url, 'Byte')
    qr.make()
    const drawn = new Set<string>()
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(run); i++) drawn.add(`${Number(y) - 4},${Number(x) - 4 + i}`)
    }
    const dark = new Set<string>()
    for (let r = 0; r < modules; r++) for (let c = 0; c < modules; c++) if (qr.isDark(r, c)) dark.add(`${r},${c}`)
    expect(drawn).toEqual(dark)
    expect(d.startsWith('M4 4h7v1h-7z')).toBe(true) // top row of the top-left finder pattern
  })

  it('encodes non-ASCII text as UTF-8', () => {
    expect(qrPath('https://x.example/é').d).not.toBe(qrPath('https://x.example/e').d)
  })
})

describe('CopyField', () => {
  it('is a labelled read-only input with a copy button revealed by script', () => {
    const html = render(<CopyField id="link-url" label="Connection link" value="https://t.example/connect/abc" />)
    const input = one(html, (t) => t.name === 'input')
    const button = one(html, (t) => t.name === 'button')
    expect(one(html, (t) => t.name === 'label').for).toBe('link-url')
    expect(input).toMatchObject({ id: 'link-url', value: 'https://t.example/connect/abc' })
    expect(input).toHaveProperty('readonly')
    expect(button).toMatchObject({ type: 'button', 'data-copy-target': 'link-url' })
    expect(button).toHaveProperty('hidden')
    expect(text(html.slice(html.indexOf('<button'), html.indexOf('</button>')))).toBe('Copy Connection link')
    one(html, (t) => t.attrs['aria-live'] === 'polite')
  })
  it('wraps a long value in a read-only textarea, whole, for phones', () => {
    const long = `https://t.example/connect/${'x'.repeat(43)}`
    const html = render(<CopyField id="link-url" label="Connection link" value={long} wrap />)
    const area = one(html, (t) => t.name === 'textarea')
    expect(area).toMatchObject({ id: 'link-url', rows: '2' })
    expect(area).toHaveProperty('readonly')
    expect(html).toContain(`>${long}</textarea>`)
    expect(html).toContain('class="copy-field copy-field-wrap"')
    expect(one(html, (t) => t.name === 'button')).toMatchObject({ 'data-copy-target': 'link-url' })
    expect(html).not.toContain('<input')
  })
})

describe('Menu', () => {
  it('is a details disclosure with a named toggle and plain items', () => {
    const html = render(
      <Menu label="Actions for Acme Slack">
        <MenuItemLink href="/connections/1/update">Update</MenuItemLink>
        <MenuItemButton action="/connections/1/delete" danger fields={{ confirm: '1' }}>
          Delete
        </MenuItemButton>
      </Menu>,
    )
    one(html, (t) => t.name === 'details' && t.attrs.class === 'menu')
    expect(text(html.slice(html.indexOf('<summary'), html.indexOf('</summary>')))).toBe('Actions for Acme Slack')
    expect(one(html, (t) => t.name === 'form')).toMatchObject({ method: 'post', action: '/connections/1/delete' })
    expect(one(html, (t) => t.name === 'button')).toMatchObject({ type: 'submit', class: 'menu-item menu-item-danger' })
    expect(one(html, (t) => t.name === 'input')).toMatchObject({ type: 'hidden', name: 'confirm', value: '1' })
    expect(html).not.toContain('role="menu')
  })
})

describe('Steps', () => {
  const items = (html: string) => find(html, (t) => t.name === 'li').map((t) => t.attrs)
  it('marks done and current steps', () => {
    const html = render(<Steps current={2} />)
    expect(items(html)).toEqual([{ class: 'is-done' }, { 'aria-current': 'step' }, {}])
    expect(text(html)).toBe('Review (completed)2Sign in3Done')
  })
  it('completes the flow on the last step', () => {
    expect(items(render(<Steps current={3} labels={['Review', 'Enter key', 'Done']} />))).toEqual([
      { class: 'is-done' },
      { class: 'is-done' },
      { class: 'is-done', 'aria-current': 'step' },
    ])
  })
})

describe('Time', () => {
  const at = Date.UTC(2026, 10, 27, 14, 5)
  it('formats in UTC, named, with a machine-readable datetime when no zone is provided', () => {
    const html = render(<Time at={new Date(at).toISOString()} />)
    expect(one(html, (t) => t.name === 'time').datetime).toBe('2026-11-27T14:05:00.000Z')
    expect(text(html)).toBe('27 Nov 2026, 14:05 (UTC)')
  })
  it('formats in the zone the page provides', () => {
    const html = render(
      <TimeZoneContext.Provider value="Europe/Berlin">
        <Time at={at} />
        <Time at={at} mode="date" />
      </TimeZoneContext.Provider>,
    )
    expect(text(html)).toBe('27 Nov 2026, 15:05 (Europe/Berlin)27 Nov 2026')
  })
  it('phrases relative times only when given now', () => {
    expect(formatRelative(at + 172_800_000, at)).toBe('in 2 days')
    expect(formatRelative(at - 300_000, at)).toBe('5 minutes ago')
    expect(formatRelative(at - 3_600_000, at)).toBe('1 hour ago')
    expect(formatRelative(at + 10_000, at)).toBe('just now')
    expect(formatRelative(at - 86_400_000 * 45, at)).toBeNull()
    const html = render(<Time at={at - 300_000} now={at} />)
    expect(text(html)).toBe('5 minutes ago')
    expect(one(html, (t) => t.name === 'time').title).toBe('27 Nov 2026, 14:00 (UTC)')
  })
})

describe('Alert, EmptyState, AppIcon', () => {
  it('gives errors role=alert, successes role=status and others no live role', () => {
    expect(one(render(<Alert kind="error">x</Alert>), (t) => t.name === 'div' && t.attrs.class === 'alert alert-error').role).toBe('alert')
    expect(one(render(<Alert kind="success">x</Alert>), (t) => t.attrs.class === 'alert alert-success').role).toBe('status')
    expect(one(render(<Alert kind="info">x</Alert>), (t) => t.attrs.class === 'alert alert-info')).not.toHaveProperty('role')
    expect(
      one(
        render(
          <Alert kind="warning" live>
            x
          </Alert>,
        ),
        (t) => t.attrs.class === 'alert alert-warning',
      ).role,
    ).toBe('status')
  })
  it('renders the empty state heading at the requested level', () => {
    expect(render(<EmptyState title="No workflows" headingLevel={3} />)).toContain('<h3>No workflows</h3>')
  })
  it('hides the app icon from assistive tech only when the name is written next to it', () => {
    expect(one(render(<AppIcon iconUrl="/icons/slack.svg" name="Slack" />), (t) => t.name === 'img')).toMatchObject({
      alt: '',
      width: '32',
      height: '32',
    })
    expect(one(render(<AppIcon iconUrl="/icons/slack.svg" name="Slack" size={56} standalone />), (t) => t.name === 'img').alt).toBe('Slack')
  })
})

describe('style guide page (every component at once)', () => {
  const html = render(<StyleGuidePage />)
  it('has no inline styles, scripts or handlers, which the CSP would block', () => {
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).not.toMatch(/\son[a-z]+=/)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
  })
  it('has unique ids and every id reference resolves', () => {
    const ids = find(html, (t) => 'id' in t.attrs).map((t) => t.attrs.id)
    expect(new Set(ids).size).toBe(ids.length)
    const refs = tags(html)
      .flatMap((t) => [t.attrs.for, t.attrs['aria-labelledby'], t.attrs['aria-describedby'], t.attrs['data-copy-target']])
      .filter((v): v is string => !!v)
      .flatMap((v) => v.split(' '))
    expect(refs.length).toBeGreaterThan(5)
    for (const ref of refs) expect(ids).toContain(ref)
  })
  it('gives every form control a label', () => {
    const labelled = new Set(find(html, (t) => t.name === 'label').map((t) => t.attrs.for))
    for (const control of find(html, (t) => ['input', 'select', 'textarea'].includes(t.name) && t.attrs.type !== 'hidden')) {
      expect(labelled.has(control.attrs.id)).toBe(true)
    }
  })
})

describe('copy.js', () => {
  // A variable specifier keeps TypeScript from resolving Vite's ?raw suffix.
  const source = async () => {
    const path = '../../../public/copy.js?raw'
    return ((await import(/* @vite-ignore */ path)) as { default: string }).default
  }
  it('stays under 1 KB and hooks onto the markup these components render', async () => {
    const js = await source()
    expect(new TextEncoder().encode(js).length).toBeLessThanOrEqual(1024)
    const copy = render(<CopyField id="u" label="Link" value="v" />)
    expect(js).toContain("'[data-copy-target]'")
    expect(copy).toContain('data-copy-target="u"')
    expect(js).toContain("'[data-copy-text]'")
    expect(copy).toContain('data-copy-text')
    expect(js).toContain("querySelector('[aria-live]')")
    expect(js).toContain("'.copy-field>[id]'")
    expect(copy).toContain('class="copy-field"><input id="u"')
    expect(render(<CopyField id="w" label="Link" value="v" wrap />)).toContain('class="copy-field copy-field-wrap"><textarea id="w"')
    expect(js).toContain("'.menu[open]'")
    expect(render(<Menu label="m">x</Menu>)).toContain('<details class="menu">')
  })
})
