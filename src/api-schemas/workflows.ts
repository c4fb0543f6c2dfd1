import * as z from 'zod'
import { ID_MAX, MAX_STEPS, STEP_ATTEMPTS_MAX, STEP_TIMEOUT_MAX_SECONDS, TEMPLATE_MAX } from '../domain/limits'
import { name, timestamp } from './common'

const timeoutSeconds = z
  .int()
  .min(1)
  .max(STEP_TIMEOUT_MAX_SECONDS)
  .describe(
    'Seconds each call of this step to the app may take before it counts as unanswered (and is tried again). ' +
      `Null or left out: the deployment's default (10 s unless UPSTREAM_TIMEOUT_MS says otherwise); at most ${STEP_TIMEOUT_MAX_SECONDS}.`,
  )

const stepSchema = z
  .object({
    appId: z.string().min(1).max(ID_MAX),
    action: z.string().min(1).max(ID_MAX),
    connectionId: z.string().min(1).max(ID_MAX),
    input: z
      .record(z.string().min(1).max(ID_MAX), z.string().max(TEMPLATE_MAX))
      .default({})
      .describe('Action field key → template text, e.g. `{{trigger.title}}` or `{{steps.0.id}}`.'),
    attempts: z
      .int()
      .min(1)
      .max(STEP_ATTEMPTS_MAX)
      .optional()
      .describe('Tries per run when the app answers 429 or 5xx or does not answer (other 4xx are never retried). Default 3.'),
    timeoutSeconds: timeoutSeconds.nullable().optional(),
  })
  .strict()

export const workflowSchema = z
  .object({
    name,
    steps: z.array(stepSchema).max(MAX_STEPS),
  })
  .strict()

export const workflowStep = z.strictObject({
  position: z.int().min(0),
  appId: z.string(),
  action: z.string(),
  connectionId: z.string(),
  input: z.record(z.string(), z.string()),
  attempts: z.int().min(1).max(STEP_ATTEMPTS_MAX),
  timeoutSeconds: timeoutSeconds.nullable(),
})

export const workflow = z.strictObject({
  id: z.string(),
  name: z.string(),
  webhookUrl: z.url(),
  webhookSigning: z.boolean().describe('Whether triggers must carry a valid Standard Webhooks signature (see the webhook secret).'),
  steps: z.array(workflowStep),
  createdAt: timestamp,
  updatedAt: timestamp,
})

export const runStep = z.strictObject({
  position: z.int().min(0),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  upstreamStatus: z.int().nullable(),
  durationMs: z.int().min(0),
  output: z.unknown(),
  error: z.string().nullable(),
  connectionId: z.string().nullable().describe('The connection the step ran with; null when skipped or when it had none.'),
  connectionName: z.string().nullable().describe('The connection’s name at the time of the run.'),
  accountLabel: z.string().nullable().describe('The account the connection was signed in as at the time of the run.'),
  attempts: z.int().min(0).describe('How many times the step was tried: more than 1 after 429, 5xx or timeouts; 0 when skipped.'),
})

export const run = z.strictObject({
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']).describe('`queued` until the runs queue delivers it.'),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  error: z.string().nullable(),
  retryOf: z.string().nullable().describe('The run this one retried, with the same stored payload.'),
  retryable: z.boolean().describe('Whether the trigger payload is stored, so `POST /runs/{id}/retry` can run it again.'),
  steps: z.array(runStep),
})

export const runParams = z.object({ id: z.string().min(1).max(ID_MAX) })

export const runStartedResponse = z.strictObject({ runId: z.string().describe('The new run, queued with the same payload.') })

export const workflowResponse = z.strictObject({ workflow })

export const webhookSecretResponse = z.strictObject({
  workflow,
  secret: z
    .string()
    .startsWith('whsec_')
    .describe('Standard Webhooks signing secret (`whsec_` + base64 key). Shown only in this answer; store it with the sender.'),
})

export const workflowListResponse = z.strictObject({ workflows: z.array(workflow) })

export const runListResponse = z.strictObject({ runs: z.array(run), nextCursor: z.string().nullable() })

/** The webhook's token is not validated: every unknown or malformed one gets the same 404. */
export const hookParams = z.object({ token: z.string() })

/** Any JSON value, whatever the content type says; an empty body is `{}`. Read as is, not validated. */
export const hookPayload = z.unknown().describe('Any JSON value; an empty body triggers the workflow with `{}`.')

export const hookAcceptedResponse = z.strictObject({ runId: z.string() })
