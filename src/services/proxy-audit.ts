import type { Db } from '../db/client'
import { type ProxyCallRecord, recordProxyCalls } from '../db/proxy'
import type { Deps } from './deps'

export type { ProxyCallRecord }

/** wrangler.jsonc's queue for the proxy's audit trail; src/index.ts hands its batches here. */
export const PROXY_AUDIT_QUEUE = 'tether-audit'

/** A batch that could not be written is tried again after this long (a whole batch at once: one write). */
const RETRY_DELAY_SECONDS = 10

/** How long an isolate's calls gather before their audit events go onto the queue together, and at most how many. */
export const AUDIT_GATHER_MS = 100
const AUDIT_SEND_MAX = 100

interface Gathering {
  records: ProxyCallRecord[]
}
let gathering: Gathering | null = null

/**
 * Each proxied call's audit event goes onto the queue once the answer has gone, so the call itself pays one D1 round
 * trip (the gate) and the writes of many calls share one. An isolate's calls within AUDIT_GATHER_MS go in one
 * `sendBatch`: a send costs about as much as a call's whole gate here (bench:proxy). The call that opens a gathering
 * returns its send (its waitUntil keeps the isolate until then); the calls that join it return at once, never waiting on
 * another request's promise. Should the queue refuse the batch, its events are written at once.
 */
export function auditProxyCall(deps: Pick<Deps, 'db' | 'env'>, record: ProxyCallRecord): Promise<void> {
  if (gathering && gathering.records.length < AUDIT_SEND_MAX) {
    gathering.records.push(record)
    return Promise.resolve()
  }
  const mine: Gathering = { records: [record] }
  gathering = mine
  return new Promise<void>((resolve) => setTimeout(resolve, AUDIT_GATHER_MS)).then(async () => {
    if (gathering === mine) gathering = null
    try {
      await deps.env.AUDIT.sendBatch(mine.records.map((body) => ({ body, contentType: 'json' as const })))
    } catch {
      await recordProxyCalls(deps.db, mine.records)
    }
  })
}

/** The consumer: the whole batch in one D1 round trip, acknowledged together or retried together. */
export async function consumeProxyAudits(db: Db, batch: MessageBatch<unknown>): Promise<void> {
  const records = batch.messages.map((message) => message.body).filter(isProxyCallRecord)
  try {
    await recordProxyCalls(db, records)
    batch.ackAll()
  } catch (error) {
    console.error('proxy audit: batch not written', error instanceof Error ? error.message : 'unknown')
    batch.retryAll({ delaySeconds: RETRY_DELAY_SECONDS })
  }
}

/** Anything else on the queue is dropped (acknowledged with the batch): it could never be written. */
function isProxyCallRecord(body: unknown): body is ProxyCallRecord {
  if (typeof body !== 'object' || body === null) return false
  const { event, touch } = body as Partial<ProxyCallRecord>
  return (
    typeof event === 'object' &&
    event !== null &&
    event.type === 'proxy_call' &&
    typeof event.id === 'string' &&
    typeof event.workspaceId === 'string' &&
    typeof event.connectionId === 'string' &&
    typeof event.at === 'number' &&
    (touch === null || (typeof touch === 'object' && typeof touch?.tokenId === 'string' && typeof touch.now === 'number'))
  )
}
