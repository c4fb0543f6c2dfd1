/** What an API token may do. A session is never restricted. */
export const TOKEN_SCOPES = ['read', 'write'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD'])

/** The one definition of "write": any request but GET and HEAD. */
export function scopeAllows(scope: TokenScope, method: string): boolean {
  return scope === 'write' || READ_METHODS.has(method.toUpperCase())
}

/** `last_used_at` is a coarse signal, kept to one write a minute per token. */
export const LAST_USED_EVERY_MS = 60_000

export function lastUseIsStale(lastUsedAt: number | null, now: number): boolean {
  return lastUsedAt === null || lastUsedAt < now - LAST_USED_EVERY_MS
}
