import { utf8 } from './encoding'
import { REDACTED, secretForms } from './redact'

/**
 * A streamed answer the caller reads as it arrives (the credential proxy): every form of every secret is
 * replaced on the way, across chunk boundaries, by holding back the last (longest form − 1) bytes of each chunk.
 */
export function scrubbingStream(secrets: readonly string[]): TransformStream<Uint8Array, Uint8Array> {
  const forms = [...new Set(secrets.flatMap(secretForms))].map((form) => utf8.encode(form)).sort((a, b) => b.length - a.length)
  if (forms.length === 0) return new TransformStream()
  const byFirstByte = new Map<number, Uint8Array[]>()
  for (const form of forms) byFirstByte.set(form[0]!, [...(byFirstByte.get(form[0]!) ?? []), form])
  const holdBack = forms[0]!.length - 1
  const replacement = utf8.encode(REDACTED)
  let pending = new Uint8Array(0)

  function scrub(buffer: Uint8Array, until: number): { out: Uint8Array; rest: number } {
    const parts: Uint8Array[] = []
    let copiedFrom = 0
    let index = 0
    while (index < until) {
      const match = byFirstByte.get(buffer[index]!)?.find((form) => startsWithAt(buffer, form, index))
      if (!match) {
        index++
        continue
      }
      parts.push(buffer.subarray(copiedFrom, index), replacement)
      index += match.length
      copiedFrom = index
    }
    parts.push(buffer.subarray(copiedFrom, Math.max(copiedFrom, until)))
    return { out: concat(parts), rest: Math.max(index, until) }
  }

  return new TransformStream({
    transform(chunk, controller) {
      const buffer = concat([pending, chunk])
      const { out, rest } = scrub(buffer, Math.max(0, buffer.length - holdBack))
      pending = buffer.slice(rest)
      if (out.length > 0) controller.enqueue(out)
    },
    flush(controller) {
      const { out } = scrub(pending, pending.length)
      if (out.length > 0) controller.enqueue(out)
    },
  })
}

function startsWithAt(buffer: Uint8Array, form: Uint8Array, at: number): boolean {
  if (at + form.length > buffer.length) return false
  for (let offset = 0; offset < form.length; offset++) if (buffer[at + offset] !== form[offset]) return false
  return true
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
