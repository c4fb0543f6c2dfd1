import type { Context } from 'hono'
import { getApp } from '../apps'
import { isLocale } from '../domain/locales'
import { itemToken } from '../domain/tokens'
import type { AppEnv } from '../http/context'
import { depsFor } from '../http/deps'
import { clientLocale } from '../http/locale'
import { viewerTimeZone } from '../http/viewer'
import { skipRequestItem } from '../services/client-flow'
import { clientMeta } from '../services/events'
import { readRequestList, requestListPath } from '../services/link-requests'
import { RequestListPage } from '../views/pages/connect/request-list'
import { renderInvalidLinkPage, renderPage } from '../views/render'
import { allowProviderRedirect } from './connect-link-pages'

/**
 * The list page of a several-apps link (`/connect/r/<token>`): one KV get, like the invitation. Each item's Connect and
 * Reject are its own link's pages; Skip is here. Every item's finish comes back to this page.
 */
export async function showRequestList(c: Context<AppEnv>): Promise<Response> {
  const token = c.req.param('token') ?? ''
  const snapshot = await readRequestList(c.env.LINKS, token, Date.now())
  const items = snapshot?.items.map((item) => ({ ...item, app: getApp(item.appId) }))
  if (!snapshot || !items || items.some((item) => !item.app)) return c.html(renderInvalidLinkPage(clientLocale(c)), 410)
  const deps = depsFor(c)
  const shown = await Promise.all(
    items.map(async (item) => {
      if (item.state === 'pending') allowProviderRedirect(c, deps, item.app!)
      return { ...item, app: item.app!, token: await itemToken(token, item.position) }
    }),
  )
  const locale = clientLocale(c, isLocale(snapshot.locale) ? snapshot.locale : null)
  const page = <RequestListPage snapshot={snapshot} token={token} items={shown} />
  return c.html(renderPage(page, viewerTimeZone(c), locale, snapshot.brand ?? null))
}

export async function skipItem(c: Context<AppEnv>): Promise<Response> {
  const token = c.req.param('token') ?? ''
  await skipRequestItem(depsFor(c), token, Number(c.req.param('position')), clientMeta(c.req.raw), Date.now())
  return c.redirect(requestListPath(token), 303)
}
