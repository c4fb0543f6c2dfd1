import { Hono } from 'hono'
import { idParam } from '../../api-schemas/common'
import { createWebhookEndpointSchema, deliveryParams } from '../../api-schemas/webhook-endpoints'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { requireOwner } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import {
  createEndpoint,
  deliveriesOf,
  endpointsOfOwner,
  removeEndpoint,
  requireEndpoint,
  resendDelivery,
  rotateEndpointSecret,
} from '../../services/webhooks/endpoints'

/** Lifecycle webhooks to the owner's systems; the secret is in the create and rotate answers only (every /api answer is no-store). */
export const webhookEndpointsApi = new Hono<AppEnv>()
  .use(requireOwner)
  .get('/', async (c) => c.json({ endpoints: await endpointsOfOwner(depsFor(c), c.get('owner')) }))
  .post('/', validate('json', createWebhookEndpointSchema), async (c) => {
    const { endpoint, secret } = await createEndpoint(depsFor(c), c.get('owner'), c.req.valid('json'), Date.now())
    return c.json({ endpoint: { ...endpoint, secret } }, 201)
  })
  .get('/:id', validate('param', idParam), async (c) =>
    c.json({ endpoint: await requireEndpoint(depsFor(c), c.get('owner'), c.req.valid('param').id) }),
  )
  .delete('/:id', validate('param', idParam), async (c) => {
    await removeEndpoint(depsFor(c), c.get('owner'), c.req.valid('param').id)
    return c.body(null, 204)
  })
  .post('/:id/rotate-secret', validate('param', idParam), async (c) => {
    const { endpoint, secret } = await rotateEndpointSecret(depsFor(c), c.get('owner'), c.req.valid('param').id)
    return c.json({ endpoint: { ...endpoint, secret } })
  })
  .get('/:id/deliveries', validate('param', idParam), async (c) =>
    c.json({ deliveries: await deliveriesOf(depsFor(c), c.get('owner'), c.req.valid('param').id) }),
  )
  .post('/:id/deliveries/:deliveryId/resend', validate('param', deliveryParams), async (c) => {
    const { id, deliveryId } = c.req.valid('param')
    return c.json({ delivery: await resendDelivery(depsFor(c), c.get('owner'), id, deliveryId, Date.now()) }, 202)
  })
