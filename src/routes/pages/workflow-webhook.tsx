import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../http/context'
import { depsFor } from '../../http/deps'
import { type RevealCookie, setRevealCookie, takeRevealCookie } from '../../http/reveal-cookie'
import { validate } from '../../http/validate'
import type { Deps } from '../../services/deps'
import {
  createWebhookSecret,
  openSecretReveal,
  removeWebhookSecret,
  rotateWebhook,
  SECRET_REVEAL_MS,
  sealSecretReveal,
} from '../../services/workflows/webhook-controls'
import { workflowHref } from '../../views/pages/workflows/types'
import { idParam } from './schemas'

/**
 * The secret is shown once after POST-then-redirect: it travels in a short-lived HttpOnly
 * cookie scoped to the workflow's page, sealed, and is cleared by the page that shows it;
 * never in a URL.
 */
const REVEAL_COOKIE: RevealCookie = { name: 'tether_webhook_secret', lifetimeMs: SECRET_REVEAL_MS }

/** The just-created secret, once: the cookie is cleared in the same answer. */
export async function takeRevealedSecret(c: Context<AppEnv>, deps: Deps, id: string): Promise<string | null> {
  const value = takeRevealCookie(c, REVEAL_COOKIE, workflowHref(id))
  if (value === undefined) return null
  return openSecretReveal(deps, id, value, Date.now())
}

export const workflowWebhookPages = new Hono<AppEnv>()
  .post('/rotate', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    await rotateWebhook(depsFor(c), c.get('owner'), id, Date.now())
    return c.redirect(workflowHref(id, '?done=webhook-rotated'), 303)
  })
  .post('/secret', validate('param', idParam), async (c) => {
    const deps = depsFor(c)
    const { id } = c.req.valid('param')
    const now = Date.now()
    const { secret } = await createWebhookSecret(deps, c.get('owner'), id, now)
    setRevealCookie(c, REVEAL_COOKIE, workflowHref(id), await sealSecretReveal(deps, id, secret, now))
    return c.redirect(workflowHref(id, '?done=secret-created'), 303)
  })
  .post('/secret/delete', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    await removeWebhookSecret(depsFor(c), c.get('owner'), id, Date.now())
    return c.redirect(workflowHref(id, '?done=secret-removed'), 303)
  })
