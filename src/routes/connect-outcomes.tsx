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
import { invalidLink } from '../services/open-link'
import { renderPage } from '../views/render'
import { type BackLink, ConnectedPage, DeclinedPage, LinkLockedPage } from '../views/pages/connect/outcomes'
import { backUrl, type ReturnStatus } from '../domain/return-url'

/** Where every finish lands; no token in it, so the URL can be reloaded, shared or logged safely. */
export const OUTCOME_PATH = '/connect/done'

/** Post, then redirect: the outcome rides the browser's own sealed cookie to the page that shows it. */
export async function finishWith(c: Context<AppEnv>, deps: Deps, tokenHash: string, outcome: ClientOutcome, now: number) {
  setOutcomeCookie(c, await sealOutcome(deps, tokenHash, outcome, now))
  return c.redirect(OUTCOME_PATH, 303)
}

/** "Back to <owner>", when the link has a returnUrl: the connection and how it ended ride in its query. */
function backLink(outcome: ClientOutcome, status: ReturnStatus): BackLink | undefined {
  if (!outcome.returnTo) return undefined
  return { href: backUrl(outcome.returnTo.url, outcome.returnTo.connectionId, status), name: outcome.brand?.name ?? null }
}

function outcomePage(c: Context<AppEnv>, outcome: ClientOutcome): { html: string; status: number } | null {
  const page = (view: VNode) => renderPage(view, FALLBACK_TIME_ZONE, clientLocale(c, outcome.locale ?? null), outcome.brand)
  switch (outcome.kind) {
    case 'connected': {
      const app = getApp(outcome.appId)
      const back = backLink(outcome, 'connected')
      return app
        ? {
            html: page(<ConnectedPage app={app} connectionName={outcome.connectionName} refreshed={outcome.refreshed} back={back} />),
            status: 200,
          }
        : null
    }
    case 'declined':
      return { html: page(<DeclinedPage back={backLink(outcome, 'rejected')} />), status: 200 }
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
