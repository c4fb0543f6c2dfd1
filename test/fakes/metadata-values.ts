/** Values the metadata fakes (./metadata-apps.ts) answer with, for the tests that check what was kept. */
export const ATLASSIAN_CLIENT = { id: 'atlassian-client', secret: 'atlassian-secret' }
export const XERO_CLIENT = { id: 'xero-client', secret: 'xero-secret' }
export const SHOPIFY_CLIENT = { id: 'shopify-client', secret: 'shopify-secret' }
export const ZOOM_S2S_CLIENT = { id: 'zoom-client', account: 'zoom-account' }
export const CLOUD_IDS = ['1324a887-45db-1bf4-1e99-ef0ff456d421', '2435b998-56ec-2cg5-2f00-fg1gg567e532']
export const TENANT_IDS = ['45e4708e-d862-4111-ab3a-dd8cd03913e1', '07b6b6f2-8b5c-4a4b-9d1f-a8f5e0d5b0c2']
/** The `tid` Microsoft puts in id tokens of personal accounts. */
export const MICROSOFT_TID = '9188040d-6c67-4c5b-b112-36a304b66dad'
