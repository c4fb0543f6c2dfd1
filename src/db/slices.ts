import { getTableColumns, type Table } from 'drizzle-orm'

/** D1 binds at most 100 parameters per statement; a cron batch may announce hundreds of events at once. */
const D1_MAX_PARAMETERS = 100
/** Ids per `IN (…)`, with room for the statement's other parameters. */
const IDS_PER_QUERY = 90

/** One query per slice of ids, their rows joined. */
export async function inSlices<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const slices = []
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) slices.push(query(ids.slice(i, i + IDS_PER_QUERY)))
  return (await Promise.all(slices)).flat()
}

/** One multi-row insert per slice of rows, each within the parameter limit at one parameter per column of `table`. */
export async function insertInSlices<R>(table: Table, rows: readonly R[], insert: (slice: R[]) => Promise<unknown>): Promise<void> {
  const perInsert = Math.floor(D1_MAX_PARAMETERS / Object.keys(getTableColumns(table)).length)
  const inserts = []
  for (let i = 0; i < rows.length; i += perInsert) inserts.push(insert(rows.slice(i, i + perInsert)))
  await Promise.all(inserts)
}
