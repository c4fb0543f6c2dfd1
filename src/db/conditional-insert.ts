import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './client'

/**
 * `INSERT INTO table SELECT <row's values> FROM source WHERE condition`: the row lands only if the
 * condition holds when the statement runs, so a count inside the condition cannot be raced the way
 * a count read in an earlier query can. `source` also ties the row to one that must exist.
 */
export function insertRowIf<T extends SQLiteTable>(db: Db, table: T, row: T['$inferInsert'], source: SQLiteTable, where: SQL) {
  const values = row as Record<string, unknown>
  const fields = Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [key, sql`${sql.param(values[key] ?? null, column)}`.as(column.name)]),
  )
  return db.insert(table).select(db.select(fields).from(source).where(where) as never)
}

/** `(SELECT count(*) FROM … WHERE …) < cap`, for the condition of `insertRowIf`. */
export function countBelow(table: SQLiteTable, where: SQL, cap: number): SQL {
  return sql`(SELECT count(*) FROM ${table} WHERE ${where}) < ${cap}`
}
