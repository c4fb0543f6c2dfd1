import { optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, pathSegment, tokenAuth } from './rest'
import type { AppDefinition, Field } from './types'

// https://docs.gitlab.com/api/users/#retrieve-the-current-user (GET /api/v4/user) and https://docs.gitlab.com/api/issues/#new-issue.
const GITLAB_AUTHORIZE_URL = 'https://gitlab.com/oauth/authorize'
const GITLAB_TOKEN_URL = 'https://gitlab.com/oauth/token'
const GITLAB_API = 'https://gitlab.com/api/v4'
/** https://docs.gitlab.com/api/oauth2/#revoke-a-token */
const GITLAB_REVOKE_URL = 'https://gitlab.com/oauth/revoke'

const PROJECT: Field = {
  key: 'project',
  label: 'Project',
  secret: false,
  placeholder: 'group/project',
  help: 'Its path, or its numeric ID.',
}
const TITLE: Field = { key: 'title', label: 'Issue title', secret: false }
const DESCRIPTION: Field = { key: 'description', label: 'Description', secret: false, type: 'textarea', optional: true }

export const gitlab: AppDefinition = {
  id: 'gitlab',
  name: 'GitLab',
  iconUrl: '/icons/gitlab.svg',
  category: 'developer',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'GITLAB',
    providerName: 'GitLab',
    scopes: ['read_user', 'api'],
    scopeDescriptions: ['See your GitLab profile', 'Open issues in your projects'],
    clientAuth: 'body',
    revocation: 'rfc7009',
  },
  defaultEndpoints: {
    authorizeUrl: GITLAB_AUTHORIZE_URL,
    tokenUrl: GITLAB_TOKEN_URL,
    revokeUrl: GITLAB_REVOKE_URL,
    apiBaseUrl: GITLAB_API,
  },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, tokenAuth(credentials), '/user')
    return { label: requireString(ctx, body, 'username'), id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-issue',
      name: 'Create issue',
      fields: [PROJECT, TITLE, DESCRIPTION],
      async run(ctx, credentials, input) {
        const description = optionalInput(input, DESCRIPTION)
        // A project path is one URL segment, its slash encoded.
        const { status, body } = await callApi(
          ctx,
          tokenAuth(credentials),
          `/projects/${pathSegment(requiredInput(input, PROJECT), PROJECT.label)}/issues`,
          {
            method: 'POST',
            json: { title: requiredInput(input, TITLE), ...(description ? { description } : {}) },
          },
        )
        return { upstreamStatus: status, output: { issueId: idField(body, 'iid') ?? null, url: stringField(body, 'web_url') ?? null } }
      },
    },
  ],
}
