import { AppError } from '../domain/errors'
import { credentialValue, optionalInput, requiredInput } from './fields'
import { basicAuth, callJson, idField, requireString, stringField } from './http'
import type { AppContext, AppDefinition, Credentials, Field } from './types'

const SITE_URL: Field = { key: 'siteUrl', label: 'Site address', secret: false, type: 'url', placeholder: 'https://example.com' }
const USERNAME: Field = { key: 'username', label: 'Username', secret: false }
const APPLICATION_PASSWORD: Field = {
  key: 'applicationPassword',
  label: 'Application password',
  secret: true,
  help: 'Create one in WordPress under Users → Profile → Application Passwords. Your normal password will not work.',
}

const TITLE: Field = { key: 'title', label: 'Title', secret: false }
const CONTENT: Field = { key: 'content', label: 'Content', secret: false, type: 'textarea', help: 'Text or HTML.' }
const STATUS: Field = {
  key: 'status',
  label: 'Status',
  secret: false,
  optional: true,
  placeholder: 'draft',
  help: 'draft, publish, pending or private. Default: draft.',
}
const STATUSES = new Set(['draft', 'publish', 'pending', 'private'])

export const wordpress: AppDefinition = {
  id: 'wordpress',
  name: 'WordPress',
  iconUrl: '/icons/wordpress.svg',
  category: 'marketing',
  authType: 'basic',
  fields: [SITE_URL, USERNAME, APPLICATION_PASSWORD],
  // Every client has their own site: the API lives at the Site address they enter.
  defaultEndpoints: { apiBaseUrl: '' },
  requestAuth: { kind: 'basic', username: { field: USERNAME.key }, passwordField: APPLICATION_PASSWORD.key },
  apiBaseFor: (ctx, credentials) => `${siteBase(ctx, credentials)}/wp-json`,
  async verify(ctx, credentials) {
    const site = siteBase(ctx, credentials)
    const { body } = await callJson(ctx, `${site}/wp-json/wp/v2/users/me`, { headers: authHeaders(credentials) })
    const userId = idField(body, 'id')
    return { label: `${requireString(ctx, body, 'name')} on ${new URL(site).host}`, ...(userId ? { id: `${site}#${userId}` } : {}) }
  },
  actions: [
    {
      id: 'create-post',
      name: 'Create post',
      fields: [TITLE, CONTENT, STATUS],
      async run(ctx, credentials, input) {
        const status = optionalInput(input, STATUS) ?? 'draft'
        if (!STATUSES.has(status)) throw new AppError('invalid_request', 'Status must be draft, publish, pending or private.')
        const response = await callJson(ctx, `${siteBase(ctx, credentials)}/wp-json/wp/v2/posts`, {
          method: 'POST',
          headers: authHeaders(credentials),
          json: { title: requiredInput(input, TITLE), content: requiredInput(input, CONTENT), status },
        })
        return {
          upstreamStatus: response.status,
          output: {
            postId: idField(response.body, 'id') ?? null,
            url: stringField(response.body, 'link') ?? null,
            status: stringField(response.body, 'status') ?? status,
          },
        }
      },
    },
  ],
}

/** The client's site, checked on every call since it is user input; a trailing slash or query is dropped. */
function siteBase(ctx: AppContext, credentials: Credentials): string {
  const url = ctx.assertPublicUrl(credentialValue(credentials, SITE_URL))
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function authHeaders(credentials: Credentials): Record<string, string> {
  return { authorization: basicAuth(credentialValue(credentials, USERNAME), credentialValue(credentials, APPLICATION_PASSWORD)) }
}
