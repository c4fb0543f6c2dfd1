import { utf8 } from './encoding'
import { AppError } from './errors'
import { REDACTED, secretForms } from './redact'

export interface RelayGuard {
  /** More bytes than this in, and the stream errors: neither side can make the worker relay more. */
  maxBytes?: number
  /** Called once the stream has ended: flushed to its reader, cancelled by it, or aborted by its writer. */
  onEnd?: () => void
}

/** Every form of every secret, as bytes, and the scrub of a buffer up to a point: shared by the stream and the whole-body scrub. */
function byteScrubber(secrets: readonly string[]) {
  const forms = [...new Set([...new Set(secrets)].flatMap(secretForms))]
    .map((form) => utf8.encode(form))
    .sort((a, b) => b.length - a.length)
  const byFirstByte = new Map<number, Uint8Array[]>()
  for (const form of forms) byFirstByte.set(form[0]!, [...(byFirstByte.get(form[0]!) ?? []), form])
  const replacement = utf8.encode(REDACTED)
  return {
    /** Bytes a chunk must hold back, since a form may start in it and end in the next. */
    holdBack: forms.length > 0 ? forms[0]!.length - 1 : 0,
    scrub(buffer: Uint8Array, until: number): { out: Uint8Array; rest: number } {
      if (forms.length === 0) return { out: buffer.subarray(0, until), rest: until }
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
    },
  }
}

/** A whole answer at once, as the stream would give it: for small answers, which need no stream (bench:proxy). */
export function scrubBytes(secrets: readonly string[], bytes: Uint8Array): Uint8Array {
  return byteScrubber(secrets).scrub(bytes, bytes.length).out
}

/**
 * A streamed answer the caller reads as it arrives (the credential proxy): every form of every secret is
 * replaced on the way, across chunk boundaries, by holding back the last (longest form − 1) bytes of each chunk.
 * One stream does the scrubbing, the cap and the end signal, since each stream in between costs the relay its own
 * pipe (bench:proxy).
 */
export function scrubbingStream(secrets: readonly string[], guard: RelayGuard = {}): TransformStream<Uint8Array, Uint8Array> {
  const { holdBack, scrub } = byteScrubber(secrets)
  let pending = new Uint8Array(0)
  const maxBytes = guard.maxBytes ?? Number.POSITIVE_INFINITY
  let seen = 0
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    guard.onEnd?.()
  }
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > maxBytes) {
        controller.error(new AppError('payload_too_large', 'The body is larger than the proxy allows.'))
        end()
        return
      }
      const buffer = concat([pending, chunk])
      const { out, rest } = scrub(buffer, Math.max(0, buffer.length - holdBack))
      pending = buffer.slice(rest)
      if (out.length > 0) controller.enqueue(out)
    },
    flush(controller) {
      const { out } = scrub(pending, pending.length)
      if (out.length > 0) controller.enqueue(out)
      end()
    },
    cancel: end,
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
