import { describe, expect, it } from 'vitest'
import {
  accentStylesheet,
  accentStylesheetPath,
  checkAccent,
  checkLogo,
  contrastRatio,
  logoPath,
  parseLogoFile,
  relativeLuminance,
  sniffLogoType,
} from './brand'
import { AppError } from './errors'

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16]
const WEBP = [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]
const bytes = (list: number[]) => new Uint8Array(list)
const text = (value: string) => new TextEncoder().encode(value)

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).code
  }
  throw new Error('accepted')
}

describe('contrast (WCAG 2.x)', () => {
  it('gives the reference luminances and ratios', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10)
    expect(relativeLuminance('#000000')).toBe(0)
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10)
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(contrastRatio('#4f46e5', '#ffffff')).toBeGreaterThan(4.5)
  })

  it('accepts an accent white button text can be read on, normalised', () => {
    expect(checkAccent('#1A56DB')).toBe('#1a56db')
    expect(checkAccent(' 767676 ')).toBe('#767676')
    expect(checkAccent('#000000')).toBe('#000000')
  })

  it.each(['#777777', '#ffffff', '#ffcc00', '#22c55e', '#4f9cf9'])('refuses %s, under 4.5:1 with white text', (accent) => {
    expect(() => checkAccent(accent)).toThrow(/contrast of \d\.\d\d:1/)
  })

  it.each(['red', '#fff', '#12345g', 'url(x)', '#1a56db;color:red', ''])('refuses %j, not six hex digits', (accent) => {
    expect(codeOf(() => checkAccent(accent))).toBe('invalid_request')
  })

  it('serves a stylesheet only for an accent that passes', () => {
    expect(accentStylesheetPath('#1a56db')).toBe('/brand/accent/1a56db.css')
    expect(accentStylesheet('1a56db.css')).toBe(':root{--brand:#1a56db}\n')
    expect(accentStylesheet('ffffff.css')).toBeNull()
    expect(accentStylesheet('1A56DB.css')).toBeNull()
    expect(accentStylesheet('1a56db.css;x')).toBeNull()
  })
})

describe('logo', () => {
  it('sniffs PNG, JPEG and WebP from their magic bytes', () => {
    expect(sniffLogoType(bytes(PNG))).toBe('image/png')
    expect(sniffLogoType(bytes(JPEG))).toBe('image/jpeg')
    expect(sniffLogoType(bytes(WEBP))).toBe('image/webp')
  })

  it.each([
    ['an SVG', text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an SVG behind an XML prolog', text('<?xml version="1.0"?><svg/>')],
    ['a GIF', text('GIF89a......')],
    ['HTML', text('<!doctype html><script>1</script>')],
    ['a remote URL', text('https://cdn.example.com/logo.png')],
    ['a RIFF that is not WebP', bytes([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45])],
    ['a truncated PNG signature', bytes(PNG.slice(0, 5))],
  ])('refuses %s', (_, content) => {
    expect(sniffLogoType(content)).toBeNull()
    expect(codeOf(() => checkLogo(content, 1024))).toBe('invalid_request')
  })

  it('refuses an empty or oversize file, whatever its type', () => {
    expect(codeOf(() => checkLogo(new Uint8Array(0), 1024))).toBe('invalid_request')
    const big = new Uint8Array(1025)
    big.set(PNG)
    expect(codeOf(() => checkLogo(big, 1024))).toBe('payload_too_large')
    expect(checkLogo(big.slice(0, 1024), 1024)).toBe('image/png')
  })

  it('refuses an upload declared as SVG or HTML even when its bytes are a PNG, and lets the bytes decide otherwise', () => {
    expect(codeOf(() => checkLogo(bytes(PNG), 1024, 'image/svg+xml'))).toBe('invalid_request')
    expect(codeOf(() => checkLogo(bytes(PNG), 1024, 'text/html; charset=utf-8'))).toBe('invalid_request')
    expect(checkLogo(bytes(JPEG), 1024, 'image/png')).toBe('image/jpeg')
    expect(checkLogo(bytes(WEBP), 1024, 'application/octet-stream')).toBe('image/webp')
  })

  it('names the logo by its hash, with the extension its type fixes', () => {
    const hash = 'a'.repeat(64)
    expect(logoPath(hash, 'image/webp')).toBe(`/brand/logo/${hash}.webp`)
    expect(parseLogoFile(`${hash}.jpg`)).toEqual({ hash, type: 'image/jpeg' })
    expect(parseLogoFile(`${hash}.svg`)).toBeNull()
    expect(parseLogoFile(`${hash.slice(1)}.png`)).toBeNull()
    expect(parseLogoFile(`${hash.toUpperCase()}.png`)).toBeNull()
  })
})
