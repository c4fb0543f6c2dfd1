import { RECORDED_OUTPUT_MAX } from './limits'

const ELLIPSIS = '…'

/** Cut at a code point, never inside a surrogate pair. */
function cutAt(text: string, length: number): string {
  const cut = text.slice(0, Math.max(0, length))
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

/** At most `max` characters; a cut text ends with an ellipsis. */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${cutAt(text, max - ELLIPSIS.length)}${ELLIPSIS}`
}

/**
 * At most `max` characters of valid JSON: `json` itself when it fits, else an object saying so
 * with as much of the start of it as fits, as a string.
 */
export function capJson(json: string, max: number = RECORDED_OUTPUT_MAX): string {
  if (json.length <= max) return json
  const wrap = (preview: string) => JSON.stringify({ truncated: true, originalLength: json.length, preview })
  let length = max - wrap('').length
  let capped = wrap(cutAt(json, length))
  // Escaping can lengthen the preview; each pass removes at least the excess.
  while (capped.length > max && length > 0) {
    length -= capped.length - max
    capped = wrap(cutAt(json, length))
  }
  return capped
}
