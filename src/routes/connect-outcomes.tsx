import type { Context, MiddlewareHandler } from 'hono'
import type { VNode } from 'preact'
import { FALLBACK_TIME_ZONE } from '../domain/format-time'
import { clientLocale } from '../http/locale'
import { getApp } from '../apps'
import { hashToken, isWellFormedToken } from '../domain/tokens'
import { readOutcomeCookie, setOutcomeCookie } from '../http/client-note-cookies'
import type { AppEnv } from '../http/context'
import { depsFor } from '../http/deps'
import { type ClientOutcome, type ManageNote, openBoundOutcome, openOutcome, sealOutcome } from '../services/client-notes'
import { emailManageLink } from '../services/client-grants'
import { managePath } from '../views/pages/manage/manage-page'
import { EMAIL_MAX } from '../domain/limits'
import * as z from 'zod'
import type { Deps } from '../services/deps'
import { listPathOfItem } from '../services/link-requests'
import { invalidLink, type OpenLink } from '../services/open-link'
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

/**
 * The finish of an open link: an item of a several-apps link goes back to its list (which shows the item's new state);
 * any other link to its outcome page. Either way the outcome cookie answers Back to the item's own URL.
 */
export async function finishLink(c: Context<AppEnv>, deps: Deps, link: OpenLink['link'], outcome: ClientOutcome, now: number) {
  const list = link.requestId ? await listPathOfItem(deps, link.requestId) : null
  if (!list) return finishWith(c, deps, link.tokenHash, outcome, now)
  // A success has its management link to show once: its own page first, which leads on to the list.
  if (outcome.kind === 'connected' && outcome.manage) return finishWith(c, deps, link.tokenHash, { ...outcome, continueTo: list }, now)
  setOutcomeCookie(c, await sealOutcome(deps, link.tokenHash, outcome, now))
  return c.redirect(list, 303)
}

const EMAIL_PROBLEM_STATUS = { invalid: 400, too_many: 429, failed: 200 } as const

/** `reveal`: the outcome page's own first view, the one time the management link is shown. */
/** "Back to <owner>", when the link has a returnUrl: the connection and how it ended ride in its query. */
function backLink(outcome: ClientOutcome, status: ReturnStatus): BackLink | undefined {
  if (!outcome.returnTo) return undefined
  return { href: backUrl(outcome.returnTo.url, outcome.returnTo.connectionId, status), name: outcome.brand?.name ?? null }
}

function outcomePage(c: Context<AppEnv>, outcome: ClientOutcome, reveal = false): { html: string; status: number } | null {
  const page = (view: VNode) => renderPage(view, FALLBACK_TIME_ZONE, clientLocale(c, outcome.locale ?? null), outcome.brand)
  switch (outcome.kind) {
    case 'connected': {
      const app = getApp(outcome.appId)
      if (!app) return null
      const back = backLink(outcome, 'connected')
      const note = outcome.manage
      const manage = note && {
        url: reveal && !note.shown ? `${depsFor(c).publicOrigin}${managePath(note.token)}` : null,
        emailedTo: reveal ? (note.emailedTo ?? null) : null,
        emailProblem: reveal ? (note.emailProblem ?? null) : null,
      }
      const view = (
        <ConnectedPage
          app={app}
          connectionName={outcome.connectionName}
          refreshed={outcome.refreshed}
          manage={manage}
          continueTo={outcome.continueTo}
          back={back}
        />
      )
      return { html: page(view), status: manage?.emailProblem ? EMAIL_PROBLEM_STATUS[manage.emailProblem] : 200 }
    }
    case 'declined':
      return { html: page(<DeclinedPage back={backLink(outcome, 'rejected')} />), status: 200 }
    case 'locked':
      return { html: page(<LinkLockedPage />), status: 423 }
  }
}

const htmlResponse = ({ html, status }: { html: string; status: number }) =>
  new Response(html, { status, headers: { 'content-type': 'text/html; charset=UTF-8' } })

/**
 * The outcome page: without this browser's cookie it is the invalid-link page like any other. Its first view shows the
 * management link and the email form's answer, once: the cookie is rewritten without them.
 */
export async function showOutcome(c: Context<AppEnv>): Promise<Response> {
  const deps = depsFor(c)
  const now = Date.now()
  const value = readOutcomeCookie(c)
  const bound = value ? await openBoundOutcome(deps, value, now) : null
  const page = bound && outcomePage(c, bound.note, true)
  if (!bound || !page) throw invalidLink()
  const { note: outcome, tokenHash } = bound
  if (
    outcome.kind === 'connected' &&
    outcome.manage &&
    (!outcome.manage.shown || outcome.manage.emailedTo || outcome.manage.emailProblem)
  ) {
    const manage = { token: outcome.manage.token, shown: true }
    setOutcomeCookie(c, await sealOutcome(deps, tokenHash, { ...outcome, manage }, now))
  }
  return c.html(page.html, page.status as 200)
}

/** The success page's optional form: the management link by email, in the client's language; then back to the page. */
export async function emailManageLinkFromOutcome(c: Context<AppEnv>): Promise<Response> {
  const deps = depsFor(c)
  const now = Date.now()
  const value = readOutcomeCookie(c)
  const bound = value ? await openBoundOutcome(deps, value, now) : null
  const outcome = bound?.note
  if (!bound || outcome?.kind !== 'connected' || !outcome.manage) throw invalidLink()
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const email = typeof body.email === 'string' ? body.email.trim() : ''
  const manage: ManageNote = { token: outcome.manage.token, shown: outcome.manage.shown }
  if (!emailAddress.safeParse(email).success) manage.emailProblem = 'invalid'
  else {
    const sent = await emailManageLink(deps, outcome.manage.token, email, clientLocale(c, outcome.locale ?? null), now)
    if (sent === 'sent') manage.emailedTo = email
    else manage.emailProblem = sent
  }
  setOutcomeCookie(c, await sealOutcome(deps, bound.tokenHash, { ...outcome, manage }, now))
  return c.redirect(OUTCOME_PATH, 303)
}

const emailAddress = z.email().max(EMAIL_MAX)

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
