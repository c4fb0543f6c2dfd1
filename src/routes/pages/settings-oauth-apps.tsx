import { type Context, Hono } from 'hono'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { oauthAppsOf, removeOAuthApp, saveOAuthApp } from '../../services/oauth-apps'
import { OAUTH_APPS_PAGE, OAuthAppsPage, type OAuthAppsPageProps } from '../../views/pages/dashboard/oauth-apps'
import { renderPage } from '../../views/render'
import { readForm } from './forms'
import { ownerView } from './view-models'

async function showOAuthApps(c: Context<AppEnv>, extras: Pick<OAuthAppsPageProps, 'failed' | 'saved'>, status = 200) {
  const oauthApps = await oauthAppsOf(depsFor(c), c.get('owner'))
  return c.html(renderPage(<OAuthAppsPage owner={ownerView(c.get('owner'))} oauthApps={oauthApps} {...extras} />), status as 200)
}

/** Mounted at /settings/oauth-apps; a save lands as a redirect back with ?saved=<provider>. */
export const oauthAppPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const saved = (await oauthAppsOf(depsFor(c), c.get('owner'))).find((entry) => entry.provider === c.req.query('saved'))
    return showOAuthApps(c, { saved: saved?.source === 'workspace' ? saved.providerName : undefined })
  })
  .post('/:provider', async (c) => {
    const provider = c.req.param('provider')
    const form = await readForm(c)
    try {
      await saveOAuthApp(
        depsFor(c),
        c.get('owner'),
        provider,
        { clientId: form.clientId ?? '', clientSecret: form.clientSecret ?? '' },
        Date.now(),
      )
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid_request') throw error
      const path = (error.details as { path?: string }[] | undefined)?.[0]?.path ?? 'clientId'
      const failed = { provider, form: { values: { clientId: form.clientId ?? '' }, errors: { [path]: error.message } } }
      return showOAuthApps(c, { failed }, error.status)
    }
    return c.redirect(`${OAUTH_APPS_PAGE}?saved=${encodeURIComponent(provider)}`, 303)
  })
  .post('/:provider/delete', async (c) => {
    await removeOAuthApp(depsFor(c), c.get('owner'), c.req.param('provider'))
    return c.redirect(OAUTH_APPS_PAGE, 303)
  })
