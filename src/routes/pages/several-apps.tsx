import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { getApp, listedApps } from '../../apps'
import { AppError } from '../../domain/errors'
import { MAX_REQUEST_ITEMS, MIN_REQUEST_ITEMS } from '../../domain/limits'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { isQuotaError } from '../../http/errors'
import { flashed, flashFor, redirectWithFlash, takeFlash } from '../../http/form-flash'
import { validate } from '../../http/validate'
import { requestConnectionsViaLink } from '../../services/link-lifecycle'
import { linkRequestOf } from '../../services/link-requests'
import { availabilityIn } from '../../services/oauth-apps'
import { publicLinkRequest } from '../../services/public-shapes'
import type { FormState } from '../../views/pages/dashboard/types'
import { SEVERAL_APPS_PATH, SeveralAppsFormPage, SeveralAppsLinkPage } from '../../views/pages/dashboard/several-apps'
import { renderPage } from '../../views/render'
import { fieldErrorsOf, type FormValues, parseForm, readForm } from './forms'
import { expiresInMinutes, formMessages, idParam, linkLocale } from './schemas'
import { ownerView } from './view-models'

const rowsOf = (value: string | undefined) => Math.min(MAX_REQUEST_ITEMS, Math.max(MIN_REQUEST_ITEMS, Number(value) || MIN_REQUEST_ITEMS))
const optionsForm = z.object({ expiresInMinutes, locale: linkLocale })

/** The filled rows (an empty row is left out), each with the row it came from so a refusal lands on its fields. */
function filledRows(form: FormValues, rows: number) {
  const filled: { row: number; appId: string; name: string }[] = []
  const errors: Record<string, string> = {}
  for (let row = 0; row < rows; row++) {
    const appId = form[`appId.${row}`]?.trim() ?? ''
    const name = form[`name.${row}`]?.trim() ?? ''
    if (!appId && !name) continue
    if (!appId) errors[`appId.${row}`] = 'Choose an app.'
    if (!name) errors[`name.${row}`] = formMessages.connectionName
    filled.push({ row, appId, name })
  }
  return { filled, errors }
}

/** A service refusal names `items.<n>.<field>`: the n-th filled row. */
function rowErrors(error: AppError, filled: { row: number }[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrorsOf(error)).map(([path, message]) => {
      const [, index, field] = path.split('.')
      const row = filled[Number(index)]?.row
      return [row === undefined || !field ? path : `${field}.${row}`, message]
    }),
  )
}

function refuse(c: Context<AppEnv>, rows: number, state: FormState, status: number, error?: AppError) {
  return redirectWithFlash(c, `${SEVERAL_APPS_PATH}?rows=${rows}`, 'several', state, status, error)
}

/** The dashboard's "Request several apps": the same request as POST /api/v1/link-requests, then its link's page. */
export const severalAppsPages = new Hono<AppEnv>()
  .get('/several', async (c) => {
    const deps = depsFor(c)
    const available = await availabilityIn(deps, c.get('owner').workspaceId)
    const flash = await takeFlash<FormState>(c)
    const state = flashFor<FormState>(flash, 'several')
    const page = (
      <SeveralAppsFormPage
        owner={ownerView(c.get('owner'))}
        apps={listedApps(deps.config).filter(available)}
        rows={rowsOf(c.req.query('rows'))}
        state={state}
      />
    )
    return flashed(c.html(renderPage(page), (flash?.status ?? 200) as 200), flash)
  })
  .post('/several', async (c) => {
    const form = await readForm(c)
    const rows = rowsOf(form.rows)
    const options = parseForm(optionsForm, form, formMessages)
    const { filled, errors } = filledRows(form, rows)
    const values = form
    if (!options.ok || Object.keys(errors).length > 0) {
      return refuse(c, rows, { values, errors: { ...errors, ...(options.ok ? {} : options.errors) } }, 400)
    }
    if (filled.length < MIN_REQUEST_ITEMS) return refuse(c, rows, { values, error: `Choose at least ${MIN_REQUEST_ITEMS} apps.` }, 400)
    try {
      const created = await requestConnectionsViaLink(
        depsFor(c),
        c.get('owner'),
        { items: filled.map(({ appId, name }) => ({ appId, name })), ...options.data },
        Date.now(),
      )
      return c.redirect(`${SEVERAL_APPS_PATH}/${encodeURIComponent(created.request.id)}`, 303)
    } catch (error) {
      const shown = error instanceof AppError && (error.code === 'invalid_request' || error.code === 'app_unavailable')
      if (!shown && !isQuotaError(error)) throw error
      return refuse(c, rows, { values, error: error.message, errors: rowErrors(error, filled) }, error.status, error)
    }
  })
  .get('/several/:id', validate('param', idParam), async (c) => {
    const now = Date.now()
    const view = await linkRequestOf(depsFor(c), c.get('owner'), c.req.valid('param').id, now)
    const appName = (appId: string) => getApp(appId)?.name ?? appId
    return c.html(
      renderPage(<SeveralAppsLinkPage owner={ownerView(c.get('owner'))} request={publicLinkRequest(view, now)} appName={appName} />),
    )
  })
