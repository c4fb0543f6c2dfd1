import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { AppError } from '../domain/errors'
import type { AppEnv } from '../http/context'
import { depsFor } from '../http/deps'
import { clientLocale } from '../http/locale'
import { isSecureTransport } from '../http/owner-auth'
import { setNoticeCookie } from '../http/client-note-cookies'
import { sealNotice } from '../services/client-notes'
import type { Deps } from '../services/deps'
import { clientMeta } from '../services/events'
import { chooseResource, parkedChoices } from '../services/oauth-choice'
import { type CallbackOutcome, completeOAuth, OAUTH_STATE_SECONDS } from '../services/oauth-flow'
import { renderPage } from '../views/render'
import { ChooseResourcePage } from '../views/pages/connect/choose-resource'
import { connectionHref } from '../views/pages/dashboard/paths'
import { finishLink } from './connect-outcomes'
import { ownerChoice } from './connect-link-pages'

/** The sign-in's state, bound to the browser that started it; it also names a sign-in waiting for a choice of tenant. */
const STATE_COOKIE = 'tether_oauth_state'
const STATE_PATH = '/connect/oauth'

export function setStateCookie(c: Context<AppEnv>, state: string): void {
  setCookie(c, STATE_COOKIE, state, {
    httpOnly: true,
    sameSite: 'Lax',
    path: STATE_PATH,
    maxAge: OAUTH_STATE_SECONDS,
    secure: isSecureTransport(c),
  })
}

const clearStateCookie = (c: Context<AppEnv>) => deleteCookie(c, STATE_COOKIE, { path: STATE_PATH, secure: isSecureTransport(c) })

export async function oauthCallback(c: Context<AppEnv>) {
  const deps = depsFor(c)
  const now = Date.now()
  const input = {
    state: c.req.query('state'),
    code: c.req.query('code'),
    error: c.req.query('error'),
    cookieState: getCookie(c, STATE_COOKIE),
  }
  return respondToSignIn(c, deps, await completeOAuth(deps, input, clientMeta(c.req.raw), now), now)
}

/** The choice of tenant or site, in the link's language for a client; the cookie keeps naming the waiting sign-in. */
export async function showResourceChoices(c: Context<AppEnv>) {
  const { app, choices, locale } = await parkedChoices(depsFor(c), getCookie(c, STATE_COOKIE), Date.now())
  return c.html(renderPage(<ChooseResourcePage app={app} choices={choices} />, undefined, clientLocale(c, locale)))
}

export async function takeResourceChoice(c: Context<AppEnv>) {
  const deps = depsFor(c)
  const now = Date.now()
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const choice = typeof body.choice === 'string' ? body.choice : undefined
  try {
    const outcome = await chooseResource(deps, { cookieState: getCookie(c, STATE_COOKIE), choice }, clientMeta(c.req.raw), now)
    return respondToSignIn(c, deps, outcome, now)
  } catch (error) {
    // Only a choice the page did not offer: the sign-in still waits, so the page is shown again.
    if (error instanceof AppError && error.code === 'invalid_request') return c.redirect(`${STATE_PATH}/choose`, 303)
    throw error
  }
}

async function respondToSignIn(c: Context<AppEnv>, deps: Deps, outcome: CallbackOutcome, now: number) {
  if (outcome.kind === 'choose_resource') return c.redirect(`${STATE_PATH}/choose`, 303)
  clearStateCookie(c)
  switch (outcome.kind) {
    case 'link_connected': {
      const { link, app, connection } = outcome.open
      const connected = {
        kind: 'connected',
        appId: app.id,
        connectionName: connection.name,
        refreshed: outcome.open.link.purpose === 'refresh',
        manage: { token: outcome.manageToken, shown: false },
        ...ownerChoice(outcome.open),
      } as const
      return finishLink(c, deps, link, connected, now)
    }
    case 'link_denied':
      setNoticeCookie(c, await sealNotice(deps, outcome.open.link.tokenHash, { kind: 'signin_cancelled' }, now))
      return c.redirect(`/connect/${outcome.token}/accept`, 303)
    case 'owner_connected':
      if (outcome.updated) return c.redirect(connectionHref(outcome.connectionId, '?updated=1'), 303)
      return c.redirect(`/connections?connected=${encodeURIComponent(outcome.connectionId)}`, 303)
    case 'owner_denied':
      return c.redirect('/connections?signin=cancelled', 303)
  }
}
