import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { checkAppUrl } from './url-policy'

const strict = { allowLoopback: false }
const loopbackAllowed = { allowLoopback: true }

const LOOPBACK = /this computer/
const PRIVATE = /private network/
const NOT_PUBLIC = /not a public site/
const IP_LITERAL = /domain name, not an IP address/
const SINGLE_LABEL = /full domain name/

function refusal(raw: string, policy = strict): string {
  try {
    checkAppUrl(raw, policy)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('invalid_request')
    return (error as AppError).message
  }
  throw new Error(`${raw} was accepted`)
}

describe('checkAppUrl', () => {
  it.each([
    'https://example.com',
    'https://blog.example.com/wordpress/',
    'https://example.com:8443/site?x=1',
    'https://xn--bcher-kva.example',
    'https://bücher.example/',
    '  https://example.com  ',
    'https://example.com./',
    'https://8.8.8.8.nip.io',
  ])('accepts the public https URL %s', (raw) => {
    expect(checkAppUrl(raw, strict)).toBeInstanceOf(URL)
  })

  it('returns the parsed, normalised URL', () => {
    expect(checkAppUrl('HTTPS://Example.COM/a/../b', strict).href).toBe('https://example.com/b')
  })

  it.each([
    ['', /full address/],
    ['example.com', /full address/],
    ['not a url', /full address/],
    ['https://', /full address/],
    ['http://example.com', /https:\/\//],
    ['ftp://example.com', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['file:///etc/passwd', /https:\/\//],
    ['https://user:pass@example.com', /user name and password/],
    ['https://user@example.com', /user name and password/],
    ['https://:secret@example.com', /user name and password/],
  ])('refuses %j', (raw, message) => {
    expect(refusal(raw)).toMatch(message)
  })

  it.each([
    ['https://localhost', 'loopback', LOOPBACK],
    ['https://LOCALHOST.', 'loopback', LOOPBACK],
    ['https://app.localhost', 'loopback', LOOPBACK],
    ['https://127.0.0.1', 'loopback', LOOPBACK],
    ['https://127.255.255.254', 'loopback', LOOPBACK],
    ['https://2130706433', 'loopback (decimal)', LOOPBACK],
    ['https://0x7f000001', 'loopback (hex)', LOOPBACK],
    ['https://0177.0.0.1', 'loopback (octal)', LOOPBACK],
    ['https://0x7f.1', 'loopback (short hex)', LOOPBACK],
    ['https://127.1', 'loopback (short form)', LOOPBACK],
    ['https://[::1]', 'IPv6 loopback', LOOPBACK],
    ['https://[0:0:0:0:0:0:0:1]', 'IPv6 loopback, long form', LOOPBACK],
    ['https://[::ffff:127.0.0.1]', 'IPv4-mapped loopback', LOOPBACK],
    ['https://[::ffff:7f00:1]', 'IPv4-mapped loopback, hex', LOOPBACK],
    ['https://[::127.0.0.1]', 'IPv4-compatible loopback', LOOPBACK],
    ['https://10.0.0.1', 'private 10/8', PRIVATE],
    ['https://167772161', 'private 10/8 (decimal)', PRIVATE],
    ['https://172.16.0.1', 'private 172.16/12', PRIVATE],
    ['https://172.31.255.255', 'private 172.16/12 upper end', PRIVATE],
    ['https://192.168.1.1', 'private 192.168/16', PRIVATE],
    ['https://0xc0.0xa8.1.1', 'private 192.168/16 (hex octets)', PRIVATE],
    ['https://100.64.0.1', 'carrier-grade NAT 100.64/10', PRIVATE],
    ['https://100.127.255.255', 'carrier-grade NAT upper end', PRIVATE],
    ['https://169.254.169.254', 'link-local (cloud metadata)', NOT_PUBLIC],
    ['https://0251.0376.0251.0376', 'link-local (octal)', NOT_PUBLIC],
    ['https://[::ffff:169.254.169.254]', 'IPv4-mapped link-local', NOT_PUBLIC],
    ['https://[::ffff:10.1.2.3]', 'IPv4-mapped private', PRIVATE],
    ['https://[fc00::1]', 'IPv6 unique local fc00::/7', PRIVATE],
    ['https://[fd12:3456::1]', 'IPv6 unique local fd', PRIVATE],
    ['https://[fe80::1]', 'IPv6 link-local', NOT_PUBLIC],
    ['https://[febf::1]', 'IPv6 link-local upper end', NOT_PUBLIC],
    ['https://0.0.0.0', 'unspecified', NOT_PUBLIC],
    ['https://0', 'unspecified (short)', NOT_PUBLIC],
    ['https://[::]', 'IPv6 unspecified', NOT_PUBLIC],
    ['https://8.8.8.8', 'public IPv4 literal', IP_LITERAL],
    ['https://134744072', 'public IPv4 literal (decimal)', IP_LITERAL],
    ['https://[2001:4860:4860::8888]', 'public IPv6 literal', IP_LITERAL],
    ['https://[::ffff:8.8.8.8]', 'IPv4-mapped public', IP_LITERAL],
    ['https://intranet', 'single-label host', SINGLE_LABEL],
    ['https://wordpress/', 'single-label host', SINGLE_LABEL],
    ['https://printer.local', 'mDNS name', NOT_PUBLIC],
    ['https://db.internal', 'internal name', NOT_PUBLIC],
    ['https://demo.invalid', 'reserved .invalid (the in-process demo origin)', NOT_PUBLIC],
    ['https://router.home.arpa', 'home network name', NOT_PUBLIC],
  ])('refuses %s (%s)', (raw, _kind, reason) => {
    expect(refusal(raw)).toMatch(reason)
  })

  it('explains why in words the client understands', () => {
    expect(refusal('https://localhost')).toMatch(/this computer/)
    expect(refusal('https://192.168.0.10')).toMatch(/private network/)
    expect(refusal('https://8.8.8.8')).toMatch(/domain name, not an IP address/)
    expect(refusal('https://intranet')).toMatch(/full domain name/)
  })

  it('does not treat public neighbours of private ranges as private', () => {
    for (const raw of ['https://172.15.0.1', 'https://172.32.0.1', 'https://100.63.0.1', 'https://100.128.0.1', 'https://192.169.0.1']) {
      expect(refusal(raw)).toMatch(/domain name, not an IP address/)
    }
  })

  describe('with loopback apps allowed (development and tests)', () => {
    it.each([
      'http://127.0.0.1:8787/wp',
      'http://localhost:3000',
      'https://localhost',
      'http://[::1]:9000/',
      'http://127.1',
      'http://2130706433',
    ])('accepts the loopback URL %s', (raw) => {
      expect(checkAppUrl(raw, loopbackAllowed)).toBeInstanceOf(URL)
    })

    it('still accepts public https URLs', () => {
      expect(checkAppUrl('https://example.com', loopbackAllowed).hostname).toBe('example.com')
    })

    it.each([
      'http://example.com',
      'http://10.0.0.1',
      'https://10.0.0.1',
      'https://192.168.1.1',
      'https://169.254.169.254',
      'http://0.0.0.0:8787',
      'https://[fd00::1]',
      'https://8.8.8.8',
      'http://user:pw@127.0.0.1',
      'https://intranet',
    ])('still refuses %s', (raw) => {
      expect(refusal(raw, loopbackAllowed)).toBeTruthy()
    })
  })
})
