import { sha256Hex, toBase64Url, utf8 } from './encoding'

/** 24 random bytes → 32 base64url characters (192 bits). */
export const TOKEN_BYTES = 24
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/

export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>

const cryptoRandom: RandomSource = (bytes) => crypto.getRandomValues(bytes)

export function newToken(random: RandomSource = cryptoRandom): string {
  return toBase64Url(random(new Uint8Array(TOKEN_BYTES)))
}

/** Cheap shape check so malformed tokens never reach storage lookups. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token)
}

/** The only form in which tokens are stored or looked up. */
export function hashToken(token: string): Promise<string> {
  return sha256Hex(token)
}

export function newId(random: RandomSource = cryptoRandom): string {
  return toBase64Url(random(new Uint8Array(12)))
}

/**
 * The token of item `position` of a several-apps link: one-way from the request's token, so the list page can
 * address every item's own link without any item token being stored or cached in the clear.
 */
export async function itemToken(requestToken: string, position: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(`tether-link-item:${position}:${requestToken}`)))
  return toBase64Url(digest.slice(0, TOKEN_BYTES))
}
