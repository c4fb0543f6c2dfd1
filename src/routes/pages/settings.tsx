import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { name } from '../../api-schemas/common'
import { NAME_MAX } from '../../domain/limits'
import { listedApps } from '../../apps'
import type { AppEnv } from '../../http/context'
import { apiTokensOf, createApiToken } from '../../services/accounts'
import { renderPage } from '../../views/render'
import { SettingsPage, type SettingsPageProps } from '../../views/pages/dashboard/settings'
import type { FormState } from '../../views/pages/dashboard/types'
import { parseForm, readForm } from './forms'
import { ownerView } from './view-models'
import { depsFor } from '../../http/deps'

const tokenForm = z.object({ name })

async function showSettings(c: Context<AppEnv>, extras: { newToken?: string; tokenForm?: FormState }, status = 200): Promise<Response> {
  const deps = depsFor(c)
  const owner = c.get('owner')
  const props: SettingsPageProps = {
    owner: ownerView(owner),
    tokens: await apiTokensOf(deps.db, owner.userId),
    // Shown only to this owner, who reached the page at this origin: no PUBLIC_URL needed for that.
    apiOrigin: deps.config.publicUrl ?? new URL(c.req.url).origin,
    exampleAppId: listedApps(deps.config)[0]?.id ?? 'wordpress',
    ...extras,
  }
  return c.html(renderPage(<SettingsPage {...props} />), status as 200)
}

export const settingsPages = new Hono<AppEnv>()
  .get('/', (c) => showSettings(c, {}))
  .post('/tokens', async (c) => {
    const form = await readForm(c)
    const parsed = parseForm(tokenForm, form, { name: `Name the token (up to ${NAME_MAX} characters).` })
    if (!parsed.ok) return showSettings(c, { tokenForm: { values: { name: form.name ?? '' }, errors: parsed.errors } }, 400)
    const token = await createApiToken(depsFor(c).db, c.get('owner').userId, parsed.data.name, Date.now())
    // Shown once, in this response only (never stored anywhere it could be shown again), so no redirect.
    return showSettings(c, { newToken: token }, 201)
  })
