import { accessTokenOf } from './fields'
import { bearer, callJson, idField, requireString } from './http'
import type { AppContext, Credentials, Endpoints, OAuthSpec, VerifiedAccount } from './types'

/** Shared by Google Docs, Google Sheets and Gmail: one Google sign-in, different API hosts. */
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth'
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token'
export const GOOGLE_USERINFO_URL = 'https://openidconnect.googleapis.com/v1/userinfo'
/** https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke */
export const GOOGLE_REVOKE_URL = 'https://oauth2.googleapis.com/revoke'

export function googleOAuth(scopes: string[], scopeDescriptions: string[]): OAuthSpec {
  return {
    provider: 'GOOGLE',
    providerName: 'Google',
    scopes: ['openid', 'email', ...scopes],
    scopeDescriptions: ['See your email address', ...scopeDescriptions],
    // Without both, Google sends a refresh token only on the very first consent.
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
    revocation: 'token_only',
  }
}

export function googleEndpoints(apiBaseUrl: string): Endpoints & { apiBaseUrl: string } {
  return {
    authorizeUrl: GOOGLE_AUTHORIZE_URL,
    tokenUrl: GOOGLE_TOKEN_URL,
    userinfoUrl: GOOGLE_USERINFO_URL,
    revokeUrl: GOOGLE_REVOKE_URL,
    apiBaseUrl,
  }
}

export async function verifyGoogleAccount(ctx: AppContext, credentials: Credentials): Promise<VerifiedAccount> {
  const { body } = await callJson(ctx, ctx.endpoints.userinfoUrl ?? GOOGLE_USERINFO_URL, {
    headers: { authorization: bearer(accessTokenOf(credentials)) },
  })
  return { label: requireString(ctx, body, 'email'), id: idField(body, 'sub') }
}

/** POSTs JSON to a Google API with the connection's access token. */
export function postToGoogle(ctx: AppContext, credentials: Credentials, url: string, json: unknown) {
  return callJson(ctx, url, { method: 'POST', headers: { authorization: bearer(accessTokenOf(credentials)) }, json })
}
