import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { getApp } from '../apps'
import { NOTICE_VALUES_MAX, REJECT_REASON_MAX } from '../domain/limits'
import type { AppEnv } from '../http/context'
import { isCredentialFormError, isQuotaError, withErrorStatus } from '../http/errors'
import { privatePage } from '../http/security-headers'
import { acceptLink, declineLink, isFirstOpenHere, readInvitation, recordOpened, submitLinkCredentials } from '../services/client-flow'
import { invalidLink, requireOpenLink, type OpenLink } from '../services/open-link'
import { connectionHref } from '../views/pages/dashboard/paths'
import type { Deps } from '../services/deps'
import { clientMeta } from '../services/events'
import { completeOAuth, OAUTH_STATE_SECONDS, startOAuth } from '../services/oauth-flow'
import { renderInvalidLinkPage, renderPage } from '../views/render'
import { CredentialsFormPage } from '../views/pages/connect/credentials-form'
import { renderInvitationPage } from '../views/pages/connect/invitation-template'
import { SignInDeclinedPage } from '../views/pages/connect/outcomes'
import { RejectConfirmPage } from '../views/pages/connect/reject-confirm'
import type { AppDefinition } from '../apps/types'
import { depsFor } from '../http/deps'
import { viewerTimeZone } from '../http/viewer'
import { fieldErrorsOf } from './pages/forms'
import { isSecureTransport } from '../http/owner-auth'
import { AppError } from '../domain/errors'
import { attemptsLeftToShow } from '../domain/links'
import { hashToken } from '../domain/tokens'
import { setNoticeCookie, takeNoticeCookie } from '../http/client-note-cookies'
import { type FormNotice, openNotice, sealNotice } from '../services/client-notes'
import { finishWith, outcomeForFinisher, showOutcome } from './connect-outcomes'

const STATE_COOKIE = 'tether_oauth_state'

const isRefresh = (open: OpenLink) => open.link.purpose === 'refresh'

export function setStateCookie(c: Context<AppEnv>, state: string): void {
  setCookie(c, STATE_COOKIE, state, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/connect/oauth',
    maxAge: OAUTH_STATE_SECONDS,
    secure: isSecureTransport(c),
  })
}

/** OAuth apps' accept form redirects to the provider, which CSP form-action must allow. */
export function allowProviderRedirect(c: Context<AppEnv>, deps: Deps, app: AppDefinition): void {
  if (app.authType !== 'oauth2') return
  const authorizeUrl = deps.appContext(app).endpoints.authorizeUrl
  // A relative URL (the demo provider) is sent from PUBLIC_URL, or else from this page's own origin.
  const base = deps.config.publicUrl ?? new URL(c.req.url).origin
  if (authorizeUrl) c.set('formActionOrigins', [new URL(authorizeUrl, base).origin])
}

/** What the client typed that may be shown again: never a secret field, and only while it fits in a cookie. */
function keptValues(app: AppDefinition, values: Record<string, unknown>): Record<string, string> {
  const kept = Object.fromEntries(app.fields.filter((f) => !f.secret).map((f) => [f.key, String(values[f.key] ?? '')]))
  return JSON.stringify(kept).length <= NOTICE_VALUES_MAX ? kept : {}
}

/** The refusal to show once on the form the browser is sent back to; secrets are never kept. */
async function refusalNotice(c: Context<AppEnv>, deps: Deps, token: string, values: Record<string, unknown>, error: AppError) {
  const open = await requireOpenLink(deps, token, Date.now())
  const notice: FormNotice = { kind: 'refused', message: error.message, errors: fieldErrorsOf(error), values: keptValues(open.app, values) }
  setNoticeCookie(c, await sealNotice(deps, open.link.tokenHash, notice, Date.now()))
}

async function tooManyAttemptsPage(c: Context<AppEnv>, deps: Deps, token: string, values: Record<string, unknown>, error: AppError) {
  const open = await requireOpenLink(deps, token, Date.now())
  const form = (
    <CredentialsFormPage
      app={open.app}
      token={token}
      connectionName={open.connection.name}
      error={error.message}
      values={keptValues(open.app, values)}
      attemptsLeft={attemptsLeftToShow(open.link.failedAttempts)}
    />
  )
  return c.html(renderPage(form), 429)
}

async function takeNotice(c: Context<AppEnv>, deps: Deps, tokenHash: string): Promise<FormNotice | null> {
  const value = takeNoticeCookie(c)
  return value ? openNotice(deps, value, tokenHash, Date.now()) : null
}

/** An unreadable body counts as no fields: the link decides the answer, so an unusable one always gets the invalid-link page. */
async function formValues(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await c.req.parseBody().catch(() => ({}))
  return Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string'))
}

export const connectRoutes = new Hono<AppEnv>()
  .use(privatePage)
  .use(outcomeForFinisher)
  .get('/oauth/callback', async (c) => {
    const deps = depsFor(c)
    const now = Date.now()
    const outcome = await completeOAuth(
      deps,
      {
        state: c.req.query('state'),
        code: c.req.query('code'),
        error: c.req.query('error'),
        cookieState: getCookie(c, STATE_COOKIE),
      },
      clientMeta(c.req.raw),
      now,
    )
    deleteCookie(c, STATE_COOKIE, { path: '/connect/oauth', secure: isSecureTransport(c) })
    switch (outcome.kind) {
      case 'link_connected': {
        const { link, app, connection } = outcome.open
        const connected = { kind: 'connected', appId: app.id, connectionName: connection.name, refreshed: isRefresh(outcome.open) } as const
        return finishWith(c, deps, link.tokenHash, connected, now)
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
  })
  // Registered before /:token, which would otherwise take "done" for a token.
  .get('/done', showOutcome)
  .get('/:token', async (c) => {
    const token = c.req.param('token')
    const now = Date.now()
    const snapshot = await readInvitation(c.env.LINKS, token, now)
    const app = snapshot && getApp(snapshot.appId)
    if (!snapshot || !app) return c.html(renderInvalidLinkPage(), 410)
    // After the response, and once per link per isolate: reloads and link scanners add no D1 write.
    if (isFirstOpenHere(snapshot.linkId)) {
      c.executionCtx.waitUntil(recordOpened(depsFor(c), snapshot, clientMeta(c.req.raw), now).catch(() => {}))
    }
    if (app.authType === 'oauth2') allowProviderRedirect(c, depsFor(c), app)
    return c.html(renderInvitationPage(snapshot, app, token, viewerTimeZone(c)))
  })
  .post('/:token/accept', async (c) => {
    const deps = depsFor(c)
    const token = c.req.param('token')
    const now = Date.now()
    const open = await acceptLink(deps, token, clientMeta(c.req.raw), now)
    if (open.app.authType === 'oauth2') {
      const { url, state } = await startOAuth(
        deps,
        open.app,
        { kind: 'link', linkId: open.link.id, workspaceId: open.link.workspaceId },
        now,
      )
      setStateCookie(c, state)
      return c.redirect(url.toString(), 302)
    }
    return c.redirect(`/connect/${token}/accept`, 303)
  })
  // The form after Accept, a refusal, a restored tab or a step's URL opened on another device: while
  // the link is open (D1 decides) the API-key form is shown, and anything else goes back to the
  // invitation. Nothing is recorded.
  .get('/:token/accept', async (c) => {
    const deps = depsFor(c)
    const token = c.req.param('token')
    const open = await requireOpenLink(deps, token, Date.now())
    const notice = await takeNotice(c, deps, open.link.tokenHash)
    if (open.app.authType === 'oauth2') {
      if (notice?.kind !== 'signin_cancelled') return c.redirect(`/connect/${token}`, 303)
      allowProviderRedirect(c, deps, open.app)
      return c.html(renderPage(<SignInDeclinedPage app={open.app} token={token} />))
    }
    const refused = notice?.kind === 'refused' ? notice : null
    return c.html(
      renderPage(
        <CredentialsFormPage
          app={open.app}
          token={token}
          connectionName={open.connection.name}
          error={refused?.message}
          values={refused?.values}
          errors={refused?.errors}
          attemptsLeft={attemptsLeftToShow(open.link.failedAttempts)}
        />,
      ),
      // The page shows the refusal of the post that led here; its reload is a plain 200 form.
      refused ? 422 : 200,
    )
  })
  .get('/:token/reject', async (c) => {
    const token = c.req.param('token')
    const open = await requireOpenLink(depsFor(c), token, Date.now())
    return c.html(renderPage(<RejectConfirmPage app={open.app} token={token} connectionName={open.connection.name} />))
  })
  .post('/:token/reject', async (c) => {
    const deps = depsFor(c)
    const values = await formValues(c)
    const reason = typeof values.reason === 'string' ? values.reason.trim().slice(0, REJECT_REASON_MAX) || null : null
    const now = Date.now()
    const open = await declineLink(deps, c.req.param('token'), reason, clientMeta(c.req.raw), now)
    return finishWith(c, deps, open.link.tokenHash, { kind: 'declined' }, now)
  })
  .post('/:token', async (c) => {
    const deps = depsFor(c)
    const token = c.req.param('token')
    const values = await formValues(c)
    const now = Date.now()
    try {
      const open = await submitLinkCredentials(deps, token, values, clientMeta(c.req.raw), now)
      const connected = { kind: 'connected', appId: open.app.id, connectionName: open.connection.name, refreshed: isRefresh(open) } as const
      return finishWith(c, deps, open.link.tokenHash, connected, now)
    } catch (error) {
      // The attempt that locks the link: this browser is told why, later visitors see the invalid-link page.
      if (error instanceof AppError && error.code === 'link_locked')
        return finishWith(c, deps, await hashToken(token), { kind: 'locked' }, now)
      // Too many attempts (the workspace's checks, or one in progress on this link): nothing was written, so the
      // form is shown again at once with the calm message and Retry-After; a resubmission changes nothing either.
      if (isQuotaError(error)) return withErrorStatus(await tooManyAttemptsPage(c, deps, token, values, error), error)
      if (!isCredentialFormError(error)) throw error
      await refusalNotice(c, deps, token, values, error)
      return c.redirect(`/connect/${token}/accept`, 303)
    }
  })
  // A mangled link (trailing slash, extra segment, empty token, other method) looks like any unusable one.
  .all('/*', () => {
    throw invalidLink()
  })
