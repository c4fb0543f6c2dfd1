import { call, cookiesAfter, DEMO_KEY, form } from './helpers'

const MANAGE_URL = /https?:\/\/[^\s"<]+\/manage\/([A-Za-z0-9_-]{32})/

/** The management link's token as the success page shows it, or null when the page shows none. */
export function manageTokenIn(html: string): string | null {
  return MANAGE_URL.exec(html)?.[1] ?? null
}

/** The client connects through the link with an API key and reads the management link off the success page. */
export async function connectForManageLink(
  link: { path: string },
  fields: Record<string, string> = { apiKey: DEMO_KEY },
): Promise<{ token: string; cookie: string; page: string }> {
  const posted = await call(link.path, form(fields))
  if (posted.status !== 303 || posted.headers.get('location') !== '/connect/done') throw new Error(`link flow failed: ${posted.status}`)
  const cookie = cookiesAfter(posted)
  const done = await call('/connect/done', { cookie })
  const page = await done.text()
  const token = manageTokenIn(page)
  if (!token) throw new Error('no management link on the success page')
  return { token, cookie: cookiesAfter(done, cookie), page }
}

/** Revoke access, as the confirmation page posts it. */
export const revoke = (token: string) => call(`/manage/${token}/revoke`, form({}))

/** The client connects an OAuth app at the local fake provider, then reads the management link off the success page. */
export async function connectOAuthForManageLink(link: { path: string }): Promise<string> {
  const accepted = await call(`${link.path}/accept`, form({}))
  const consent = await fetch(accepted.headers.get('location')!, { redirect: 'manual' })
  const back = new URL(consent.headers.get('location')!)
  const answered = await call(`/connect/oauth/callback${back.search}`, { cookie: cookiesAfter(accepted) })
  if (answered.headers.get('location') !== '/connect/done') throw new Error(`OAuth link flow failed: ${answered.status}`)
  const token = manageTokenIn(await (await call('/connect/done', { cookie: cookiesAfter(answered, cookiesAfter(accepted)) })).text())
  if (!token) throw new Error('no management link on the success page')
  return token
}
