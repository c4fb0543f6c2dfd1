import { Hono, type Context } from 'hono'
import { getApp } from '../apps'
import { REJECT_REASON_MAX } from '../domain/limits'
import type { AppEnv } from '../http/context'
import { isCredentialFormError, isQuotaError } from '../http/errors'
import { privatePage } from '../http/security-headers'
import { acceptLink, declineLink, isFirstOpenHere, readInvitation, recordOpened, submitLinkCredentials } from '../services/client-flow'
import { invalidLink, requireOpenLink, type OpenLink } from '../services/open-link'
import type { Deps } from '../services/deps'
import { clientMeta } from '../services/events'
import { startOAuth } from '../services/oauth-flow'
import { oauthCallback, setStateCookie, showResourceChoices, takeResourceChoice } from './connect-oauth'
import { renderInvalidLinkPage } from '../views/render'
import { CredentialsFormPage } from '../views/pages/connect/credentials-form'
import { renderInvitationPage } from '../views/pages/connect/invitation-template'
import { SignInDeclinedPage } from '../views/pages/connect/outcomes'
import { RejectConfirmPage } from '../views/pages/connect/reject-confirm'
import { preAuthorizeFieldsOf } from '../apps/metadata'
import { depsFor } from '../http/deps'
import { viewerTimeZone } from '../http/viewer'
import { clientLocale, languageChoice } from '../http/locale'
import { isLocale } from '../domain/locales'
import { AppError } from '../domain/errors'
import type { LinkBrand } from '../domain/brand'
import { attemptsLeftToShow } from '../domain/links'
import { hashToken } from '../domain/tokens'
import { takeNoticeCookie } from '../http/client-note-cookies'
import { type FormNotice, openNotice } from '../services/client-notes'
import { showRequestList, skipItem } from './connect-requests'
import { emailManageLinkFromOutcome, finishLink, finishWith, outcomeForFinisher, showOutcome } from './connect-outcomes'
import { allowProviderRedirect, noticeStatus, ownerChoice, refusalNotice, renderLinkPage } from './connect-link-pages'

const isRefresh = (open: OpenLink) => open.link.purpose === 'refresh'

export { setStateCookie }

export { allowProviderRedirect }

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
  .use(languageChoice)
  .use(outcomeForFinisher)
  .get('/oauth/callback', oauthCallback)
  .get('/oauth/choose', showResourceChoices)
  .post('/oauth/choose', takeResourceChoice)
  // Registered before /:token, which would otherwise take "done" for a token.
  .get('/done', showOutcome)
  .post('/done/email', emailManageLinkFromOutcome)
  .get('/r/:token', showRequestList)
  .post('/r/:token/skip/:position', skipItem)
  .get('/:token', async (c) => {
    const token = c.req.param('token')
    const now = Date.now()
    const snapshot = await readInvitation(c.env.LINKS, token, now)
    const app = snapshot && getApp(snapshot.appId)
    // The owner's choice is not consulted: every unusable link must read the same, whoever made it.
    if (!snapshot || !app) return c.html(renderInvalidLinkPage(clientLocale(c)), 410)
    // After the response, and once per link per isolate: reloads and link scanners add no D1 write.
    if (isFirstOpenHere(snapshot.linkId)) {
      c.executionCtx.waitUntil(recordOpened(depsFor(c), snapshot, clientMeta(c.req.raw), now).catch(() => {}))
    }
    if (app.authType === 'oauth2') allowProviderRedirect(c, depsFor(c), app)
    const locale = clientLocale(c, isLocale(snapshot.locale) ? snapshot.locale : null)
    return c.html(renderInvitationPage(snapshot, app, token, viewerTimeZone(c), locale))
  })
  .post('/:token/accept', async (c) => {
    const deps = depsFor(c)
    const token = c.req.param('token')
    const now = Date.now()
    const open = await acceptLink(deps, token, clientMeta(c.req.raw), now)
    if (open.app.authType === 'oauth2') {
      const values = await formValues(c)
      // From the invitation's Accept: the store (or other pre-authorize field) is asked for on the next page first.
      if (preAuthorizeFieldsOf(open.app).some((field) => !(field.key in values))) return c.redirect(`/connect/${token}/accept`, 303)
      try {
        const purpose = { kind: 'link', linkId: open.link.id, workspaceId: open.link.workspaceId } as const
        const { url, state } = await startOAuth(deps, open.app, purpose, now, values)
        setStateCookie(c, state)
        return c.redirect(url.toString(), 302)
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'invalid_credentials') throw error
        await refusalNotice(c, deps, token, values, error, false)
        return c.redirect(`/connect/${token}/accept`, 303)
      }
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
      const typed = preAuthorizeFieldsOf(open.app).length > 0
      if (notice?.kind !== 'signin_cancelled' && !typed) return c.redirect(`/connect/${token}`, 303)
      allowProviderRedirect(c, deps, open.app)
      if (notice?.kind === 'signin_cancelled') return c.html(renderLinkPage(c, open, <SignInDeclinedPage app={open.app} token={token} />))
      const refused = notice?.kind === 'refused' ? notice : null
      const page = (
        <CredentialsFormPage
          app={open.app}
          token={token}
          connectionName={open.connection.name}
          beforeSignIn
          error={refused?.message}
          values={refused?.values}
          errors={refused?.errors}
        />
      )
      return c.html(renderLinkPage(c, open, page), refused ? 422 : 200)
    }
    const shown = notice?.kind === 'refused' || notice?.kind === 'too_many' ? notice : null
    const page = (
      <CredentialsFormPage
        app={open.app}
        token={token}
        connectionName={open.connection.name}
        error={shown?.message}
        values={shown?.values}
        errors={shown?.kind === 'refused' ? shown.errors : undefined}
        attemptsLeft={attemptsLeftToShow(open.link.failedAttempts)}
      />
    )
    // The page shows the refusal of the post that led here; its reload is a plain 200 form.
    return noticeStatus(c.html(renderLinkPage(c, open, page), shown ? (shown.kind === 'refused' ? 422 : 429) : 200), notice)
  })
  .get('/:token/reject', async (c) => {
    const token = c.req.param('token')
    const open = await requireOpenLink(depsFor(c), token, Date.now())
    return c.html(renderLinkPage(c, open, <RejectConfirmPage app={open.app} token={token} connectionName={open.connection.name} />))
  })
  .post('/:token/reject', async (c) => {
    const deps = depsFor(c)
    const values = await formValues(c)
    const reason = typeof values.reason === 'string' ? values.reason.trim().slice(0, REJECT_REASON_MAX) || null : null
    const now = Date.now()
    const open = await declineLink(deps, c.req.param('token'), reason, clientMeta(c.req.raw), now)
    return finishLink(c, deps, open.link, { kind: 'declined', ...ownerChoice(open) }, now)
  })
  .post('/:token', async (c) => {
    const deps = depsFor(c)
    const token = c.req.param('token')
    const values = await formValues(c)
    const now = Date.now()
    try {
      const { open, manageToken } = await submitLinkCredentials(deps, token, values, clientMeta(c.req.raw), now)
      const connected = {
        kind: 'connected',
        appId: open.app.id,
        connectionName: open.connection.name,
        refreshed: isRefresh(open),
        manage: { token: manageToken, shown: false },
        ...ownerChoice(open),
      } as const
      return finishLink(c, deps, open.link, connected, now)
    } catch (error) {
      // The attempt that locks the link: this browser is told why, later visitors see the invalid-link page.
      if (error instanceof AppError && error.code === 'link_locked') {
        const { locale, brand } = (error.details as { locale?: unknown; brand?: LinkBrand | null } | undefined) ?? {}
        const locked = { kind: 'locked', ...(isLocale(locale) ? { locale } : {}), ...(brand ? { brand } : {}) } as const
        return finishWith(c, deps, await hashToken(token), locked, now)
      }
      // Too many attempts (the workspace's checks, or one in progress on this link): nothing was written; the form
      // says so with the calm message and Retry-After, like a refusal, after its redirect.
      if (!isCredentialFormError(error) && !isQuotaError(error)) throw error
      await refusalNotice(c, deps, token, values, error, isQuotaError(error))
      return c.redirect(`/connect/${token}/accept`, 303)
    }
  })
  // A mangled link (trailing slash, extra segment, empty token, other method) looks like any unusable one.
  .all('/*', () => {
    throw invalidLink()
  })
