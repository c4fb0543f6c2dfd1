import { toBase64, toBase64Url, toHex, utf8 } from './encoding'

/**
 * Run records and account labels hold what upstream answered, and upstream may echo what it was
 * sent, in the form it was sent: raw, URL- or form-encoded in a query, base64 inside a Basic
 * header. Before anything is stored or handed to a later step, every form of every secret is
 * replaced.
 */
export const REDACTED = '[redacted]'

/**
 * Shorter values would blank out ordinary words and numbers ("draft", an id) and shred the
 * output; no secret Tether takes is this short (demo keys 12+, WordPress application passwords
 * 24, ClickUp and OAuth tokens dozens), and a 5-character secret is guessable anyway.
 */
export const MIN_SECRET_LENGTH = 6

/**
 * Every form in which `secret` can appear in text: raw, JSON-escaped (a JSON document inside a
 * string), encodeURIComponent (upper- and lower-case escapes), form encoding (`+` for spaces),
 * hex, and base64/base64url both whole and at each of the three byte alignments it can have
 * inside a longer encoded value (there, only the characters its own bytes decide).
 */
export function secretForms(secret: string): string[] {
  if (secret.length < MIN_SECRET_LENGTH) return []
  const bytes = utf8.encode(secret)
  const percent = encodeURIComponent(secret)
  const found = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (sequence) => sequence.toLowerCase()),
    new URLSearchParams({ v: secret }).toString().slice(2),
    toHex(bytes),
    toBase64(bytes),
    toBase64Url(bytes),
  ])
  for (let offset = 0; offset < 3; offset++) {
    const shifted = new Uint8Array(offset + bytes.length)
    shifted.set(bytes, offset)
    const start = Math.ceil((offset * 4) / 3)
    const end = Math.floor(((offset + bytes.length) * 4) / 3)
    found.add(toBase64(shifted).slice(start, end))
    found.add(toBase64Url(shifted).slice(start, end))
  }
  return [...found].filter((form) => form.length >= MIN_SECRET_LENGTH)
}

/** Prepared once per set of secrets: the forms to look for, longest first so a longer form wins over a part of it. */
export class Redactor {
  private readonly forms: string[]

  constructor(secrets: Iterable<string>) {
    const forms = new Set<string>()
    for (const secret of new Set(secrets)) {
      for (const form of secretForms(secret)) forms.add(form)
    }
    this.forms = [...forms].sort((a, b) => b.length - a.length)
  }

  text(text: string): string {
    let out = text
    for (const form of this.forms) if (out.includes(form)) out = out.replaceAll(form, REDACTED)
    return out
  }

  /** A copy of a JSON-like value with every string, key and number that holds a secret scrubbed. */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value)
    if (typeof value === 'number') {
      const scrubbed = this.text(String(value))
      return scrubbed === String(value) ? value : scrubbed
    }
    if (Array.isArray(value)) return value.map((item) => this.value(item))
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.text(key), this.value(item)]))
    }
    return value
  }
}

export function redactText(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).text(text)
}

/** Serializes `value` as JSON with every form of every secret replaced. */
export function redactedJson(value: unknown, secrets: readonly string[]): string {
  return JSON.stringify(new Redactor(secrets).value(value)) ?? 'null'
}
