import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { getApp } from '../apps'
import { REJECT_REASON_MAX } from '../domain/limits'
import type { AppEnv } from '../http/context'
import { isCredentialFormError } from '../http/errors'
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
import { ConnectedPage, DeclinedPage, SignInDeclinedPage } from '../views/pages/connect/outcomes'
import type { AppDefinition } from '../apps/types'
import { depsFor } from '../http/deps'
import { viewerTimeZone } from '../http/viewer'
import { fieldErrorsOf } from './pages/forms'
import { isSecureTransport } from '../http/owner-auth'

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

/** An unreadable body counts as no fields: the link decides the answer, so an unusable one always gets the invalid-link page. */
async function formValues(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await c.req.parseBody().catch(() => ({}))
  return Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string'))
}

export const connectRoutes = new Hono<AppEnv>()
  .use(privatePage)
  .get('/oauth/callback', async (c) => {
    const deps = depsFor(c)
    const outcome = await completeOAuth(
      deps,
      {
        state: c.req.query('state'),
        code: c.req.query('code'),
        error: c.req.query('error'),
        cookieState: getCookie(c, STATE_COOKIE),
      },
      clientMeta(c.req.raw),
      Date.now(),
    )
    deleteCookie(c, STATE_COOKIE, { path: '/connect/oauth', secure: isSecureTransport(c) })
    switch (outcome.kind) {
      case 'link_connected':
        return c.html(
          renderPage(
            <ConnectedPage app={outcome.open.app} connectionName={outcome.open.connection.name} refreshed={isRefresh(outcome.open)} />,
          ),
        )
      case 'link_denied':
        return c.html(renderPage(<SignInDeclinedPage app={outcome.open.app} token={outcome.token} />))
      case 'owner_connected':
        if (outcome.updated) return c.redirect(connectionHref(outcome.connectionId, '?updated=1'), 303)
        return c.redirect(`/connections?connected=${encodeURIComponent(outcome.connectionId)}`, 303)
      case 'owner_denied':
        return c.redirect('/connections?signin=cancelled', 303)
    }
  })
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
      const { url, state } = await startOAuth(deps, open.app, { kind: 'link', linkId: open.link.id }, now)
      setStateCookie(c, state)
      return c.redirect(url.toString(), 302)
    }
    return c.html(renderPage(<CredentialsFormPage app={open.app} token={token} connectionName={open.connection.name} />))
  })
  // A restored tab or a step's URL opened on another device: while the link is open (D1 decides), the
  // API-key form is shown again, and anything else goes back to the invitation. Nothing is recorded.
  .get('/:token/accept', async (c) => {
    const token = c.req.param('token')
    const open = await requireOpenLink(depsFor(c), token, Date.now())
    if (open.app.authType === 'oauth2') return c.redirect(`/connect/${token}`, 303)
    return c.html(renderPage(<CredentialsFormPage app={open.app} token={token} connectionName={open.connection.name} />))
  })
  .get('/:token/reject', async (c) => {
    const token = c.req.param('token')
    await requireOpenLink(depsFor(c), token, Date.now())
    return c.redirect(`/connect/${token}`, 303)
  })
  .post('/:token/reject', async (c) => {
    const values = await formValues(c)
    const reason = typeof values.reason === 'string' ? values.reason.trim().slice(0, REJECT_REASON_MAX) || null : null
    await declineLink(depsFor(c), c.req.param('token'), reason, clientMeta(c.req.raw), Date.now())
    return c.html(renderPage(<DeclinedPage />))
  })
  .post('/:token', async (c) => {
    const deps = depsFor(c)
    const token = c.req.param('token')
    const values = await formValues(c)
    try {
      const open = await submitLinkCredentials(deps, token, values, clientMeta(c.req.raw), Date.now())
      return c.html(renderPage(<ConnectedPage app={open.app} connectionName={open.connection.name} refreshed={isRefresh(open)} />))
    } catch (error) {
      if (!isCredentialFormError(error)) throw error
      const open = await requireOpenLink(deps, token, Date.now())
      const kept = Object.fromEntries(open.app.fields.filter((f) => !f.secret).map((f) => [f.key, String(values[f.key] ?? '')]))
      return c.html(
        renderPage(
          <CredentialsFormPage
            app={open.app}
            token={token}
            connectionName={open.connection.name}
            error={error.message}
            values={kept}
            errors={fieldErrorsOf(error)}
          />,
        ),
        422,
      )
    }
  })
  // A mangled link (trailing slash, extra segment, empty token, other method) looks like any unusable one.
  .all('/*', () => {
    throw invalidLink()
  })
