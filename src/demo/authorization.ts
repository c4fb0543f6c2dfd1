import { oauthClientFor } from '../config'
import { timingSafeEqual } from '../domain/encoding'
import { AppError } from '../domain/errors'
import type { Env } from '../env'
import { type DemoScope, isDemoScope } from './scopes'

/** The one redirect URI the demo client is registered with: Tether's own OAuth callback. */
export const REGISTERED_CALLBACK_PATH = '/connect/oauth/callback'
const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/

export interface AuthorizationRequest {
  clientId: string
  redirectUri: string
  state: string
  codeChallenge: string
  scopes: DemoScope[]
}

export type AuthorizationCheck =
  | { ok: true; request: AuthorizationRequest }
  /** The client and redirect URI are trusted, so the error goes back to the client (RFC 6749 §4.1.2.1). */
  | { ok: false; redirectTo: string }

/**
 * Checks an authorization request (the authorize query, or the consent form's hidden fields).
 * A bad client or redirect URI throws: the browser must not be sent to an unverified address.
 */
export function checkAuthorization(params: Record<string, string | undefined>, env: Env, publicOrigin: string): AuthorizationCheck {
  const client = oauthClientFor(env, 'DEMO')
  if (!client || !params.client_id || !timingSafeEqual(params.client_id, client.clientId)) {
    throw new AppError('invalid_request', 'Demo Docs does not know this application (client_id).')
  }
  const redirectUri = params.redirect_uri ?? ''
  if (redirectUri !== `${publicOrigin}${REGISTERED_CALLBACK_PATH}`) {
    throw new AppError('invalid_request', 'The redirect_uri is not registered for this application.')
  }
  const state = params.state ?? ''
  const refuse = (error: string, description: string) => ({
    ok: false as const,
    redirectTo: errorRedirect(redirectUri, error, state, description),
  })
  if (params.response_type !== 'code') return refuse('unsupported_response_type', 'Only response_type=code is supported.')
  if (!state || state.length > 512) return refuse('invalid_request', 'state is required.')
  if (params.code_challenge_method !== 'S256' || !CODE_CHALLENGE.test(params.code_challenge ?? '')) {
    return refuse('invalid_request', 'PKCE with code_challenge_method=S256 is required.')
  }
  const requested = (params.scope ?? 'profile').split(/[\s,]+/).filter(Boolean)
  if (requested.length === 0 || !requested.every(isDemoScope)) return refuse('invalid_scope', 'Unknown scope requested.')
  return {
    ok: true,
    request: { clientId: client.clientId, redirectUri, state, codeChallenge: params.code_challenge ?? '', scopes: [...new Set(requested)] },
  }
}

export function errorRedirect(redirectUri: string, error: string, state: string, description?: string): string {
  const url = new URL(redirectUri)
  url.searchParams.set('error', error)
  if (description) url.searchParams.set('error_description', description)
  if (state) url.searchParams.set('state', state)
  return url.href
}

export function codeRedirect(redirectUri: string, code: string, state: string): string {
  const url = new URL(redirectUri)
  url.searchParams.set('code', code)
  url.searchParams.set('state', state)
  return url.href
}

/** The form fields that carry the request from the consent page to the decision. */
export function authorizationFields(request: AuthorizationRequest): Record<string, string> {
  return {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    scope: request.scopes.join(' '),
  }
}
