import { preAuthorizeFieldsOf } from '../../apps/metadata'
import { Hono, type Context } from 'hono'
import { appSearchQuery } from '../../api-schemas/apps'
import { listedApps } from '../../apps'
import { filterApps } from '../../apps/search'
import type { AppDefinition } from '../../apps/types'
import { AppError } from '../../domain/errors'
import type { AppEnv } from '../../http/context'
import { isCredentialFormError, isQuotaError } from '../../http/errors'
import { flashed, flashFor, redirectWithFlash, takeFlash } from '../../http/form-flash'
import { validate } from '../../http/validate'
import { createDirectConnection, requireRoomForConnection } from '../../services/connections'
import { credentialsFromFields } from '../../services/credentials'
import type { Deps } from '../../services/deps'
import { renderPage } from '../../views/render'
import { AppPickerPage } from '../../views/pages/dashboard/app-picker'
import { NewConnectionPage, type NewConnectionProps } from '../../views/pages/dashboard/new-connection'
import { connectionHref } from '../../views/pages/dashboard/paths'
import { allowProviderRedirect } from '../connect'
import { fieldErrorsOf, parseForm, readForm, type FormValues } from './forms'
import { redirectToOwnerSignIn } from './oauth'
import { appIdParam, formMessages, linkForm, nameForm } from './schemas'
import { ownerView } from './view-models'
import { depsFor } from '../../http/deps'
import { requireApp } from '../../services/access'
import { requestConnectionViaLink } from '../../services/link-lifecycle'
import { availabilityIn } from '../../services/oauth-apps'

/** An app the owner can add now; one not in this catalog is simply not found. */
function pageApp(deps: Deps, appId: string): AppDefinition {
  try {
    return requireApp(deps, appId)
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_request') throw new AppError('not_found', 'There is no such app.')
    throw error
  }
}

/** The form's non-secret values, to fill it in again after a failed post. */
function keptValues(app: AppDefinition, form: FormValues): Record<string, string> {
  const kept: Record<string, string> = {
    connectionName: form.connectionName ?? '',
    expiresInMinutes: form.expiresInMinutes ?? '',
    locale: form.locale ?? '',
    returnUrl: form.returnUrl ?? '',
  }
  for (const field of [...app.fields, ...preAuthorizeFieldsOf(app)]) if (!field.secret) kept[field.key] = form[field.key] ?? ''
  return kept
}

type FormName = 'link' | 'direct'
type Forms = Omit<NewConnectionProps, 'owner' | 'app'>

const pagePath = (app: AppDefinition) => `/connections/new/${encodeURIComponent(app.id)}`

/** Back to the app's page, which shows the refused form filled in again (never its secrets). */
function refuse(
  c: Context<AppEnv>,
  app: AppDefinition,
  form: FormName,
  state: NonNullable<Forms[FormName]>,
  status: number,
  error?: AppError,
) {
  return redirectWithFlash(c, pagePath(app), form, state, status, error)
}

export const newConnectionPages = new Hono<AppEnv>()
  .get('/new', validate('query', appSearchQuery), async (c) => {
    const deps = depsFor(c)
    const filter = c.req.valid('query')
    const available = await availabilityIn(deps, c.get('owner').workspaceId)
    const catalog = listedApps(deps.config)
    const apps = filterApps(catalog, filter)
      .map((app) => ({ app, available: available(app) }))
      // Usable apps first; the catalog's own order within each group (sort is stable).
      .sort((a, b) => Number(b.available) - Number(a.available))
    return c.html(
      renderPage(
        <AppPickerPage owner={ownerView(c.get('owner'))} apps={apps} catalog={catalog} query={filter.q ?? ''} category={filter.category} />,
      ),
    )
  })
  .get('/new/:appId', validate('param', appIdParam), async (c) => {
    const deps = depsFor(c)
    const app = pageApp(deps, c.req.valid('param').appId)
    const flash = await takeFlash<Forms[FormName]>(c)
    allowProviderRedirect(c, deps, app)
    const forms: Forms = { link: flashFor(flash, 'link'), direct: flashFor(flash, 'direct') }
    return flashed(
      c.html(renderPage(<NewConnectionPage owner={ownerView(c.get('owner'))} app={app} {...forms} />), (flash?.status ?? 200) as 200),
      flash,
    )
  })
  .post('/new/:appId/link', validate('param', appIdParam), async (c) => {
    const deps = depsFor(c)
    const app = pageApp(deps, c.req.valid('param').appId)
    const form = await readForm(c)
    const parsed = parseForm(linkForm, form, formMessages)
    if (!parsed.ok) return refuse(c, app, 'link', { values: keptValues(app, form), errors: parsed.errors }, 400)
    try {
      const { connection } = await requestConnectionViaLink(
        deps,
        c.get('owner'),
        {
          appId: app.id,
          name: parsed.data.connectionName,
          expiresInMinutes: parsed.data.expiresInMinutes,
          locale: parsed.data.locale,
          returnUrl: parsed.data.returnUrl,
        },
        Date.now(),
      )
      return c.redirect(connectionHref(connection.connection.id, '/link?new=1'), 303)
    } catch (error) {
      // The only service refusal of a well-formed form is the return address failing the URL policy.
      if (error instanceof AppError && error.code === 'invalid_request') {
        return refuse(c, app, 'link', { values: keptValues(app, form), errors: { returnUrl: error.message } }, error.status, error)
      }
      if (!isQuotaError(error)) throw error
      return refuse(c, app, 'link', { values: keptValues(app, form), error: error.message }, error.status, error)
    }
  })
  .post('/new/:appId/direct', validate('param', appIdParam), async (c) => {
    const deps = depsFor(c)
    const app = pageApp(deps, c.req.valid('param').appId)
    const form = await readForm(c)
    const parsed = parseForm(nameForm, form, formMessages)
    if (!parsed.ok) return refuse(c, app, 'direct', { values: keptValues(app, form), errors: parsed.errors }, 400)
    try {
      const credentials = credentialsFromFields(app, form)
      const created = await createDirectConnection(
        deps,
        c.get('owner'),
        { appId: app.id, name: parsed.data.connectionName, credentials },
        Date.now(),
      )
      return c.redirect(`/connections?created=${encodeURIComponent(created.connection.id)}`, 303)
    } catch (error) {
      if (!isCredentialFormError(error) && !isQuotaError(error)) throw error
      const direct = { values: keptValues(app, form), errors: fieldErrorsOf(error), error: error.message }
      return refuse(c, app, 'direct', direct, error.status, error)
    }
  })
  .post('/new/:appId/oauth', validate('param', appIdParam), async (c) => {
    const deps = depsFor(c)
    const app = pageApp(deps, c.req.valid('param').appId)
    const form = await readForm(c)
    const parsed = parseForm(nameForm, form, formMessages)
    if (!parsed.ok) return refuse(c, app, 'direct', { values: keptValues(app, form), errors: parsed.errors }, 400)
    try {
      await requireRoomForConnection(deps, c.get('owner'))
    } catch (error) {
      if (!isQuotaError(error)) throw error
      return refuse(c, app, 'direct', { values: keptValues(app, form), error: error.message }, error.status, error)
    }
    const purpose = { kind: 'owner', workspaceId: c.get('owner').workspaceId, connectionName: parsed.data.connectionName } as const
    try {
      return await redirectToOwnerSignIn(c, deps, app, purpose, form)
    } catch (error) {
      // A pre-authorize value (a Shopify store) that is not a host label.
      if (!(error instanceof AppError) || error.code !== 'invalid_credentials') throw error
      const direct = { values: keptValues(app, form), errors: fieldErrorsOf(error), error: error.message }
      return refuse(c, app, 'direct', direct, error.status, error)
    }
  })
