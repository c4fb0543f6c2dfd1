import { describe, expect, it } from 'vitest'
import {
  brandedOwner,
  call,
  cookiesAfter,
  form,
  ORIGIN,
  rejectViaLink,
  requestLink,
  signUpOwner,
  submitViaLink,
  DEMO_KEY,
  backdateLink,
} from './helpers'
import { location, post, SAME_ORIGIN, submit } from './dashboard-helpers'
import { connectForManageLink } from './manage-helpers'

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
)
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1])
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>')

type Owner = Awaited<ReturnType<typeof signUpOwner>>

const putLogo = (owner: Owner, body: Uint8Array<ArrayBuffer>, type: string) =>
  call('/api/v1/workspace/brand/logo', { method: 'PUT', cookie: owner.cookie, body, headers: { 'content-type': type } })

async function logoUrlOf(owner: Owner): Promise<string | null> {
  const response = await call('/api/v1/workspace/brand', { cookie: owner.cookie })
  return (await response.json<{ brand: { logoUrl: string | null } }>()).brand.logoUrl
}

describe('the workspace brand through the API', () => {
  it('starts empty, saves a name and an accent, and refuses an accent white text cannot be read on', async () => {
    const owner = await signUpOwner()
    const empty = await call('/api/v1/workspace/brand', { cookie: owner.cookie })
    expect(await empty.json()).toEqual({ brand: { displayName: null, accent: null, logoUrl: null, updatedAt: null } })
    const pale = await call('/api/v1/workspace/brand', { method: 'PUT', cookie: owner.cookie, json: { accent: '#ffcc00' } })
    expect(pale.status).toBe(400)
    const refusal = (await pale.json<{ error: { message: string; issues: { path: string }[] } }>()).error
    expect(refusal.message).toMatch(/contrast of 1\.\d\d:1/)
    expect(refusal.issues.map((issue) => issue.path)).toEqual(['accent'])
    const saved = await call('/api/v1/workspace/brand', {
      method: 'PUT',
      cookie: owner.cookie,
      json: { displayName: ' North\u202ewind\u200b  Studio ', accent: '#1A56DB' },
    })
    expect((await saved.json<{ brand: unknown }>()).brand).toMatchObject({
      displayName: 'Northwind Studio',
      accent: '#1a56db',
      logoUrl: null,
    })
    const kept = await call('/api/v1/workspace/brand', { method: 'PUT', cookie: owner.cookie, json: { accent: null } })
    expect((await kept.json<{ brand: unknown }>()).brand).toMatchObject({ displayName: 'Northwind Studio', accent: null })
  })

  it.each([
    ['an SVG', SVG, 'image/svg+xml', 400],
    ['an SVG declared as a PNG', SVG, 'image/png', 400],
    ['PNG bytes declared as SVG', PNG, 'image/svg+xml', 400],
    ['a GIF (wrong magic)', new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000'), 'image/png', 400],
    ['a remote URL instead of an image', new TextEncoder().encode('https://cdn.example.com/logo.png'), 'text/plain', 400],
    ['an empty body', new Uint8Array(0), 'image/png', 400],
  ])('refuses %s as the logo', async (_, body, type, status) => {
    const owner = await signUpOwner()
    const response = await putLogo(owner, body, type)
    expect(response.status).toBe(status)
    expect(await logoUrlOf(owner)).toBeNull()
  })

  it('refuses a logo over 100 KB, even a real PNG', async () => {
    const owner = await signUpOwner()
    const big = new Uint8Array(100 * 1024 + 1)
    big.set(PNG)
    const response = await putLogo(owner, big, 'image/png')
    expect(response.status).toBe(413)
    expect((await response.json<{ error: { code: string } }>()).error.code).toBe('payload_too_large')
    expect(await logoUrlOf(owner)).toBeNull()
  })

  it('serves the logo at a content-hashed URL with the sniffed type, nosniff and an immutable cache', async () => {
    const owner = await signUpOwner()
    // Declared as a PNG, but the bytes are a JPEG: the bytes decide.
    const uploaded = await putLogo(owner, JPEG, 'image/png')
    expect(uploaded.status).toBe(200)
    const { logoUrl } = (await uploaded.json<{ brand: { logoUrl: string } }>()).brand
    const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', JPEG))].map((b) => b.toString(16).padStart(2, '0')).join('')
    expect(logoUrl).toBe(`/brand/logo/${hash}.jpg`)
    const served = await call(logoUrl)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(JPEG)
    // The same bytes under another type's name are not served.
    expect((await call(logoUrl.replace('.jpg', '.png'))).status).toBe(404)
    expect((await call(logoUrl.replace('.jpg', '.svg'))).status).toBe(404)
    const removed = await call('/api/v1/workspace/brand/logo', { method: 'DELETE', cookie: owner.cookie })
    expect((await removed.json<{ brand: { logoUrl: null } }>()).brand.logoUrl).toBeNull()
  })

  it('serves the accent sheet only for a colour that passes, as CSS', async () => {
    const sheet = await call('/brand/accent/1a56db.css')
    expect(sheet.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await sheet.text()).toBe(':root{--brand:#1a56db}\n')
    expect((await call('/brand/accent/ffcc00.css')).status).toBe(404)
  })
})

describe('the brand on the client’s pages', () => {
  it('names the brand on the client’s management page and keeps its accent, without a logo that may be gone', async () => {
    const owner = await brandedOwner()
    await putLogo(owner, PNG, 'image/png')
    const { token } = await connectForManageLink(await requestLink(owner))
    const html = await (await call(`/manage/${token}`)).text()
    expect(html).toContain('What you granted to Northwind Studio')
    expect(html).toContain('<link rel="stylesheet" href="/brand/accent/1a56db.css"/>')
    expect(html).not.toContain('/brand/logo/')
  })

  it('puts name, logo and accent on the invitation, the form and the outcome, without widening the CSP', async () => {
    const owner = await brandedOwner()
    const logoUrl = (await (await putLogo(owner, PNG, 'image/png')).json<{ brand: { logoUrl: string } }>()).brand.logoUrl
    const link = await requestLink(owner)
    const invitation = await call(link.path)
    const html = await invitation.text()
    expect(html).toContain(`<img class="brand-logo" src="${logoUrl}" alt height="32"/>Northwind Studio</span>`)
    expect(html).toContain('<link rel="stylesheet" href="/brand/accent/1a56db.css"/>')
    expect(html).toContain('Secured by Tether</footer>')
    expect(html).toContain('· Northwind Studio</title>')
    expect(html).not.toContain('style=')
    const csp = invitation.headers.get('content-security-policy')!
    expect(csp).toContain("style-src 'self';")
    expect(csp).not.toContain('unsafe')

    const accept = await call(`${link.path}/accept`, form({}))
    const formPage = await (await call(location(accept))).text()
    expect(formPage).toContain('Northwind Studio</span>')
    const done = await (await submitViaLink(link, { apiKey: DEMO_KEY })).text()
    expect(done).toContain('Northwind Studio</span>')
    expect(done).toContain('/brand/accent/1a56db.css')
  })

  it('keeps a link’s brand from its creation, and its old logo, when the brand changes', async () => {
    const owner = await brandedOwner()
    const oldLogo = (await (await putLogo(owner, PNG, 'image/png')).json<{ brand: { logoUrl: string } }>()).brand.logoUrl
    const link = await requestLink(owner)
    await call('/api/v1/workspace/brand', { method: 'PUT', cookie: owner.cookie, json: { displayName: 'Renamed Ltd', accent: '#000000' } })
    await putLogo(owner, JPEG, 'image/jpeg')
    const html = await (await call(link.path)).text()
    expect(html).toContain(`src="${oldLogo}"`)
    expect(html).toContain('Northwind Studio</span>')
    expect((await call(oldLogo)).status).toBe(200)
    const fresh = await (await call((await requestLink(owner)).path)).text()
    expect(fresh).toContain('Renamed Ltd</span>')
    expect(fresh).toContain('/brand/accent/000000.css')
  })

  it('leaves a workspace without a brand on Tether’s pages', async () => {
    const link = await requestLink(await signUpOwner())
    const html = await (await call(link.path)).text()
    expect(html).not.toContain('Secured by Tether')
    expect(html).not.toContain('/brand/')
  })

  it('keeps the invalid-link page byte-identical and unbranded for a branded link that cannot be used', async () => {
    const owner = await brandedOwner()
    const expired = await requestLink(owner)
    await backdateLink(expired.connectionId)
    const used = await requestLink(owner)
    await submitViaLink(used, { apiKey: DEMO_KEY })
    const unknown = await (await call(`/connect/${'A'.repeat(32)}`)).text()
    const pages = [await (await call(expired.path)).text(), await (await call(used.path)).text()]
    for (const page of pages) expect(page).toBe(unknown)
    expect(unknown).not.toContain('Northwind')
    expect(unknown).not.toContain('/brand/')
  })
})

describe('returnUrl: back to the owner', () => {
  it.each([
    ['http', 'http://agency.example/done'],
    ['a private host', 'https://10.0.0.8/done'],
    ['localhost', 'https://localhost/done'],
    ['javascript:', 'javascript:alert(1)'],
    ['credentials', 'https://me:secret@agency.example/'],
  ])('refuses %s in POST /api/v1/connections', async (_, returnUrl) => {
    const owner = await signUpOwner()
    const response = await call('/api/v1/connections', {
      method: 'POST',
      cookie: owner.cookie,
      json: { appId: 'demo-tasks', name: 'Tasks', via: 'link', returnUrl },
    })
    expect(response.status).toBe(400)
    expect((await response.json<{ error: { code: string } }>()).error.code).toBe('invalid_request')
  })

  it('offers “Back to <display name>” on the connected page, with the connection and status added to the query', async () => {
    const owner = await brandedOwner()
    const link = await requestLink(owner, 'demo-tasks', { returnUrl: 'https://agency.example/clients?ref=tether#done' })
    const html = await (await submitViaLink(link, { apiKey: DEMO_KEY })).text()
    const href = `https://agency.example/clients?ref=tether&amp;connection=${link.connectionId}&amp;status=connected#done`
    expect(html).toContain(`<a class="button button-block" href="${href}" rel="noreferrer">Back to Northwind Studio</a>`)
  })

  it('says status=rejected after a rejection, in the link’s language, and nothing without a returnUrl', async () => {
    const owner = await brandedOwner()
    const link = await requestLink(owner, 'demo-tasks', { returnUrl: 'https://agency.example/', locale: 'de' })
    const html = await (await rejectViaLink(link, { reason: 'no' })).text()
    expect(html).toContain(`href="https://agency.example/?connection=${link.connectionId}&amp;status=rejected"`)
    expect(html).toContain('Zurück zu Northwind Studio')
    const plain = await requestLink(owner)
    expect(await (await submitViaLink(plain, { apiKey: DEMO_KEY })).text()).not.toContain('connection=')
  })

  it('takes a returnUrl on refresh (API) and on the dashboard link form, refusing a bad one on the form', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const refreshed = await call(`/api/v1/connections/${link.connectionId}/link`, {
      method: 'POST',
      cookie: owner.cookie,
      json: { returnUrl: 'https://agency.example/refreshed' },
    })
    expect(refreshed.status).toBe(201)
    const url = new URL((await refreshed.json<{ link: { url: string } }>()).link.url)
    const done = await (await submitViaLink({ path: url.pathname }, { apiKey: DEMO_KEY })).text()
    expect(done).toContain(`href="https://agency.example/refreshed?connection=${link.connectionId}&amp;status=connected"`)
    expect(done).toContain('Go back to the requester')

    const refused = await submit(
      '/connections/new/demo-tasks/link',
      { connectionName: 'T', returnUrl: 'http://agency.example/' },
      owner.cookie,
    )
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('The address must start with https://.')
  })
})

describe('Settings → Brand', () => {
  const upload = (cookie: string, bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => {
    const body = new FormData()
    body.set('logo', new File([bytes], name, { type }))
    return call('/settings/brand/logo', { method: 'POST', body, cookie, headers: SAME_ORIGIN })
  }

  it('saves name and colour, refuses a pale colour after a 303, and uploads a logo as multipart', async () => {
    const owner = await signUpOwner()
    const saved = await post('/settings/brand', { displayName: 'Northwind Studio', accent: '#1a56db' }, owner.cookie)
    expect(saved.status).toBe(303)
    expect(location(saved)).toBe('/settings/brand?saved=1')
    const pale = await submit('/settings/brand', { displayName: 'Northwind Studio', accent: '#ffcc00' }, owner.cookie)
    expect(pale.status).toBe(400)
    const paleHtml = await pale.text()
    expect(paleHtml).toMatch(/id="field-accent-error"[^>]*>.*contrast of/)
    expect(paleHtml).toContain('value="#ffcc00"')

    const svg = await upload(owner.cookie, SVG, 'logo.svg', 'image/svg+xml')
    expect(svg.status).toBe(303)
    const svgPage = await call(location(svg), { cookie: cookiesAfter(svg, owner.cookie) })
    expect(svgPage.status).toBe(400)
    expect(await svgPage.text()).toContain('SVG is not accepted')

    const png = await upload(owner.cookie, PNG, 'logo.png', 'image/png')
    expect(png.status).toBe(303)
    const pageHtml = await (await call('/settings/brand', { cookie: owner.cookie })).text()
    expect(pageHtml).toMatch(/<img class="brand-logo-preview" src="\/brand\/logo\/[0-9a-f]{64}\.png"/)
    expect(pageHtml).toContain('enctype="multipart/form-data"')
    expect(new URL(ORIGIN).host).toBe('tether.test')
  })
})
