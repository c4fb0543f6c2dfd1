import { json, type Route } from './reply.ts'

const answered = new Map<string, number>()

/**
 * An owner's webhook endpoint: `POST /webhook-receiver/fail-<n>/<key>` answers 500 to the first
 * `n` requests for `key`, then 200. Each test picks its own key, so tests share no state; what it
 * received is in the fakes' request log (test/fake-requests.ts).
 */
export const webhookReceiverRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/webhook-receiver\/fail-(\d+)\/([\w-]+)$/,
    handle: (_request, [failures, key]) => {
      const seen = (answered.get(key!) ?? 0) + 1
      answered.set(key!, seen)
      return seen <= Number(failures) ? json(500, { error: 'not yet' }) : json(200, { received: true })
    },
  },
]
