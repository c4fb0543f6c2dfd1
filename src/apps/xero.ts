import { callApp } from './call'
import { field, idField, requireString } from './http'
import type { AppDefinition } from './types'

// https://developer.xero.com/documentation/guides/oauth2/auth-flow/ (authorize, token with Basic client auth, revocation)
// and .../guides/oauth2/tenants/ (GET https://api.xero.com/connections lists the tenants the sign-in connected, each
// `tenantId` sent as the xero-tenant-id header of every API call).
const XERO_IDENTITY = 'https://identity.xero.com/connect'
const XERO_API = 'https://api.xero.com/api.xro/2.0'

export const xero: AppDefinition = {
  id: 'xero',
  name: 'Xero',
  iconUrl: '/icons/xero.svg',
  category: 'finance',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'XERO',
    providerName: 'Xero',
    scopes: ['openid', 'profile', 'email', 'accounting.settings.read', 'accounting.contacts', 'offline_access'],
    scopeDescriptions: [
      'Confirm who you are on Xero',
      'See your name',
      'See your email address',
      'See your organisation’s name and settings',
      'See and add contacts',
      'Stay connected without asking you to sign in again',
    ],
    revocation: 'rfc7009',
    resourceLookup: {
      key: 'tenantId',
      label: 'Organisation',
      type: 'text',
      idField: 'tenantId',
      nameField: 'tenantName',
      header: 'xero-tenant-id',
    },
  },
  // Sent the generic way, so the tenant header goes with the token on the proxy's calls too.
  credentialPlacement: { in: 'bearer', field: 'accessToken' },
  defaultEndpoints: {
    authorizeUrl: 'https://login.xero.com/identity/connect/authorize',
    tokenUrl: `${XERO_IDENTITY}/token`,
    revokeUrl: `${XERO_IDENTITY}/revocation`,
    resourcesUrl: 'https://api.xero.com/connections',
    apiBaseUrl: XERO_API,
  },
  // https://developer.xero.com/documentation/api/accounting/organisation (Organisations[0]: OrganisationID, Name).
  async verify(ctx, credentials) {
    const { body } = await callApp(xero, ctx, credentials, '/Organisation', { headers: { accept: 'application/json' } })
    const organisations = field(body, 'Organisations')
    const organisation: unknown = Array.isArray(organisations) ? organisations[0] : undefined
    return { label: requireString(ctx, organisation, 'Name'), id: idField(organisation, 'OrganisationID') }
  },
  actions: [],
}
