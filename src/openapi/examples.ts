/** Example values for the document; the tests parse each one with the schema it illustrates. */

export const exampleUser = { id: 'Xr4mQ2vT9bLp0sKe', email: 'olivia@agency.example', name: 'Olivia Owner' }

export const exampleWorkspace = { id: 'Wk7dN1cZ5hQa3uFy', name: "Olivia Owner's workspace" }

export const exampleSession = { user: exampleUser, workspace: exampleWorkspace }

export const exampleApiToken = {
  id: 'Tk4mR7tB1cZ5hQa3',
  name: 'CI deploys',
  scope: 'read',
  createdAt: '2026-03-02T09:30:00.000Z',
  lastUsedAt: '2026-03-04T17:12:00.000Z',
  expiresAt: '2026-04-01T09:30:00.000Z',
}

const linkUrl = 'https://tether.example/connect/q8Vd2kP0xN4mR7tB1cZ5hQa3uFyWk7dN'

export const examplePendingConnection = {
  id: 'Cn2pL8sV0dQ4wE6r',
  appId: 'wordpress',
  name: 'Client WordPress',
  status: 'pending',
  via: 'link',
  badge: 'pending',
  accountLabel: null,
  metadata: {},
  needsReconnect: false,
  health: 'unknown',
  lastCheckedAt: null,
  lastError: null,
  credentialsSource: null,
  credentialsUpdatedAt: null,
  createdAt: '2026-11-02T09:30:00.000Z',
  updatedAt: '2026-11-02T09:30:00.000Z',
  link: { status: 'pending', purpose: 'create', expiresAt: '2026-11-04T09:30:00.000Z' },
}

export const exampleActiveConnection = {
  ...examplePendingConnection,
  status: 'active',
  badge: 'via_link',
  accountLabel: 'Wendy on client.example',
  credentialsSource: 'client_link',
  credentialsUpdatedAt: '2026-11-02T10:05:12.345Z',
  updatedAt: '2026-11-02T10:05:12.345Z',
  health: 'ok',
  lastCheckedAt: '2026-11-03T04:17:40.112Z',
  link: { status: 'used', purpose: 'create', expiresAt: '2026-11-04T09:30:00.000Z' },
}

export const exampleLinkCreated = {
  connection: examplePendingConnection,
  link: { url: linkUrl, expiresAt: '2026-11-04T09:30:00.000Z' },
}

export const exampleLinkRequest = {
  id: 'Rq5tY7uI9oP1aS3d',
  url: 'https://tether.example/connect/r/Zx9cV8bN7mQ6wE5rT4yU3iO2pA1sD0fG',
  expiresAt: '2026-11-04T09:30:00.000Z',
  createdAt: '2026-11-02T09:30:00.000Z',
  items: [
    { connection: examplePendingConnection },
    { connection: { ...examplePendingConnection, id: 'Cn9kJ7hG5fD3sA1q', appId: 'mailchimp', name: 'Client Mailchimp' } },
  ],
}

export const examplePendingLink = { url: linkUrl, status: 'pending', purpose: 'refresh', expiresAt: '2026-11-04T09:30:00.000Z' }

export const exampleExpiredLink = {
  status: 'expired',
  purpose: 'create',
  expiresAt: '2026-11-04T09:30:00.000Z',
  message: 'This connection link expired on 4 Nov 2026, 09:30 (UTC). Click Refresh credentials to generate a new link.',
}

export const exampleEvents = [
  {
    id: 'Ev6gH8jK0lZ2xC4v',
    type: 'credentials_submitted',
    actor: 'client',
    at: '2026-11-02T10:05:12.345Z',
    ipCountry: 'DE',
    userAgent: 'Mozilla/5.0',
    detail: { account: 'Wendy on client.example', purpose: 'create' },
  },
  {
    id: 'Ev5tY7uI9oP1aS3d',
    type: 'created',
    actor: 'owner',
    at: '2026-11-02T09:30:00.000Z',
    ipCountry: null,
    userAgent: null,
    detail: { via: 'link' },
  },
]

export const exampleApp = {
  id: 'wordpress',
  name: 'WordPress',
  iconUrl: '/icons/wordpress.svg',
  category: 'marketing',
  authType: 'basic',
  available: true,
  fields: [
    { key: 'siteUrl', label: 'Site address', secret: false },
    { key: 'username', label: 'Username', secret: false },
    { key: 'applicationPassword', label: 'Application password', secret: true },
  ],
  actions: [
    {
      id: 'create-post',
      name: 'Create post',
      fields: [
        { key: 'title', label: 'Title', secret: false },
        { key: 'content', label: 'Content', secret: false },
      ],
    },
  ],
}

export const exampleStep = {
  appId: 'wordpress',
  action: 'create-post',
  connectionId: 'Cn2pL8sV0dQ4wE6r',
  input: { title: '{{trigger.title}}', content: 'Body: {{trigger.body}}' },
  attempts: 3,
  timeoutSeconds: null,
}

export const exampleWorkflowBody = { name: 'Publish posts', steps: [exampleStep] }

export const exampleWorkflow = {
  id: 'Wf3eR5tY7uI9oP1a',
  name: 'Publish posts',
  webhookUrl: 'https://tether.example/hooks/h1Jk2Lm3Nb4Vc5Xz6As7Df8Gh9Qw0Er1T',
  webhookSigning: false,
  steps: [{ position: 0, ...exampleStep }],
  createdAt: '2026-11-02T11:00:00.000Z',
  updatedAt: '2026-11-02T11:00:00.000Z',
}

export const exampleRun = {
  id: 'Rn8uI0oP2aS4dF6g',
  status: 'succeeded',
  startedAt: '2026-11-02T11:10:00.000Z',
  finishedAt: '2026-11-02T11:10:00.420Z',
  error: null,
  steps: [
    {
      position: 0,
      status: 'succeeded',
      upstreamStatus: 201,
      durationMs: 412,
      output: { id: 42, link: 'https://client.example/?p=42' },
      error: null,
      connectionId: 'Cn2pL8sV0dQ4wE6r',
      connectionName: 'Client WordPress',
      accountLabel: 'Wendy on client.example',
      attempts: 1,
    },
  ],
  retryOf: null,
  retryable: true,
}
