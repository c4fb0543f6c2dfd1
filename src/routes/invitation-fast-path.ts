import { getApp } from '../apps'
import { readConfig } from '../config'
import { isLocale } from '../domain/locales'
import type { Env } from '../env'
import { OUTCOME_COOKIE } from '../http/client-note-cookies'
import { edgeOf } from '../http/deps'
import { clientLocaleOf } from '../http/locale'
import { hardeningHeaders, httpsRedirectTarget, PRIVATE_PAGE_HEADERS } from '../http/security-headers'
import { viewerTimeZoneOf } from '../http/viewer'
import { isFirstOpenHere, readInvitation, recordOpened } from '../services/client-flow'
import { depsFromEnv } from '../services/deps'
import { clientMeta } from '../services/events'
import { renderInvitationPage } from '../views/pages/connect/invitation-template'
import { renderInvalidLinkPage } from '../views/render'
import { providerFormAction } from './connect-link-pages'

/** `GET /connect/<token>` and nothing else: no query (a language pick), no further segment. */
const INVITATION_URL = /^https?:\/\/[^/?#]+\/connect\/([A-Za-z0-9_-]{20,64})$/

/**
 * The invitation page is the hot read path (docs/BENCHMARKS.md holds it to one KV get), so its plain GET is
 * answered here before the router: the same bytes and headers the /connect/:token route and its middlewares
 * give (test/invitation-fast-path.test.ts compares them), without their per-request allocations. Anything
 * else — a language pick, an http→https redirect, the outcome cookie a finished link shows — returns null,
 * and so does any failure: the app then answers through its one error path.
 */
export async function invitationFastPath(request: Request, env: Env, ctx: ExecutionContext): Promise<Response | null> {
  if (request.method !== 'GET') return null
  const token = INVITATION_URL.exec(request.url)?.[1]
  if (!token || httpsRedirectTarget(request.url, env)) return null
  try {
    const now = Date.now()
    const snapshot = await readInvitation(env.LINKS, token, now)
    const app = snapshot && getApp(snapshot.appId)
    if (!snapshot || !app) {
      // A finished link's outcome page needs D1: the router's route shows it.
      if (request.headers.get('cookie')?.includes(OUTCOME_COOKIE)) return null
      return page(request.url, renderInvalidLinkPage(clientLocaleOf(request)), 410, undefined)
    }
    if (isFirstOpenHere(snapshot.linkId)) {
      const deps = depsFromEnv(env, new URL(request.url).origin, edgeOf(env))
      ctx.waitUntil(recordOpened(deps, snapshot, clientMeta(request), now).catch(() => {}))
    }
    const allowed = providerFormAction(readConfig(env), app, request.url)
    const locale = clientLocaleOf(request, isLocale(snapshot.locale) ? snapshot.locale : null)
    return page(
      request.url,
      renderInvitationPage(snapshot, app, token, viewerTimeZoneOf(request), locale),
      200,
      allowed ? [allowed] : undefined,
    )
  } catch {
    return null
  }
}

function page(url: string, html: string, status: number, formAction: string[] | undefined): Response {
  const headers = { 'Content-Type': 'text/html; charset=UTF-8', ...PRIVATE_PAGE_HEADERS, ...hardeningHeaders(url, formAction) }
  return new Response(html, { status, headers })
}
