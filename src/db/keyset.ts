import { and, eq, lt, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Cursor } from '../domain/paging'

/** Newest first: rows strictly after the cursor in (time DESC, id DESC) order, as the (…, time, id) indexes walk them. */
export function keysetAfter(atColumn: SQLiteColumn, idColumn: SQLiteColumn, after: Cursor): SQL {
  return or(lt(atColumn, after.at), and(eq(atColumn, after.at), lt(idColumn, after.id)))!
}
