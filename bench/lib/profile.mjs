import { median } from './load.mjs'
import {
  createLinks,
  linkGenerationRequest,
  seedOwners,
  seedWorkflows,
  SUBMIT_HEADERS,
  submissionBody,
  UNKNOWN_TOKEN,
} from './scenarios.mjs'

async function post(url, body) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`)
  return response.json()
}

const times = (count, make) => Array.from({ length: count }, (_, i) => make(i))

/**
 * Where the time goes: each scenario replayed one request at a time inside the harness worker,
 * its time split into Web Crypto, D1 round trips, KV calls, upstream calls and the rest (JS:
 * routing, validation, query building, rendering), before the response and after it.
 */
export async function profileScenarios(origin, { requests: n, db }) {
  // Spread over workspaces and workflows as the load run is: each stays under its quotas and rate limit.
  const owners = await seedOwners(origin, Math.ceil((3 * n + 20) / 50), db)
  const get = (path) => ({ method: 'GET', url: `${origin}${path}` })
  const [invitationToken] = await createLinks(origin, owners, 1)
  const firstViews = await createLinks(origin, owners, n)
  const toSubmit = await createLinks(origin, owners, n)
  const hookPaths = await seedWorkflows(origin, owners.owners[0], Math.ceil((n + 20) / 50))
  const generate = () => ({ url: `${origin}/api/v1/connections`, ...linkGenerationRequest(owners.next()) })
  const scenarios = [
    ['invitation page (repeat view)', times(n + 100, () => get(`/connect/${invitationToken}`)), 100],
    ['invitation page (first view of a link)', firstViews.map((token) => get(`/connect/${token}`)), 0],
    ['invalid-link page', times(n + 20, () => get(`/connect/${UNKNOWN_TOKEN}`)), 20],
    ['link generation', times(n + 20, generate), 20],
    [
      'credential submission',
      toSubmit.map((token) => ({ method: 'POST', url: `${origin}/connect/${token}`, headers: SUBMIT_HEADERS, body: submissionBody() })),
      0,
    ],
  ]
  if (hookPaths.length > 0) {
    const hook = (i) => ({
      method: 'POST',
      url: `${origin}${hookPaths[i % hookPaths.length]}`,
      headers: { 'content-type': 'application/json' },
      body: '{"event":"bench"}',
    })
    scenarios.push(['workflow run (webhook)', times(n + 20, hook), 20])
  }
  const results = []
  for (const [name, requests, warmup] of scenarios)
    results.push({ name, ...(await post(`${origin}/__bench/profile`, { requests, warmup })) })
  return results
}

/** Isolated pieces, each timed in a loop three times; the median µs per call. */
export async function microTimings(origin, iterations) {
  const samples = []
  for (let i = 0; i < 3; i++) samples.push(await (await fetch(`${origin}/__bench/micro?n=${iterations}`)).json())
  return Object.keys(samples[0]).map((name) => ({ name, us: median(samples.map((sample) => sample[name])) }))
}
