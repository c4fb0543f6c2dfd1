import { requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, tokenAuth } from './rest'
import type { AppContext, AppDefinition, Credentials, Field } from './types'

// https://developers.notion.com/reference/get-self (GET /v1/users/me: the bot, its owner and workspace_name).
const NOTION_AUTHORIZE_URL = 'https://api.notion.com/v1/oauth/authorize'
const NOTION_TOKEN_URL = 'https://api.notion.com/v1/oauth/token'
const NOTION_API = 'https://api.notion.com'
const NOTION_VERSION = '2022-06-28'

const PARENT: Field = {
  key: 'parentPageId',
  label: 'Parent page ID',
  secret: false,
  help: 'Open the page in Notion and copy the 32 characters at the end of its address.',
}
const TITLE: Field = { key: 'title', label: 'Page title', secret: false }

export const notion: AppDefinition = {
  id: 'notion',
  name: 'Notion',
  iconUrl: '/icons/notion.svg',
  category: 'productivity',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'NOTION',
    providerName: 'Notion',
    // Notion has no scopes: the person picks the pages to share on its consent screen.
    scopes: [],
    scopeDescriptions: ['Read and edit only the pages you choose to share with Tether'],
    authorizeParams: { owner: 'user' },
    // https://developers.notion.com/reference/create-a-token: the client in a Basic header, the parameters as JSON.
    tokenRequest: 'json',
  },
  defaultEndpoints: { authorizeUrl: NOTION_AUTHORIZE_URL, tokenUrl: NOTION_TOKEN_URL, apiBaseUrl: NOTION_API },
  async verify(ctx, credentials) {
    const body = await callNotion(ctx, credentials, '/v1/users/me')
    const label =
      stringField(body, 'bot', 'workspace_name') ??
      stringField(body, 'bot', 'owner', 'user', 'person', 'email') ??
      requireString(ctx, body, 'name')
    return { label, id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-page',
      name: 'Create page',
      fields: [PARENT, TITLE],
      async run(ctx, credentials, input) {
        const body = await callNotion(ctx, credentials, '/v1/pages', {
          parent: { page_id: requiredInput(input, PARENT) },
          properties: { title: { title: [{ text: { content: requiredInput(input, TITLE) } }] } },
        })
        return { upstreamStatus: 200, output: { pageId: requireString(ctx, body, 'id'), url: stringField(body, 'url') ?? null } }
      },
    },
  ],
}

async function callNotion(ctx: AppContext, credentials: Credentials, path: string, json?: unknown): Promise<unknown> {
  const headers = { 'notion-version': NOTION_VERSION, ...tokenAuth(credentials) }
  const { body } = await callApi(ctx, headers, path, json === undefined ? {} : { method: 'POST', json })
  return body
}
