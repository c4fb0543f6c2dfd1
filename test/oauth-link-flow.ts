import { call, cookiesAfter, form, requestLink } from './helpers'
import { location, post } from './dashboard-helpers'

/** The demo OAuth provider's consent, as the browser gives it after Accept; returns the callback's answer. */
export async function signInAtDemo(accepted: Response, email: string): Promise<Response> {
  const authorize = new URL(accepted.headers.get('location')!, 'http://tether.test')
  const consent = await post('/demo/oauth/decision', { ...Object.fromEntries(authorize.searchParams), decision: 'allow', email })
  if (consent.status !== 303) throw new Error(`demo consent failed: ${consent.status}`)
  return call(location(consent), { cookie: cookiesAfter(accepted) })
}

/** A client connects an OAuth app through a link at the local fake provider (which consents at once). */
export async function connectViaFakeProvider(owner: { cookie: string }, appId: string): Promise<string> {
  const link = await requestLink(owner, appId)
  const accepted = await call(`${link.path}/accept`, form({}))
  const consent = await fetch(accepted.headers.get('location')!, { redirect: 'manual' })
  const back = new URL(consent.headers.get('location')!)
  const answered = await call(`/connect/oauth/callback${back.search}`, { cookie: cookiesAfter(accepted) })
  if (answered.headers.get('location') !== '/connect/done') throw new Error(`OAuth link flow failed: ${answered.status}`)
  return link.connectionId
}
