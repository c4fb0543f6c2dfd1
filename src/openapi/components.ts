import type * as z from 'zod'
import { app } from '../api-schemas/apps'
import { user, workspace } from '../api-schemas/auth'
import { errorEnvelope, validationIssue } from '../api-schemas/common'
import { connection, event, link, linkSummary } from '../api-schemas/connections'
import { run, runStep, workflow, workflowStep } from '../api-schemas/workflows'

/** Shapes that recur inside answers get a name, so the document refers to one definition. */
export const sharedSchemas: Record<string, { schema: z.ZodType; description: string }> = {
  Error: {
    schema: errorEnvelope,
    description: 'Every error answer: a stable `code` (the HTTP status follows from it) and a message for people.',
  },
  ValidationIssue: { schema: validationIssue, description: 'One invalid field: its dotted path in the body and what is wrong.' },
  User: { schema: user, description: 'The signed-in account.' },
  Workspace: { schema: workspace, description: 'The account’s workspace; every connection and workflow belongs to one.' },
  App: { schema: app, description: 'A third-party app of the catalog. Secret fields are never returned once stored.' },
  Connection: {
    schema: connection,
    description: 'Access to one client account of an app. Credentials are never returned; `link` is the latest link, if any.',
  },
  LinkSummary: { schema: linkSummary, description: 'The state of a connection’s latest link.' },
  Link: { schema: link, description: 'A single-use link for the client.' },
  Event: { schema: event, description: 'One entry of a connection’s audit trail.' },
  Workflow: { schema: workflow, description: 'A webhook trigger and the steps it runs. The webhook URL holds its secret token.' },
  WorkflowStep: { schema: workflowStep, description: 'One action of a workflow, with its connection and input templates.' },
  Run: { schema: run, description: 'One execution of a workflow.' },
  RunStep: { schema: runStep, description: 'What one step did: the app’s HTTP status, its output, or why it failed.' },
}

export const SESSION_COOKIE = 'tether_session'

export const securitySchemes = {
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /api/v1/tokens, sent as `Authorization: Bearer tth_…`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: `__Host-${SESSION_COOKIE}`,
    description: 'The session cookie set by sign-up and login over https.',
  },
  localSessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The same cookie over plain http (local development), where browsers refuse the `__Host-` prefix.',
  },
} as const

export const ownerSecurity = Object.keys(securitySchemes).map((scheme) => ({ [scheme]: [] }))

export const tags = [
  { name: 'auth', description: 'Accounts, sessions and API tokens.' },
  { name: 'apps', description: 'The catalog of third-party apps.' },
  { name: 'connections', description: 'Client accounts, and the single-use links that ask clients for them.' },
  { name: 'workflows', description: 'Webhook-triggered steps that act with connections.' },
  { name: 'webhooks', description: 'The public trigger of a workflow.' },
  { name: 'notifications', description: 'What the workspace’s people are told of, in the app and by email.' },
  { name: 'oauth-apps', description: 'Bring your own OAuth app: the workspace’s own client per provider.' },
  { name: 'brand', description: 'The workspace’s name, logo and colour on the pages its clients see.' },
  { name: 'meta', description: 'This document.' },
]
