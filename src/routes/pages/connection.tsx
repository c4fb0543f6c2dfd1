import { CURSOR_MAX } from '../../domain/limits'
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../http/context'
import { isCredentialFormError, isQuotaError } from '../../http/errors'
import { flashed, redirectWithFlash, takeFlash } from '../../http/form-flash'
import { validate } from '../../http/validate'
import { deleteConnection, replaceCredentials } from '../../services/connections'
import { credentialsFromFields } from '../../services/credentials'
import { checkConnectionNow } from '../../services/health/check'
import type { Deps } from '../../services/deps'
import { publicEvent } from '../../services/public-shapes'
import { renderPage } from '../../views/render'
import { ConnectionDetailsPage, type ConnectionDetailsProps } from '../../views/pages/dashboard/connection-details'
import { DeleteConnectionPage } from '../../views/pages/dashboard/delete-connection'
import { connectionHref } from '../../views/pages/dashboard/paths'
import { allowProviderRedirect } from '../connect'
import { fieldErrorsOf, readForm } from './forms'
import { redirectToOwnerSignIn } from './oauth'
import { idParam } from './schemas'
import { connectionView, ownerView } from './view-models'
import { depsFor } from '../../http/deps'
import { viewerTimeZone } from '../../http/viewer'
import { eventsOf, requireApp, requireConnection } from '../../services/access'
import { workflowsUsing } from '../../services/workflows/definitions'

type DetailsExtras = Pick<ConnectionDetailsProps, 'update' | 'notice'>

async function showDetails(c: Context<AppEnv>, deps: Deps, id: string, extras: DetailsExtras, status = 200): Promise<Response> {
  const owner = c.get('owner')
  const now = Date.now()
  const timeZone = viewerTimeZone(c)
  const view = connectionView(await requireConnection(deps, owner, id), now, timeZone)
  const eventsCursor = c.req.query('events')
  const events = await eventsOf(deps, owner, id, { cursor: eventsCursor && eventsCursor.length <= CURSOR_MAX ? eventsCursor : undefined })
  if (view.app) allowProviderRedirect(c, deps, view.app)
  const activity = { events: events.items.map(publicEvent), nextCursor: events.nextCursor, paged: Boolean(eventsCursor) }
  return c.html(
    renderPage(<ConnectionDetailsPage owner={ownerView(owner)} view={view} activity={activity} now={now} {...extras} />, timeZone),
    status as 200,
  )
}

export const connectionPages = new Hono<AppEnv>()
  .get('/:id', validate('param', idParam), async (c) => {
    const flash = await takeFlash<DetailsExtras['update']>(c)
    if (flash) return flashed(await showDetails(c, depsFor(c), c.req.valid('param').id, { update: flash.state }, flash.status), flash)
    const notice = c.req.query('updated') === '1' ? 'updated' : c.req.query('checked') === '1' ? 'checked' : null
    return showDetails(c, depsFor(c), c.req.valid('param').id, { notice })
  })
  .post('/:id/check', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    await checkConnectionNow(depsFor(c), c.get('owner'), id, Date.now())
    return c.redirect(connectionHref(id, '?checked=1'), 303)
  })
  .post('/:id/credentials', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const { id } = c.req.valid('param')
    const { connection } = await requireConnection(deps, c.get('owner'), id)
    const app = requireApp(deps, connection.appId)
    const form = await readForm(c)
    try {
      await replaceCredentials(deps, c.get('owner'), id, credentialsFromFields(app, form), Date.now(), form.allowAccountChange === '1')
      return c.redirect(connectionHref(id, '?updated=1'), 303)
    } catch (error) {
      if (!isCredentialFormError(error) && !isQuotaError(error)) throw error
      const values = Object.fromEntries(app.fields.filter((f) => !f.secret).map((f) => [f.key, form[f.key] ?? '']))
      const update = { values, errors: fieldErrorsOf(error), error: error.message }
      return redirectWithFlash(c, connectionHref(id), 'update', update, error.status, error)
    }
  })
  .post('/:id/oauth', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const owner = c.get('owner')
    const { connection } = await requireConnection(deps, owner, c.req.valid('param').id)
    const app = requireApp(deps, connection.appId)
    return redirectToOwnerSignIn(c, deps, app, {
      kind: 'owner',
      workspaceId: owner.workspaceId,
      connectionName: connection.name,
      connectionId: connection.id,
    })
  })
  .get('/:id/delete', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const found = await requireConnection(deps, c.get('owner'), c.req.valid('param').id)
    const workflows = await workflowsUsing(deps, c.get('owner'), found.connection.id)
    return c.html(
      renderPage(<DeleteConnectionPage owner={ownerView(c.get('owner'))} view={connectionView(found, Date.now())} workflows={workflows} />),
    )
  })
  .post('/:id/delete', validate('param', idParam), async (c) => {
    const revocation = await deleteConnection(depsFor(c), c.get('owner'), c.req.valid('param').id, Date.now())
    if (revocation) c.executionCtx.waitUntil(revocation())
    return c.redirect('/connections?deleted=1', 303)
  })
