import { describe, expect, it } from 'vitest'
import { DASHBOARD_STYLESHEET_URL, SCRIPT_URL, STYLESHEET_URL } from './asset-urls'
import { Layout } from './layout'
import { renderPage } from './render'

// A variable specifier keeps TypeScript from resolving Vite's ?raw suffix.
const publicFile = async (name: string) => {
  const path = `../../public/${name}?raw`
  return ((await import(/* @vite-ignore */ path)) as { default: string }).default
}

const contentHash = async (text: string) => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return [...digest]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 10)
}

describe('fingerprinted asset URLs', () => {
  it('carry the hash of the file public/ serves now (else: npm run assets)', async () => {
    expect(STYLESHEET_URL).toBe(`/app.css?v=${await contentHash(await publicFile('app.css'))}`)
    expect(DASHBOARD_STYLESHEET_URL).toBe(`/dashboard.css?v=${await contentHash(await publicFile('dashboard.css'))}`)
    expect(SCRIPT_URL).toBe(`/copy.js?v=${await contentHash(await publicFile('copy.js'))}`)
  })

  it('are the URLs the pages reference', () => {
    const html = renderPage(
      <Layout title="t" owner={{ name: 'n', email: 'e@example.com' }}>
        x
      </Layout>,
    )
    expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET_URL}"/>`)
    expect(html).toContain(`<link rel="stylesheet" href="${DASHBOARD_STYLESHEET_URL}"/>`)
    expect(html).toContain(`<script src="${SCRIPT_URL}" defer></script>`)
  })

  it('a client’s page loads only the first stylesheet and no script', () => {
    const html = renderPage(
      <Layout title="t" variant="public">
        x
      </Layout>,
    )
    expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET_URL}"/>`)
    expect(html).not.toContain('dashboard.css')
    expect(html).not.toContain('<script')
  })
})
