import type { Db } from '../db/client'
import { sealedColumns } from '../db/sealed-values'
import { open, seal, type Keyring } from '../domain/crypto'

/** Bounded so one cron run stays well inside a Worker's limits; the next run resumes. */
export const ROTATE_BATCH_SIZE = 100
export const ROTATE_MAX_BATCHES = 10

export interface RotationResult {
  /** Values now sealed under the current key. */
  rotated: number
  /** Values under a retiring key that failed to open: they need a look before that key goes. */
  undecryptable: number
  /** False when the batch budget ran out first: run again to continue. */
  done: boolean
}

/**
 * Re-seals every value still under an older key version with the current one, in bounded
 * batches. Progress is the rows themselves (their key version), so any run resumes where the
 * last stopped, and two runs at once only repeat work: each rewrite is conditional on the row
 * being unchanged. With a single key there is nothing to do and nothing is read.
 */
export async function rotateSealedValues(
  db: Db,
  keyring: Keyring,
  { batchSize = ROTATE_BATCH_SIZE, maxBatches = ROTATE_MAX_BATCHES } = {},
): Promise<RotationResult> {
  const retiring = [...keyring.keys.keys()].filter((version) => version !== keyring.current)
  const result: RotationResult = { rotated: 0, undecryptable: 0, done: true }
  if (retiring.length === 0) return result
  let batches = 0
  for (const column of sealedColumns) {
    let afterId = ''
    for (;;) {
      if (batches === maxBatches) return { ...result, done: false }
      const rows = await column.stale(db, retiring, afterId, batchSize)
      // Only batches with rows spend the budget, so a run always reaches the columns after empty ones.
      if (rows.length === 0) break
      batches++
      const rewrites = []
      for (const row of rows) {
        try {
          const plaintext = await open(keyring, { keyVersion: row.keyVersion, blob: row.blob }, column.context(row.id))
          rewrites.push(column.rewrite(db, row, await seal(keyring, plaintext, column.context(row.id))))
        } catch {
          result.undecryptable++
        }
      }
      if (rewrites.length > 0) {
        const written = await db.batch(rewrites as [(typeof rewrites)[number], ...typeof rewrites])
        result.rotated += written.filter((rewritten) => (rewritten as unknown[]).length > 0).length
      }
      if (rows.length < batchSize) break
      afterId = rows[rows.length - 1]!.id
    }
  }
  return result
}
