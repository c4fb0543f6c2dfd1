import { sha256Hex } from '../domain/encoding'

/**
 * Client-credentials access tokens, reused until shortly before they expire (Zoom's last an hour and its docs ask not to
 * request one per call). Per isolate and keyed by a hash of everything that bought the token, so a changed secret never
 * reuses the old one's token and the secret itself is not a key.
 */
const SAFETY_MS = 60_000
const MAX_ENTRIES = 500
const tokens = new Map<string, { accessToken: string; expiresAt: number }>()

export function tokenCacheKey(parts: readonly string[]): Promise<string> {
  return sha256Hex(JSON.stringify(parts))
}

export function cachedToken(key: string, now: number): string | undefined {
  const entry = tokens.get(key)
  if (!entry) return undefined
  if (entry.expiresAt - SAFETY_MS > now) return entry.accessToken
  tokens.delete(key)
  return undefined
}

/** A token without a lifetime is not kept: nothing says when it stops working. */
export function keepToken(key: string, accessToken: string, expiresAt: number | undefined): void {
  if (expiresAt === undefined) return
  if (tokens.size >= MAX_ENTRIES) tokens.delete(tokens.keys().next().value as string)
  tokens.set(key, { accessToken, expiresAt })
}
