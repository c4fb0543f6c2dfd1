/**
 * Run records hold what upstream answered, and upstream may echo what it was sent. Before a
 * record is stored, every occurrence of the connection's secret values is replaced.
 */
export const REDACTED = '[redacted]'

/** Shorter values would blank out ordinary words; no real key or token is this short. */
const MIN_SECRET_LENGTH = 6

function usable(secrets: readonly string[]): string[] {
  return [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of usable(secrets)) out = out.replaceAll(secret, REDACTED)
  return out
}

/** Serializes `value` as JSON with secrets replaced, matched in their JSON-escaped form. */
export function redactedJson(value: unknown, secrets: readonly string[]): string {
  let json = JSON.stringify(value) ?? 'null'
  for (const secret of usable(secrets)) json = json.replaceAll(JSON.stringify(secret).slice(1, -1), REDACTED)
  return json
}
