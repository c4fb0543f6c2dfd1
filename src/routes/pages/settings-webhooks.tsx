import { type Context, Hono } from 'hono'
import { AppError } from '../../domain/errors'
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhook-events'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { flashed, redirectWithFlash, takeFlash } from '../../http/form-flash'
import { setWebhookSecretCookie, takeWebhookSecretCookie } from '../../http/webhook-secret-cookie'
import {
  createEndpoint,
  deliveriesOf,
  endpointsOfOwner,
  openEndpointSecretReveal,
  removeEndpoint,
  resendDelivery,
  rotateEndpointSecret,
  SECRET_REVEAL_MS,
  sealEndpointSecretReveal,
} from '../../services/webhooks/endpoints'
import { WebhooksPage } from '../../views/pages/dashboard/webhooks'
import type { FormState } from '../../views/pages/dashboard/types'
import { renderPage } from '../../views/render'
import { readForm } from './forms'
import { ownerView } from './view-models'

const PAGE = '/settings/webhooks'
/** The page shows each endpoint's latest deliveries; the API gives the whole log. */
const LOG_ON_PAGE = 10

async function showWebhooks(
  c: Context<AppEnv>,
  extras: { form?: FormState; revealed?: { endpointId: string; secret: string } | null },
  status = 200,
) {
  const deps = depsFor(c)
  const owner = c.get('owner')
  const endpoints = await endpointsOfOwner(deps, owner)
  const withLogs = await Promise.all(
    endpoints.map(async (endpoint) => ({ endpoint, deliveries: (await deliveriesOf(deps, owner, endpoint.id)).slice(0, LOG_ON_PAGE) })),
  )
  const page = <WebhooksPage owner={ownerView(owner)} endpoints={withLogs} now={new Date().toISOString()} {...extras} />
  return c.html(renderPage(page), status as 200)
}

export const webhookPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    // A HEAD has no body to show the secret in, so it must not use up the one showing.
    const cookie = c.req.method === 'GET' ? takeWebhookSecretCookie(c) : undefined
    const revealed = cookie ? await openEndpointSecretReveal(depsFor(c), c.get('owner'), cookie, Date.now()) : null
    const flash = await takeFlash<FormState>(c)
    return flashed(await showWebhooks(c, { revealed, form: flash?.state }, flash?.status), flash)
  })
  .post('/', async (c) => {
    const form = await readForm(c)
    const events = WEBHOOK_EVENT_TYPES.filter((type) => form[`event.${type}`] !== undefined)
    const deps = depsFor(c)
    const now = Date.now()
    try {
      const { endpoint, secret } = await createEndpoint(deps, c.get('owner'), { url: form.url ?? '', events }, now, now + SECRET_REVEAL_MS)
      // Post, then redirect: the secret rides a one-time cookie to the page that shows it, so a reload creates nothing.
      setWebhookSecretCookie(c, await sealEndpointSecretReveal(deps, endpoint.id, secret, now))
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid_request' && error.code !== 'quota_exceeded')) throw error
      return redirectWithFlash(c, PAGE, 'endpoint', { values: form, errors: { url: error.message } }, error.status, error)
    }
    return c.redirect(PAGE, 303)
  })
  .post('/:id/rotate-secret', async (c) => {
    const deps = depsFor(c)
    const now = Date.now()
    const { endpoint, secret } = await rotateEndpointSecret(deps, c.get('owner'), c.req.param('id'), now + SECRET_REVEAL_MS)
    setWebhookSecretCookie(c, await sealEndpointSecretReveal(deps, endpoint.id, secret, now))
    return c.redirect(PAGE, 303)
  })
  .post('/:id/delete', async (c) => {
    await removeEndpoint(depsFor(c), c.get('owner'), c.req.param('id'))
    return c.redirect(PAGE, 303)
  })
  .post('/:id/deliveries/:deliveryId/resend', async (c) => {
    await resendDelivery(depsFor(c), c.get('owner'), c.req.param('id'), c.req.param('deliveryId'), Date.now())
    return c.redirect(PAGE, 303)
  })
