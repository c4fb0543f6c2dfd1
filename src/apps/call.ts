import { type CallInit, type CallOptions, callJson, type UpstreamJson } from './http'
import { apiBaseUrlFor, injectCredentials } from './placement'
import { clientCredentialsToken } from './oauth'
import type { AppContext, AppDefinition, Credentials } from './types'

/** An API call of a declared app: `path` under its API base URL, placeholders filled (see callAppAt). */
export async function callApp(
  app: AppDefinition,
  ctx: AppContext,
  credentials: Credentials,
  path: string,
  init: CallInit = {},
  options: CallOptions = {},
): Promise<UpstreamJson> {
  return callAppAt(app, ctx, credentials, `${apiBaseUrlFor(app, ctx, credentials)}${path}`, init, options)
}

/**
 * A call to `url` with the credentials put where the app declares. Client-credentials apps first buy an access
 * token with the client's own id and secret.
 */
export async function callAppAt(
  app: AppDefinition,
  ctx: AppContext,
  credentials: Credentials,
  url: string,
  init: CallInit = {},
  options: CallOptions = {},
): Promise<UpstreamJson> {
  const usable = app.clientCredentials ? { ...credentials, accessToken: await clientCredentialsToken(app, ctx, credentials) } : credentials
  const injected = injectCredentials(app, usable, url, init.headers)
  return callJson(ctx, injected.url, { ...init, headers: injected.headers }, options)
}
