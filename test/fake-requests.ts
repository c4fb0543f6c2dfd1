import { env } from 'cloudflare:workers'

/** As recorded by test/fakes/server.ts (not imported: that file is Node code). */
export interface RecordedRequest {
  seq: number
  method: string
  /** Path with query string. */
  path: string
  /** Lower-case names. */
  headers: Record<string, string>
  body: string
}

interface RequestLog {
  requests: RecordedRequest[]
  last: number
}

async function readLog(since: number): Promise<RequestLog> {
  const response = await fetch(`${env.FAKES_URL}/__requests?since=${since}`)
  if (!response.ok) throw new Error(`fakes answered ${response.status}`)
  return response.json<RequestLog>()
}

/** Where the fakes' log stands now; pass it to `requestsSince` after the call under test. */
export async function fakesCursor(): Promise<number> {
  return (await readLog(Number.MAX_SAFE_INTEGER)).last
}

/**
 * What the fakes received after `cursor`. Test files run in parallel against the same fakes,
 * so filter by something unique to the test (a path segment, a credential).
 */
export async function requestsSince(cursor: number, matches: (request: RecordedRequest) => boolean = () => true): Promise<RecordedRequest[]> {
  return (await readLog(cursor)).requests.filter(matches)
}

/** Exactly one matching request, or a failing test that says what arrived instead. */
export async function onlyRequestSince(cursor: number, matches: (request: RecordedRequest) => boolean): Promise<RecordedRequest> {
  const found = await requestsSince(cursor, matches)
  if (found.length !== 1) {
    const all = (await requestsSince(cursor)).map((request) => `${request.method} ${request.path}`)
    throw new Error(`expected one matching request, found ${found.length}; received: ${all.join(', ') || 'nothing'}`)
  }
  return found[0]!
}
