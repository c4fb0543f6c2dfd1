import { callApp } from './call'
import { idField, requireString, stringField } from './http'
import { createIssueAction } from './jira'
import type { AppDefinition } from './types'

// https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/ (authorize with audience and prompt, a JSON token
// request with the client in the body, no PKCE parameters) and .../oauth/getting-started/making-calls-to-api/ (the sites
// of a token at accessible-resources, each `id` the cloud id in https://api.atlassian.com/ex/jira/{cloudId}).
const ATLASSIAN_AUTH = 'https://auth.atlassian.com'
const JIRA_GATEWAY = 'https://api.atlassian.com/ex/jira/{cloudId}'

export const jiraCloud: AppDefinition = {
  id: 'jira-cloud',
  name: 'Jira (Atlassian sign-in)',
  iconUrl: '/icons/jira-cloud.svg',
  category: 'project-management',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'ATLASSIAN',
    providerName: 'Atlassian',
    scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user', 'read:me', 'offline_access'],
    scopeDescriptions: [
      'See your Jira projects and issues',
      'Create and edit issues',
      'See the people in your Jira site',
      'See your name and email address',
      'Stay connected without asking you to sign in again',
    ],
    authorizeParams: { audience: 'api.atlassian.com', prompt: 'consent' },
    clientAuth: 'body',
    tokenRequest: 'json',
    pkce: false,
    resourceLookup: { key: 'cloudId', label: 'Jira site', type: 'text', idField: 'id', nameField: 'url' },
  },
  defaultEndpoints: {
    authorizeUrl: `${ATLASSIAN_AUTH}/authorize`,
    tokenUrl: `${ATLASSIAN_AUTH}/oauth/token`,
    resourcesUrl: 'https://api.atlassian.com/oauth/token/accessible-resources',
    apiBaseUrl: JIRA_GATEWAY,
  },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/ (accountId, emailAddress, displayName).
  async verify(ctx, credentials) {
    const { body } = await callApp(jiraCloud, ctx, credentials, '/rest/api/3/myself')
    const label = stringField(body, 'emailAddress') ?? requireString(ctx, body, 'displayName')
    return { label, id: idField(body, 'accountId') }
  },
  actions: [createIssueAction(() => jiraCloud)],
}
