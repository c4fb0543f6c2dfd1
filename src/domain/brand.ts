import { AppError } from './errors'

/**
 * A workspace's brand on the client's pages: display name, logo and accent colour. The logo is
 * sniffed from its bytes (never the declared type) and only PNG, JPEG or WebP pass: an SVG can
 * carry script, and a remote URL would let the owner track or swap what the client sees.
 */

export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp'

/** What a link carries of its workspace's brand, as it was when the link was made. */
export interface LinkBrand {
  name: string | null
  /** A Tether path, content-hashed: `/brand/logo/<sha256>.<ext>`. */
  logoUrl: string | null
  /** `#rrggbb`, lowercase; it passed `checkAccent` when it was set. */
  accent: string | null
}

/** Buttons on the client's pages have white text (public/app.css `.button`); the accent is their background. */
export const BUTTON_TEXT = '#ffffff'
/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5

const HEX = /^#?([0-9a-f]{6})$/i

const EXTENSIONS: Record<LogoType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }

function channel(value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance per WCAG 2.x (sRGB). */
export function relativeLuminance(hex: string): number {
  const digits = HEX.exec(hex)?.[1]
  if (!digits) throw new AppError('invalid_request', 'Enter the colour as six hex digits, like #1a56db.')
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(digits.slice(i, i + 2), 16))) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The accent, normalised to `#rrggbb`; refused unless the button text on it reaches AA. */
export function checkAccent(raw: string): string {
  const digits = HEX.exec(raw.trim())?.[1]
  if (!digits) throw new AppError('invalid_request', 'Enter the colour as six hex digits, like #1a56db.')
  const accent = `#${digits.toLowerCase()}`
  const ratio = contrastRatio(accent, BUTTON_TEXT)
  if (ratio < MIN_CONTRAST) {
    throw new AppError(
      'invalid_request',
      `White button text on ${accent} has a contrast of ${ratio.toFixed(2)}:1; pick a darker colour (at least ${MIN_CONTRAST}:1).`,
    )
  }
  return accent
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte)

/** The image type its first bytes prove, or null: PNG's signature, JPEG's SOI marker, WebP's RIFF/WEBP header. */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return null
}

/** What an upload may declare itself as; the bytes still decide. */
const DECLARABLE = new Set(['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream', ''])

/** A logo that may be stored: its sniffed type. A declared type outside the three (an SVG, HTML) is refused before looking. */
export function checkLogo(bytes: Uint8Array, maxBytes: number, declared = ''): LogoType {
  if (!DECLARABLE.has(declared.split(';')[0]!.trim().toLowerCase())) {
    throw new AppError('invalid_request', 'The logo must be a PNG, JPEG or WebP image (SVG is not accepted).')
  }
  if (bytes.byteLength === 0) throw new AppError('invalid_request', 'Choose an image file for the logo.')
  if (bytes.byteLength > maxBytes) {
    throw new AppError('payload_too_large', `The logo is larger than ${Math.round(maxBytes / 1024)} KB; make it smaller.`)
  }
  const type = sniffLogoType(bytes)
  if (!type) throw new AppError('invalid_request', 'The logo must be a PNG, JPEG or WebP image (SVG is not accepted).')
  return type
}

export const logoPath = (hash: string, type: LogoType) => `/brand/logo/${hash}.${EXTENSIONS[type]}`

/** `/brand/logo/<64 hex>.<ext>` → its hash and the type its extension fixes; anything else is null. */
export function parseLogoFile(file: string): { hash: string; type: LogoType } | null {
  const match = /^([0-9a-f]{64})\.(png|jpg|webp)$/.exec(file)
  if (!match) return null
  const type = (Object.keys(EXTENSIONS) as LogoType[]).find((t) => EXTENSIONS[t] === match[2])!
  return { hash: match[1]!, type }
}

/**
 * The accent reaches the page as a stylesheet named by the colour itself, so the CSP keeps `style-src 'self'`
 * (no inline style) and the sheet can be cached for good: another colour is another URL.
 */
export const accentStylesheetPath = (accent: string) => `/brand/accent/${accent.slice(1)}.css`

export function accentStylesheet(file: string): string | null {
  const match = /^([0-9a-f]{6})\.css$/.exec(file)
  if (!match) return null
  try {
    return `:root{--brand:${checkAccent(match[1]!)}}\n`
  } catch {
    return null
  }
}

export const isBranded = (brand: LinkBrand | null | undefined): brand is LinkBrand =>
  !!brand && (brand.name !== null || brand.logoUrl !== null || brand.accent !== null)
