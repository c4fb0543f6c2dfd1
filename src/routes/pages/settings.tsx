import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { name } from '../../api-schemas/common'
import { NAME_MAX, TOKEN_EXPIRY_DAYS_MAX, TOKEN_EXPIRY_DAYS_MIN } from '../../domain/limits'
import { TOKEN_SCOPES } from '../../domain/token-scope'
import { isAppAvailable, listedApps } from '../../apps'
import type { Deps } from '../../services/deps'
import type { AppEnv } from '../../http/context'
import { setTokenRevealCookie, takeTokenRevealCookie } from '../../http/token-reveal-cookie'
import { flashed, flashFor, redirectWithFlash, takeFlash } from '../../http/form-flash'
import { apiTokensOf, createApiTokenToReveal, revealApiToken, revokeApiToken } from '../../services/api-tokens'
import { renderPage } from '../../views/render'
import { SettingsPage, type SettingsPageProps } from '../../views/pages/dashboard/settings'
import type { FormState } from '../../views/pages/dashboard/types'
import { type SettingsNotice, SETTINGS_NOTICES } from '../../views/pages/dashboard/account-security'
import { parseForm, readForm } from './forms'
import { ownerView } from './view-models'
import { depsFor } from '../../http/deps'
import { viewerTimeZone } from '../../http/viewer'

/**
 * An app the example request works with on this very install: Demo Tasks when the demo apps are on (a fresh
 * `npm start`), else the first API-key app, which needs no OAuth client configured.
 */
function exampleAppId(deps: Deps): string {
  const usable = listedApps(deps.config).filter((app) => isAppAvailable(deps.env, app))
  return (usable.find((app) => app.id === 'demo-tasks') ?? usable.find((app) => app.authType !== 'oauth2') ?? usable[0])?.id ?? 'wordpress'
}

/** The selects always send both; a form without them gets the API's defaults. */
const tokenForm = z.object({
  name,
  scope: z.enum(TOKEN_SCOPES).optional(),
  expiresInDays: z.coerce.number().int().min(TOKEN_EXPIRY_DAYS_MIN).max(TOKEN_EXPIRY_DAYS_MAX).optional(),
})

export async function showSettings(
  c: Context<AppEnv>,
  extras: { newToken?: string | null; tokenForm?: FormState; passwordForm?: FormState; notice?: SettingsNotice | null },
  status = 200,
): Promise<Response> {
  const deps = depsFor(c)
  const owner = c.get('owner')
  const props: SettingsPageProps = {
    owner: ownerView(owner),
    tokens: await apiTokensOf(deps.db, owner),
    // Shown only to this owner, who reached the page at this origin: no PUBLIC_URL needed for that.
    apiOrigin: deps.config.publicUrl ?? new URL(c.req.url).origin,
    exampleAppId: exampleAppId(deps),
    now: new Date().toISOString(),
    ...extras,
  }
  return c.html(renderPage(<SettingsPage {...props} />, viewerTimeZone(c)), status as 200)
}

const settingsNotice = (name: string | undefined): SettingsNotice | null =>
  name !== undefined && Object.hasOwn(SETTINGS_NOTICES, name) ? (name as SettingsNotice) : null

export const settingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    // A HEAD has no body to show the token in, so it must not use up the one showing.
    const cookie = c.req.method === 'GET' ? takeTokenRevealCookie(c) : undefined
    const newToken = cookie ? await revealApiToken(depsFor(c), c.get('owner'), cookie, Date.now()) : null
    const flash = await takeFlash<FormState>(c)
    if (flash) {
      const forms = { tokenForm: flashFor<FormState>(flash, 'token'), passwordForm: flashFor<FormState>(flash, 'password') }
      return flashed(await showSettings(c, { newToken, ...forms }, flash.status), flash)
    }
    return showSettings(c, { newToken, notice: settingsNotice(c.req.query('notice')) })
  })
  .post('/tokens', async (c) => {
    const form = await readForm(c)
    const parsed = parseForm(tokenForm, form, {
      name: `Name the token (up to ${NAME_MAX} characters).`,
      scope: 'Choose read or write.',
      expiresInDays: `Choose between ${TOKEN_EXPIRY_DAYS_MIN} and ${TOKEN_EXPIRY_DAYS_MAX} days.`,
    })
    if (!parsed.ok) return redirectWithFlash(c, '/settings', 'token', { values: form, errors: parsed.errors }, 400)
    // Post, then redirect: the token rides a one-time cookie to the page that shows it, so a reload creates nothing.
    setTokenRevealCookie(c, await createApiTokenToReveal(depsFor(c), c.get('owner'), parsed.data, Date.now()))
    return c.redirect('/settings', 303)
  })
  .post('/tokens/:id/revoke', async (c) => {
    await revokeApiToken(depsFor(c).db, c.get('owner'), c.req.param('id'))
    return c.redirect('/settings', 303)
  })
