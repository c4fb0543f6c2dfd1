import { type Context, Hono } from 'hono'
import type { VNode } from 'preact'
import type { AppDefinition } from '../apps/types'
import { getApp } from '../apps'
import { FALLBACK_TIME_ZONE } from '../domain/format-time'
import type { AppEnv } from '../http/context'
import { depsFor } from '../http/deps'
import { clientLocale, languageChoice } from '../http/locale'
import { privatePage } from '../http/security-headers'
import { viewerTimeZone } from '../http/viewer'
import { type OpenedGrant, readGrant, revokeGrant } from '../services/client-grants'
import { clientMeta } from '../services/events'
import { ManageNotFoundPage, ManagePage, managePath, RevokeConfirmPage, RevokedPage } from '../views/pages/manage/manage-page'
import { renderPage } from '../views/render'

/**
 * The client's management page, `/manage/<token>`: what they granted, and Revoke access (confirm, post, 303 back).
 * Private like the link's pages (no-store, no-referrer, noindex) and in the client's language.
 */

/** Unknown, malformed, expired, or its connection deleted: the same bytes within a language. */
const notFound = (c: Context<AppEnv>) => c.html(renderPage(<ManageNotFoundPage />, FALLBACK_TIME_ZONE, clientLocale(c)), 404)

function grantPage(c: Context<AppEnv>, opened: OpenedGrant, page: (app: AppDefinition) => VNode) {
  const app = getApp(opened.grant.appId)
  if (!app) return notFound(c)
  return c.html(renderPage(page(app), viewerTimeZone(c), clientLocale(c, opened.locale), opened.brand))
}

export const manageRoutes = new Hono<AppEnv>()
  .use(privatePage)
  .use(languageChoice)
  .get('/:token', async (c) => {
    const token = c.req.param('token')
    const opened = await readGrant(depsFor(c), token, Date.now())
    if (!opened) return notFound(c)
    return grantPage(c, opened, (app) =>
      opened.grant.revokedAt === null ? (
        <ManagePage app={app} grant={opened.grant} token={token} />
      ) : (
        <RevokedPage app={app} grant={opened.grant} />
      ),
    )
  })
  .get('/:token/revoke', async (c) => {
    const token = c.req.param('token')
    const opened = await readGrant(depsFor(c), token, Date.now())
    if (!opened) return notFound(c)
    // Already revoked: the page says so rather than offering to do it again.
    if (opened.grant.revokedAt !== null) return c.redirect(managePath(token), 303)
    return grantPage(c, opened, (app) => <RevokeConfirmPage app={app} grant={opened.grant} token={token} />)
  })
  .post('/:token/revoke', async (c) => {
    const token = c.req.param('token')
    const { revocation } = await revokeGrant(depsFor(c), token, clientMeta(c.req.raw), Date.now())
    if (revocation) c.executionCtx.waitUntil(revocation())
    // Revoked now, before, or never found: the page the token opens says which.
    return c.redirect(managePath(encodeURIComponent(token)), 303)
  })
  .all('/*', notFound)
