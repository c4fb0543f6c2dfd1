import { env } from 'cloudflare:workers'

export interface RecordedRequest {
  seq: number
  method: string
  path: string
  headers: Record<string, string>
  body: string
}

/** What the local fakes of third-party apps received; other test files share them, so filter. */
export async function fakeRequests(since = 0): Promise<{ requests: RecordedRequest[]; last: number }> {
  const response = await fetch(`${env.FAKES_URL}/__requests?since=${since}`)
  return response.json()
}

export async function fakeCursor(): Promise<number> {
  return (await fakeRequests()).last
}
