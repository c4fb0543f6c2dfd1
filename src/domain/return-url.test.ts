import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { RETURN_URL_MAX } from './limits'
import { backUrl, checkReturnUrl } from './return-url'

function refusal(raw: string): string {
  try {
    checkReturnUrl(raw)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('invalid_request')
    return (error as AppError).message
  }
  throw new Error(`${raw} was accepted`)
}

describe('checkReturnUrl', () => {
  it('accepts a public https URL, normalised', () => {
    expect(checkReturnUrl('https://Agency.example/clients/done?ref=tether')).toBe('https://agency.example/clients/done?ref=tether')
  })

  it.each([
    ['http', 'http://agency.example/done', /https:\/\//],
    ['javascript:', 'javascript:alert(document.cookie)', /https:\/\//],
    ['data:', 'data:text/html,<script>1</script>', /https:\/\//],
    ['localhost', 'https://localhost/done', /this computer/],
    ['a loopback IP', 'https://127.0.0.1/done', /this computer/],
    ['a private host', 'https://192.168.1.10/done', /private network/],
    ['a private IPv6 host', 'https://[fd00::1]/done', /private network/],
    ['an internal name', 'https://intranet.internal/done', /not a public site/],
    ['credentials', 'https://user:pass@agency.example/done', /user name and password/],
    ['not a URL', 'agency.example', /full address/],
  ])('refuses %s', (_, raw, message) => {
    expect(refusal(raw)).toMatch(message)
  })

  it('refuses a URL past the length cap', () => {
    const base = 'https://agency.example/?q='
    expect(checkReturnUrl(base + 'a'.repeat(RETURN_URL_MAX - base.length))).toHaveLength(RETURN_URL_MAX)
    expect(refusal(base + 'a'.repeat(RETURN_URL_MAX - base.length + 1))).toMatch(/longer than/)
  })
})

describe('backUrl', () => {
  it('appends connection and status, keeping the query and the fragment', () => {
    expect(backUrl('https://agency.example/done?ref=tether#top', 'conn_1', 'connected')).toBe(
      'https://agency.example/done?ref=tether&connection=conn_1&status=connected#top',
    )
  })

  it('replaces a connection or status the owner put there, and encodes the id', () => {
    const url = new URL(backUrl('https://agency.example/?status=x&connection=y', 'a b&c', 'rejected'))
    expect(url.searchParams.getAll('status')).toEqual(['rejected'])
    expect(url.searchParams.getAll('connection')).toEqual(['a b&c'])
  })
})
