import { env } from 'cloudflare:workers'
import { appContext } from '../src/apps/context'
import type { AppContext, AppDefinition } from '../src/apps/types'
import { onlyRequestSince, requestsSince } from './app-calls'
import { fakeCursor, type RecordedRequest } from './fake-requests'

/** One answer of the programmable fake (test/fakes/programmable.ts). */
export interface ProgrammedReply {
  status: number
  body?: unknown
}

/**
 * A context whose every outbound call goes to the programmable fake under a key of its own, the real
 * address kept in the path (`/catalog/<key>/https/api.x.com/2/users/me`) so tests check the URL the app
 * would call in production. The fake answers `replies` in order.
 */
export async function programmedContext(app: AppDefinition, replies: ProgrammedReply[]) {
  const key = crypto.randomUUID()
  const programmed = await fetch(`${env.FAKES_URL}/__program/${key}`, { method: 'POST', body: JSON.stringify({ replies }) })
  if (programmed.status !== 204) throw new Error(`the fake refused the program (${programmed.status})`)
  const base = appContext(env, app)
  const ctx: AppContext = {
    ...base,
    endpoints: { ...app.defaultEndpoints },
    fetch: (url, init) => base.fetch(`${env.FAKES_URL}/catalog/${key}/${url.replace('://', '/')}`, init),
  }
  const cursor = await fakeCursor()
  const mine = (request: RecordedRequest) => request.path.startsWith(`/catalog/${key}/`)
  return {
    ctx,
    /** The one request the app sent, or a failure listing what arrived. */
    onlyRequest: () => onlyRequestSince(cursor, mine),
    requests: () => requestsSince(cursor, mine),
    /** The production URL a recorded request was meant for. */
    upstreamUrl: (request: RecordedRequest) => request.path.slice(`/catalog/${key}/`.length).replace('/', '://'),
  }
}
