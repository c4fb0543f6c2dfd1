import { fromBase64Url, toBase64Url } from './encoding'
import { AppError } from './errors'
import { ID_MAX } from './limits'

/** Keyset paging, newest first: a cursor is the (time, id) of the last row shown, opaque to callers. */

export interface Cursor {
  at: number
  id: string
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(encoder.encode(`${cursor.at}.${cursor.id}`))
}

/** A cursor that does not parse is the caller's mistake, never a silent first page. */
export function decodeCursor(text: string): Cursor {
  const refused = () => new AppError('invalid_request', 'Invalid cursor.', [{ path: 'cursor', message: 'Invalid cursor' }])
  let decoded: string
  try {
    decoded = decoder.decode(fromBase64Url(text))
  } catch {
    throw refused()
  }
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(decoded)
  if (!match || match[2]!.length > ID_MAX) throw refused()
  return { at: Number(match[1]), id: match[2]! }
}

/** The rows were fetched with one extra: its presence says there is a next page, after the last row kept. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Cursor): Page<T> {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null }
}
