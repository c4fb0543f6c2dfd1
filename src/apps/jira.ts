import { requiredInput } from './fields'
import { callApp } from './call'
import { idField, requireString, stringField } from './http'
import type { Action, AppDefinition, Field } from './types'

// https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/ and .../rest/v3/api-group-myself/
const JIRA_API = 'https://{site}.atlassian.net'

const SITE: Field = {
  key: 'site',
  label: 'Jira site',
  secret: false,
  type: 'subdomain',
  placeholder: 'your-team',
  help: 'The first part of your Jira address: your-team for your-team.atlassian.net.',
}
const EMAIL: Field = { key: 'email', label: 'Atlassian account email', secret: false, type: 'email' }
const API_TOKEN: Field = {
  key: 'apiToken',
  label: 'API token',
  secret: true,
  help: 'Create one at id.atlassian.com → Security → API tokens. Your password will not work.',
}

const PROJECT: Field = { key: 'projectKey', label: 'Project key', secret: false, placeholder: 'PROJ' }
const SUMMARY: Field = { key: 'summary', label: 'Summary', secret: false }
const ISSUE_TYPE: Field = { key: 'issueType', label: 'Issue type', secret: false, optional: true, placeholder: 'Task' }

export const jira: AppDefinition = {
  id: 'jira',
  name: 'Jira',
  iconUrl: '/icons/jira.svg',
  category: 'project-management',
  authType: 'basic',
  fields: [SITE, EMAIL, API_TOKEN],
  credentialPlacement: { in: 'basic', username: EMAIL.key, password: API_TOKEN.key },
  defaultEndpoints: { apiBaseUrl: JIRA_API },
  async verify(ctx, credentials) {
    const { body } = await callApp(jira, ctx, credentials, '/rest/api/3/myself')
    const label = stringField(body, 'emailAddress') ?? requireString(ctx, body, 'displayName')
    return { label, id: idField(body, 'accountId') }
  },
  actions: [createIssueAction(() => jira)],
}

/** Jira's REST API is the same under a site address (API token) and under Atlassian's gateway (jira-cloud.ts). */
export function createIssueAction(app: () => AppDefinition): Action {
  return {
    id: 'create-issue',
    name: 'Create issue',
    fields: [PROJECT, SUMMARY, ISSUE_TYPE],
    async run(ctx, credentials, input) {
      const { status, body } = await callApp(app(), ctx, credentials, '/rest/api/3/issue', {
        method: 'POST',
        json: {
          fields: {
            project: { key: requiredInput(input, PROJECT) },
            summary: requiredInput(input, SUMMARY),
            issuetype: { name: input[ISSUE_TYPE.key]?.trim() || 'Task' },
          },
        },
      })
      return { upstreamStatus: status, output: { issueId: requireString(ctx, body, 'id'), issueKey: stringField(body, 'key') ?? null } }
    },
  }
}
