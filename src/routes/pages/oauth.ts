import type { Context } from 'hono'
import type { AppDefinition } from '../../apps/types'
import type { AppEnv } from '../../http/context'
import type { Deps } from '../../services/deps'
import { startOAuth, type OAuthPurpose } from '../../services/oauth-flow'
import { setStateCookie } from '../connect'

/** Owner's own sign-in: the callback at /connect/oauth/callback brings them back to /connections. */
export async function redirectToOwnerSignIn(
  c: Context<AppEnv>,
  deps: Deps,
  app: AppDefinition,
  purpose: Extract<OAuthPurpose, { kind: 'owner' }>,
  /** The form's values, for the app's pre-authorize fields (a Shopify store). */
  typed: Record<string, unknown> = {},
): Promise<Response> {
  const { url, state } = await startOAuth(deps, app, purpose, Date.now(), typed)
  setStateCookie(c, state)
  return c.redirect(url.toString(), 302)
}
