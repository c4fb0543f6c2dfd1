import { idField, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppContext, Credentials, Endpoints, OAuthSpec, VerifiedAccount } from './types'

/** Shared by Outlook and Teams: one Microsoft sign-in (any work, school or personal account), Graph as the API. */
// https://learn.microsoft.com/en-us/graph/api/user-get (GET /me: id, displayName, mail, userPrincipalName).
const MICROSOFT_AUTHORIZE_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize'
const MICROSOFT_TOKEN_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/token'
export const GRAPH_API = 'https://graph.microsoft.com/v1.0'

export function microsoftOAuth(scopes: string[], scopeDescriptions: string[]): OAuthSpec {
  return {
    provider: 'MICROSOFT',
    providerName: 'Microsoft',
    scopes: ['openid', 'offline_access', 'User.Read', ...scopes],
    scopeDescriptions: [
      'Confirm who you are and which organization your account belongs to',
      'Stay connected without asking you to sign in again',
      'See your name and email address',
      ...scopeDescriptions,
    ],
    clientAuth: 'body',
    // https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference (`tid`: the tenant the account
    // signed in from; 9188040d-6c67-4c5b-b112-36a304b66dad for personal Microsoft accounts). Sign-in goes through the
    // `common` tenant; an operator that serves one organization sets its tenant in APP_ENDPOINTS' authorize and token URLs.
    tokenMetadata: [{ key: 'tenantId', label: 'Microsoft tenant', path: ['tid'], from: 'id_token', type: 'text' }],
  }
}

export const microsoftEndpoints: Endpoints & { apiBaseUrl: string } = {
  authorizeUrl: MICROSOFT_AUTHORIZE_URL,
  tokenUrl: MICROSOFT_TOKEN_URL,
  apiBaseUrl: GRAPH_API,
}

export async function verifyMicrosoftAccount(ctx: AppContext, credentials: Credentials): Promise<VerifiedAccount> {
  const { body } = await callApi(ctx, tokenAuth(credentials), '/me')
  const label = stringField(body, 'mail') ?? stringField(body, 'userPrincipalName') ?? requireString(ctx, body, 'displayName')
  return { label, id: idField(body, 'id') }
}
