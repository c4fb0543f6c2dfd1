import { callApp } from './call'
import { idField, requireString, stringField } from './http'
import type { AppDefinition, Field } from './types'

// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant (per shop:
// https://{shop}.myshopify.com/admin/oauth/authorize, then POST .../admin/oauth/access_token with client_id, client_secret and
// code; comma-separated scopes; no PKCE; an offline token that does not expire) and
// https://shopify.dev/docs/api/admin-rest/latest/resources/shop (GET shop.json with X-Shopify-Access-Token: shop.id, name).
const SHOP_ADMIN = 'https://{shop}.myshopify.com/admin'

const SHOP: Field = {
  key: 'shop',
  label: 'Shopify store',
  secret: false,
  type: 'subdomain',
  placeholder: 'your-store',
  help: 'The first part of your store’s admin address: your-store for your-store.myshopify.com.',
}

export const shopify: AppDefinition = {
  id: 'shopify',
  name: 'Shopify',
  iconUrl: '/icons/shopify.svg',
  category: 'commerce',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'SHOPIFY',
    providerName: 'Shopify',
    scopes: ['read_products', 'read_orders'],
    scopeDescriptions: ['See your products', 'See your orders'],
    scopeSeparator: ',',
    clientAuth: 'body',
    pkce: false,
    preAuthorizeFields: [SHOP],
  },
  credentialPlacement: { in: 'header', name: 'X-Shopify-Access-Token', field: 'accessToken' },
  defaultEndpoints: {
    authorizeUrl: `${SHOP_ADMIN}/oauth/authorize`,
    tokenUrl: `${SHOP_ADMIN}/oauth/access_token`,
    apiBaseUrl: `${SHOP_ADMIN}/api/2025-01`,
  },
  async verify(ctx, credentials) {
    const { body } = await callApp(shopify, ctx, credentials, '/shop.json')
    const label = stringField(body, 'shop', 'name') ?? requireString(ctx, body, 'shop', 'myshopify_domain')
    return { label, id: idField(body, 'shop', 'id') }
  },
  actions: [],
  translations: {
    es: {
      fields: {
        shop: { label: 'Tienda de Shopify', help: 'La primera parte de la dirección de tu tienda: tu-tienda en tu-tienda.myshopify.com.' },
      },
    },
    fr: {
      fields: {
        shop: { label: 'Boutique Shopify', help: 'Le début de l’adresse de votre boutique : ma-boutique pour ma-boutique.myshopify.com.' },
      },
    },
    de: {
      fields: { shop: { label: 'Shopify-Shop', help: 'Der erste Teil der Adresse Ihres Shops: mein-shop für mein-shop.myshopify.com.' } },
    },
    'pt-BR': {
      fields: {
        shop: { label: 'Loja Shopify', help: 'A primeira parte do endereço da sua loja: minha-loja em minha-loja.myshopify.com.' },
      },
    },
    it: {
      fields: {
        shop: {
          label: 'Negozio Shopify',
          help: 'La prima parte dell’indirizzo del tuo negozio: mio-negozio per mio-negozio.myshopify.com.',
        },
      },
    },
    nl: {
      fields: {
        shop: { label: 'Shopify-winkel', help: 'Het eerste deel van het adres van je winkel: mijn-winkel voor mijn-winkel.myshopify.com.' },
      },
    },
    ja: {
      fields: {
        shop: { label: 'Shopify ストア', help: 'ストアの管理画面アドレスの最初の部分です（your-store.myshopify.com なら your-store）。' },
      },
    },
  },
}
