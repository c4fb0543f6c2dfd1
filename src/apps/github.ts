import { AppError } from '../domain/errors'
import { optionalInput, requiredInput } from './fields'
import { idField, requireString, stringField } from './http'
import { callApi, pathSegment, tokenAuth } from './rest'
import type { AppDefinition, Credentials, Field } from './types'

// https://docs.github.com/en/rest/users/users#get-the-authenticated-user (GET /user: login, id) and .../issues/issues#create-an-issue.
const GITHUB_AUTHORIZE_URL = 'https://github.com/login/oauth/authorize'
const GITHUB_TOKEN_URL = 'https://github.com/login/oauth/access_token'
const GITHUB_API = 'https://api.github.com'

const REPOSITORY: Field = { key: 'repository', label: 'Repository', secret: false, placeholder: 'owner/name' }
const TITLE: Field = { key: 'title', label: 'Issue title', secret: false }
const BODY: Field = { key: 'body', label: 'Description', secret: false, type: 'textarea', optional: true }

const REPOSITORY_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/

export const github: AppDefinition = {
  id: 'github',
  name: 'GitHub',
  iconUrl: '/icons/github.svg',
  category: 'developer',
  authType: 'oauth2',
  fields: [],
  oauth: {
    provider: 'GITHUB',
    providerName: 'GitHub',
    scopes: ['read:user', 'repo'],
    scopeDescriptions: ['See your GitHub profile', 'Open issues in your repositories'],
    clientAuth: 'body',
  },
  defaultEndpoints: { authorizeUrl: GITHUB_AUTHORIZE_URL, tokenUrl: GITHUB_TOKEN_URL, apiBaseUrl: GITHUB_API },
  async verify(ctx, credentials) {
    const { body } = await callApi(ctx, githubAuth(credentials), '/user')
    return { label: requireString(ctx, body, 'login'), id: idField(body, 'id') }
  },
  actions: [
    {
      id: 'create-issue',
      name: 'Create issue',
      fields: [REPOSITORY, TITLE, BODY],
      async run(ctx, credentials, input) {
        const repository = requiredInput(input, REPOSITORY)
        if (!REPOSITORY_PATTERN.test(repository)) throw new AppError('invalid_request', 'Repository must look like owner/name.')
        const [owner = '', name = ''] = repository.split('/')
        const body = optionalInput(input, BODY)
        const answer = await callApi(
          ctx,
          githubAuth(credentials),
          `/repos/${pathSegment(owner, REPOSITORY.label)}/${pathSegment(name, REPOSITORY.label)}/issues`,
          {
            method: 'POST',
            json: { title: requiredInput(input, TITLE), ...(body ? { body } : {}) },
          },
        )
        return {
          upstreamStatus: answer.status,
          output: { number: idField(answer.body, 'number') ?? null, url: stringField(answer.body, 'html_url') ?? null },
        }
      },
    },
  ],
}

/** GitHub refuses requests without a User-Agent, and versions its API by header. */
function githubAuth(credentials: Credentials): Record<string, string> {
  return { ...tokenAuth(credentials), 'user-agent': 'Tether', accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' }
}
