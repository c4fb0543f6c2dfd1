import { json, type Reply, type Route } from './reply.ts'

/** One answer a test programs: a status and a JSON body (absent: an empty body). */
export interface ProgrammedReply {
  status: number
  body?: unknown
}

const programs = new Map<string, ProgrammedReply[]>()

/**
 * A stand-in for any provider, programmed per test: `POST /__program/<key>` with `{replies:[…]}` makes
 * requests under `/catalog/<key>/…` get those answers in order (the last one repeats). Each test uses its
 * own key, so test files running side by side never see each other's answers.
 */
export const programmableRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/__program\/([\w-]+)$/,
    handle: (request, [key = '']) => {
      const replies = (JSON.parse(request.body) as { replies: ProgrammedReply[] }).replies
      programs.set(key, [...replies])
      return { status: 204 }
    },
  },
  ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map(
    (method): Route => ({
      method,
      path: /^\/catalog\/([\w-]+)\//,
      handle: (_request, [key = '']) => answerFor(key),
    }),
  ),
]

function answerFor(key: string): Reply {
  const queue = programs.get(key)
  if (!queue || queue.length === 0) return json(599, { error: 'nothing programmed for this key' })
  const next = queue.length > 1 ? queue.shift()! : queue[0]!
  return next.body === undefined ? { status: next.status } : json(next.status, next.body)
}
