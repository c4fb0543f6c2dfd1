import type { Context, MiddlewareHandler } from 'hono'
import type { VNode } from 'preact'
import { FALLBACK_TIME_ZONE } from '../domain/format-time'
import { clientLocale } from '../http/locale'
import { getApp } from '../apps'
import { hashToken, isWellFormedToken } from '../domain/tokens'
import { readOutcomeCookie, setOutcomeCookie } from '../http/client-note-cookies'
import type { AppEnv } from '../http/context'
import { depsFor } from '../http/deps'
import { type ClientOutcome, openOutcome, sealOutcome } from '../services/client-notes'
import type { Deps } from '../services/deps'
import { listPathOfItem } from '../services/link-requests'
import { invalidLink, type OpenLink } from '../services/open-link'
import { renderPage } from '../views/render'
import { ConnectedPage, DeclinedPage, LinkLockedPage } from '../views/pages/connect/outcomes'

/** Where every finish lands; no token in it, so the URL can be reloaded, shared or logged safely. */
export const OUTCOME_PATH = '/connect/done'

/** Post, then redirect: the outcome rides the browser's own sealed cookie to the page that shows it. */
export async function finishWith(c: Context<AppEnv>, deps: Deps, tokenHash: string, outcome: ClientOutcome, now: number) {
  setOutcomeCookie(c, await sealOutcome(deps, tokenHash, outcome, now))
  return c.redirect(OUTCOME_PATH, 303)
}

/**
 * The finish of an open link: an item of a several-apps link goes back to its list (which shows the item's new state);
 * any other link to its outcome page. Either way the outcome cookie answers Back to the item's own URL.
 */
export async function finishLink(c: Context<AppEnv>, deps: Deps, link: OpenLink['link'], outcome: ClientOutcome, now: number) {
  const list = link.requestId ? await listPathOfItem(deps, link.requestId) : null
  if (!list) return finishWith(c, deps, link.tokenHash, outcome, now)
  setOutcomeCookie(c, await sealOutcome(deps, link.tokenHash, outcome, now))
  return c.redirect(list, 303)
}

function outcomePage(c: Context<AppEnv>, outcome: ClientOutcome): { html: string; status: number } | null {
  const page = (view: VNode) => renderPage(view, FALLBACK_TIME_ZONE, clientLocale(c, outcome.locale ?? null))
  switch (outcome.kind) {
    case 'connected': {
      const app = getApp(outcome.appId)
      return app
        ? {
            html: page(<ConnectedPage app={app} connectionName={outcome.connectionName} refreshed={outcome.refreshed} />),
            status: 200,
          }
        : null
    }
    case 'declined':
      return { html: page(<DeclinedPage />), status: 200 }
    case 'locked':
      return { html: page(<LinkLockedPage />), status: 423 }
  }
}

const htmlResponse = ({ html, status }: { html: string; status: number }) =>
  new Response(html, { status, headers: { 'content-type': 'text/html; charset=UTF-8' } })

/** The outcome page: without this browser's cookie it is the invalid-link page like any other. */
export async function showOutcome(c: Context<AppEnv>): Promise<Response> {
  const value = readOutcomeCookie(c)
  const outcome = value ? await openOutcome(depsFor(c), value, null, Date.now()) : null
  const page = outcome && outcomePage(c, outcome)
  if (!page) throw invalidLink()
  return htmlResponse(page)
}

/**
 * Back, a reload or a restored tab on a link this browser finished shows what it was told then;
 * everyone else (no cookie, or one for another link) keeps the byte-identical invalid-link page.
 */
export const outcomeForFinisher: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (c.res.status !== 410) return
  const value = readOutcomeCookie(c)
  const token = new URL(c.req.url).pathname.split('/')[2] ?? ''
  if (!value || !isWellFormedToken(token)) return
  const outcome = await openOutcome(depsFor(c), value, await hashToken(token), Date.now())
  const page = outcome && outcomePage(c, outcome)
  if (page) c.res = htmlResponse(page)
}
