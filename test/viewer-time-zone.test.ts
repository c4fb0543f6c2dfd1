import { describe, expect, it } from 'vitest'
import { formatTime } from '../src/domain/format-time'
import { call, requestLink, signUpOwner } from './helpers'
import { page } from './dashboard-helpers'

const BERLIN = { timezone: 'Europe/Berlin', country: 'DE' }
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

async function html(path: string, init: { cookie?: string; cf?: object; headers?: Record<string, string> } = {}): Promise<string> {
  const response = await call(path, init as RequestInit)
  expect(response.status, path).toBe(200)
  return response.text()
}

describe("times in the viewer's zone", () => {
  it("shows the invitation's expiry in Cloudflare's zone of the client, named, and UTC without one", async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const expiresAt = Date.parse(link.expiresAt)
    expect(await html(link.path, { cf: BERLIN })).toContain(`>${formatTime(expiresAt, 'Europe/Berlin')}</time>`)
    expect(formatTime(expiresAt, 'Europe/Berlin')).toMatch(/ \(Europe\/Berlin\)$/)
    expect(await html(link.path)).toContain(`>${formatTime(expiresAt, 'UTC')}</time>`)
    expect(await html(link.path, { cf: { timezone: 'Not/AZone' } })).toContain(`>${formatTime(expiresAt, 'UTC')}</time>`)
  })

  it('ignores the geolocation of a local address, which is a fixed sample locally', async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const local = await html(link.path, { cf: BERLIN, headers: { 'cf-connecting-ip': '127.0.0.1' } })
    expect(local).toContain(`>${formatTime(Date.parse(link.expiresAt), 'UTC')}</time>`)
    const remote = await html(link.path, { cf: BERLIN, headers: { 'cf-connecting-ip': '203.0.113.7' } })
    expect(remote).toContain('(Europe/Berlin)</time>')
  })

  it("shows the owner's pages in the owner's zone", async () => {
    const owner = await signUpOwner()
    const link = await requestLink(owner)
    const details = await html(`/connections/${link.connectionId}`, { cookie: owner.cookie, cf: { timezone: 'Asia/Tokyo' } })
    expect(details).toContain('(Asia/Tokyo)</time>')
    expect(details).not.toContain('(UTC)')
    expect(await page(`/connections/${link.connectionId}`, owner.cookie)).toContain('(UTC)</time>')
    const created = await call('/api/v1/workflows', { method: 'POST', cookie: owner.cookie, json: { name: 'Zoned', steps: [] } })
    expect(created.status).toBe(201)
    const workflows = await html('/workflows', { cookie: owner.cookie, cf: { timezone: 'Asia/Tokyo' } })
    expect(workflows).toMatch(/<time datetime="[^"]+" title="[^"]+ \(Asia\/Tokyo\)">just now<\/time>/)
  })
})

describe('the activity log', () => {
  it('reads the client\'s browser as "Chrome on macOS" and names the country only for a public address', async () => {
    const owner = await signUpOwner()
    const fromAbroad = await requestLink(owner)
    await html(fromAbroad.path, { cf: BERLIN, headers: { 'user-agent': CHROME_MAC, 'cf-connecting-ip': '203.0.113.7' } })
    await call(`${fromAbroad.path}/accept`, { method: 'POST', cf: BERLIN, headers: { 'user-agent': CHROME_MAC } } as RequestInit)
    const abroad = await page(`/connections/${fromAbroad.connectionId}`, owner.cookie)
    expect(abroad).toContain('from DE · Chrome on macOS')
    expect(abroad).not.toContain('>Mozilla/5.0')

    const fromHere = await requestLink(owner)
    const local = { cf: { country: 'US' }, headers: { 'user-agent': CHROME_MAC, 'cf-connecting-ip': '127.0.0.1' } }
    await call(`${fromHere.path}/accept`, { method: 'POST', ...local } as RequestInit)
    const here = await page(`/connections/${fromHere.connectionId}`, owner.cookie)
    expect(here).toContain('Chrome on macOS')
    expect(here).not.toContain('from US')
  })
})
