import { toBase64, toBase64Url, toHex, utf8 } from '../src/domain/encoding'

/**
 * The secret as it could appear: raw, JSON-escaped, URL- and form-encoded, hex, and base64/base64url
 * at each of the three byte alignments it can have inside a longer encoded value (only the
 * characters it alone decides).
 */
export function forms(secret: string): string[] {
  const bytes = utf8.encode(secret)
  const found = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ q: secret }).toString().slice(2),
    toHex(bytes),
  ])
  for (let offset = 0; offset < 3; offset++) {
    const shifted = new Uint8Array(offset + bytes.length)
    shifted.set(bytes, offset)
    const start = Math.ceil((offset * 4) / 3)
    const end = Math.floor(((offset + bytes.length) * 4) / 3)
    found.add(toBase64(shifted).slice(start, end))
    found.add(toBase64Url(shifted).slice(start, end))
  }
  return [...found]
}
